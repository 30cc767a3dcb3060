import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/domain/roles';
import type { User, UserCreate } from '../../../shared/domain/user';
import { appendChange, newId } from '../db/records';
import { appendAudit } from '../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { hashPassword } from './password';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string;
  disabled_at: string | null;
  failed_attempts: number;
  locked_until: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as Role[],
    disabled: row.disabled_at !== null,
    lockedUntil: row.locked_until,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findUserById(ctx: ServiceContext, id: string): UserRow | undefined {
  return ctx.db.sqlite.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function findUserByUsername(ctx: ServiceContext, username: string): UserRow | undefined {
  return ctx.db.sqlite.prepare('SELECT * FROM users WHERE lower(username) = lower(?)').get(username) as
    UserRow | undefined;
}

export function countUsers(ctx: ServiceContext): number {
  return (ctx.db.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function listUsers(ctx: ServiceContext): User[] {
  const rows = ctx.db.sqlite.prepare('SELECT * FROM users ORDER BY lower(display_name)').all() as UserRow[];
  return rows.map(toUser);
}

function requireUser(ctx: ServiceContext, id: string): UserRow {
  const row = findUserById(ctx, id);
  if (!row) throw new AppError('NOT_FOUND', 'That user no longer exists.');
  return row;
}

function activeAdminCount(ctx: ServiceContext, exceptId?: string): number {
  const rows = ctx.db.sqlite
    .prepare('SELECT id, roles FROM users WHERE disabled_at IS NULL AND roles LIKE \'%"admin"%\'')
    .all() as { id: string; roles: string }[];
  return rows.filter((r) => r.id !== exceptId).length;
}

/** Inserts a user row with its change-log entry; the caller owns the transaction and the audit entry. */
export function insertUser(
  ctx: ServiceContext,
  input: UserCreate,
  passwordHash: string,
  createdBy: string | null,
): UserRow {
  if (findUserByUsername(ctx, input.username)) {
    throw new AppError('VALIDATION', 'That user name is already taken.', {
      username: 'This user name is taken; choose another',
    });
  }
  const id = newId();
  const at = isoNow(ctx);
  const by = createdBy ?? id;
  ctx.db.sqlite
    .prepare(
      `INSERT INTO users (id, created_at, updated_at, created_by, updated_by, version, username, display_name, password_hash, roles)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    )
    .run(id, at, at, by, by, input.username, input.displayName, passwordHash, JSON.stringify(input.roles));
  appendChange(ctx.db.sqlite, { entity: 'user', entityId: id, operation: 'create', version: 1, at, userId: by });
  return requireUser(ctx, id);
}

export async function createUser(ctx: ServiceContext, input: UserCreate, actor: Actor): Promise<User> {
  const hash = await hashPassword(input.password);
  const db = ctx.db.sqlite;
  return db
    .transaction(() => {
      const row = insertUser(ctx, input, hash, actor.userId);
      appendAudit(db, {
        at: isoNow(ctx),
        userId: actor.userId,
        username: actor.username,
        action: 'user.create',
        details: `${row.username} (${input.roles.join(', ')})`,
      });
      return toUser(row);
    })
    .immediate();
}

function bumpUser(ctx: ServiceContext, row: UserRow, set: string, params: unknown[], actor: Actor): UserRow {
  const at = isoNow(ctx);
  ctx.db.sqlite
    .prepare(`UPDATE users SET ${set}, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`)
    .run(...params, at, actor.userId, row.id);
  appendChange(ctx.db.sqlite, {
    entity: 'user',
    entityId: row.id,
    operation: 'update',
    version: row.version + 1,
    at,
    userId: actor.userId,
  });
  return requireUser(ctx, row.id);
}

export function updateUser(
  ctx: ServiceContext,
  input: { id: string; version: number; displayName: string; roles: Role[] },
  actor: Actor,
): User {
  const db = ctx.db.sqlite;
  return db
    .transaction(() => {
      const row = requireUser(ctx, input.id);
      if (row.version !== input.version) {
        throw new AppError('CONFLICT', 'Someone else changed this account since you opened it. Reload and try again.');
      }
      if (
        !input.roles.includes('admin') &&
        row.disabled_at === null &&
        JSON.parse(row.roles).includes('admin') &&
        activeAdminCount(ctx, row.id) === 0
      ) {
        throw new AppError('VALIDATION', 'The clinic needs at least one active administrator.', {
          roles: 'Keep the administrator role: this is the last active administrator',
        });
      }
      const updated = bumpUser(
        ctx,
        row,
        'display_name = ?, roles = ?',
        [input.displayName, JSON.stringify(input.roles)],
        actor,
      );
      appendAudit(db, {
        at: isoNow(ctx),
        userId: actor.userId,
        username: actor.username,
        action: 'user.update',
        details: `${row.username}: roles ${JSON.parse(row.roles).join(', ')} -> ${input.roles.join(', ')}`,
      });
      return toUser(updated);
    })
    .immediate();
}

export async function resetPassword(
  ctx: ServiceContext,
  input: { id: string; newPassword: string },
  actor: Actor,
): Promise<null> {
  const hash = await hashPassword(input.newPassword);
  const db = ctx.db.sqlite;
  db.transaction(() => {
    const row = requireUser(ctx, input.id);
    bumpUser(ctx, row, 'password_hash = ?, failed_attempts = 0, locked_until = NULL', [hash], actor);
    appendAudit(db, {
      at: isoNow(ctx),
      userId: actor.userId,
      username: actor.username,
      action: 'user.password_reset',
      details: row.username,
    });
  }).immediate();
  return null;
}

export function setUserDisabled(ctx: ServiceContext, input: { id: string; disabled: boolean }, actor: Actor): User {
  const db = ctx.db.sqlite;
  return db
    .transaction(() => {
      const row = requireUser(ctx, input.id);
      if (input.disabled && row.id === actor.userId) {
        throw new AppError('VALIDATION', 'You cannot disable your own account while signed in to it.');
      }
      if (input.disabled && JSON.parse(row.roles).includes('admin') && activeAdminCount(ctx, row.id) === 0) {
        throw new AppError('VALIDATION', 'The clinic needs at least one active administrator.');
      }
      const updated = bumpUser(ctx, row, 'disabled_at = ?', [input.disabled ? isoNow(ctx) : null], actor);
      appendAudit(db, {
        at: isoNow(ctx),
        userId: actor.userId,
        username: actor.username,
        action: input.disabled ? 'user.disable' : 'user.enable',
        details: row.username,
      });
      return toUser(updated);
    })
    .immediate();
}
