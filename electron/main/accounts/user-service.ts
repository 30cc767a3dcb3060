import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/domain/roles';
import type { User, UserCreate } from '../../../shared/domain/user';
import { newId, preparedOnce } from '../db/records';
import { count, sql } from 'drizzle-orm';
import { users } from '../db/schema';
import { RecordWriter, type ColumnValues, type WriteOptions } from '../records/record-writer';
import { userKind } from './user-kind';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { hashPassword, verifyPassword } from './password';
import { assertPasswordAllowed } from './password-policy';
import { t } from '../i18n/translate';

/** A users row as stored; the row type comes from the drizzle schema. */
export type UserRow = typeof users.$inferSelect;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as Role[],
    disabled: row.disabled_at !== null,
    lockedUntil: row.locked_until,
    mustChangePassword: Boolean(row.must_change_password),
    qualifications: row.qualifications,
    registrationNumber: row.registration_number,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findUserById(ctx: ServiceContext, id: string): UserRow | undefined {
  // Read on every IPC call (the dispatcher re-checks the account): prepared once per connection.
  return preparedOnce(ctx.db.sqlite, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

// Reads that are not on a hot path use drizzle's query builder; rows are the schema's own types.
export function findUserByUsername(ctx: ServiceContext, username: string): UserRow | undefined {
  return ctx.db.orm
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .get();
}

export function countUsers(ctx: ServiceContext): number {
  return ctx.db.orm.select({ n: count() }).from(users).get()?.n ?? 0;
}

export function listUsers(ctx: ServiceContext): User[] {
  return ctx.db.orm
    .select()
    .from(users)
    .orderBy(sql`lower(${users.display_name})`)
    .all()
    .map(toUser);
}

function requireUser(ctx: ServiceContext, id: string): UserRow {
  const row = findUserById(ctx, id);
  if (!row) throw new AppError('NOT_FOUND', t('errors.accounts.userNoLongerExists'));
  return row;
}

function activeAdminCount(ctx: ServiceContext, exceptId?: string): number {
  const rows = ctx.db.sqlite
    .prepare('SELECT id, roles FROM users WHERE disabled_at IS NULL AND roles LIKE \'%"admin"%\'')
    .all() as { id: string; roles: string }[];
  return rows.filter((r) => r.id !== exceptId).length;
}

/**
 * Creates a user through the record writer (change log and audit included); the caller owns the
 * transaction. `actor` null: the first administrator, created at setup, is their own creator.
 */
export function insertUser(
  ctx: ServiceContext,
  input: UserCreate,
  passwordHash: string,
  actor: Actor | null,
  audit: WriteOptions['audit'],
  options: { mustChangePassword: boolean } = { mustChangePassword: actor !== null },
): UserRow {
  if (findUserByUsername(ctx, input.username)) {
    throw new AppError('VALIDATION', t('errors.accounts.userNameAlreadyTaken'), {
      username: t('errors.accounts.userNameTakenChooseAnother'),
    });
  }
  const id = newId();
  const row = new RecordWriter(ctx).create(
    userKind,
    {
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      roles: JSON.stringify(input.roles),
      qualifications: input.qualifications ?? '',
      registration_number: input.registrationNumber ?? '',
      // A password someone else chose (an administrator, for a new colleague) is only good for one sign-in.
      must_change_password: options.mustChangePassword ? 1 : 0,
    },
    { id, actor: actor ?? { userId: id, username: input.username, roles: input.roles }, at: isoNow(ctx), audit },
  );
  return row as unknown as UserRow;
}

export async function createUser(ctx: ServiceContext, input: UserCreate, actor: Actor): Promise<User> {
  assertPasswordAllowed(input.password, input, 'password');
  const hash = await hashPassword(input.password);
  const db = ctx.db.sqlite;
  return db
    .transaction(() => {
      const row = insertUser(ctx, input, hash, actor, {
        action: 'user.create',
        details: `${input.username} (${input.roles.join(', ')})`,
      });
      return toUser(row);
    })
    .immediate();
}

export function changeUser(
  ctx: ServiceContext,
  row: UserRow,
  patch: ColumnValues,
  actor: Actor,
  audit: WriteOptions['audit'],
  version = row.version,
): UserRow {
  return new RecordWriter(ctx).update(userKind, row.id, version, patch, {
    actor,
    at: isoNow(ctx),
    audit,
  }) as unknown as UserRow;
}

export async function updateUser(
  ctx: ServiceContext,
  input: {
    id: string;
    version: number;
    displayName: string;
    roles: Role[];
    qualifications?: string | undefined;
    registrationNumber?: string | undefined;
    currentPassword?: string | undefined;
  },
  actor: Actor,
): Promise<User> {
  const before = requireUser(ctx, input.id);
  const ownRolesChange = before.id === actor.userId && !sameRoles(JSON.parse(before.roles) as Role[], input.roles);
  // Changing one's own roles (granting oneself "doctor" opens every chart) needs the password
  // again: an unlocked, unattended admin session must not be enough.
  if (ownRolesChange) {
    if (!input.currentPassword) {
      throw new AppError('VALIDATION', t('errors.accounts.ownRolesNeedPassword'), {
        currentPassword: t('errors.accounts.enterPasswordToChangeOwnRoles'),
      });
    }
    if (!(await verifyPassword(input.currentPassword, before.password_hash))) {
      throw new AppError('VALIDATION', t('errors.accounts.ownRolesNeedPassword'), {
        currentPassword: t('errors.accounts.currentPasswordWrong'),
      });
    }
  }
  const db = ctx.db.sqlite;
  return db
    .transaction(() => {
      const row = requireUser(ctx, input.id);
      if (
        !input.roles.includes('admin') &&
        row.disabled_at === null &&
        JSON.parse(row.roles).includes('admin') &&
        activeAdminCount(ctx, row.id) === 0
      ) {
        throw new AppError('VALIDATION', t('errors.accounts.clinicNeedsAtLeastOne'), {
          roles: t('errors.accounts.keepAdministratorRoleLastActive'),
        });
      }
      const updated = changeUser(
        ctx,
        row,
        {
          display_name: input.displayName,
          roles: JSON.stringify(input.roles),
          ...(input.qualifications !== undefined ? { qualifications: input.qualifications } : {}),
          ...(input.registrationNumber !== undefined ? { registration_number: input.registrationNumber } : {}),
        },
        actor,
        {
          action: ownRolesChange ? 'user.own_roles' : 'user.update',
          details: `${row.username}: roles ${JSON.parse(row.roles).join(', ')} -> ${input.roles.join(', ')}`,
        },
        input.version,
      );
      return toUser(updated);
    })
    .immediate();
}

/**
 * People edit their own printed credentials (a doctor's qualifications and registration number):
 * only those two columns of their own account, audited as a change of the account.
 */
export function updateOwnCredentials(
  ctx: ServiceContext,
  input: { version: number; qualifications: string; registrationNumber: string },
  actor: Actor,
): User {
  return ctx.db.sqlite
    .transaction(() => {
      const row = requireUser(ctx, actor.userId);
      const updated = changeUser(
        ctx,
        row,
        { qualifications: input.qualifications, registration_number: input.registrationNumber },
        actor,
        { action: 'user.update', details: `${row.username}: own qualifications and registration number` },
        input.version,
      );
      return toUser(updated);
    })
    .immediate();
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === new Set(b).size && a.every((r) => b.includes(r));
}

export async function resetPassword(
  ctx: ServiceContext,
  input: { id: string; newPassword: string },
  actor: Actor,
): Promise<null> {
  const owner = requireUser(ctx, input.id);
  assertPasswordAllowed(
    input.newPassword,
    { username: owner.username, displayName: owner.display_name },
    'newPassword',
  );
  const hash = await hashPassword(input.newPassword);
  const db = ctx.db.sqlite;
  db.transaction(() => {
    const row = requireUser(ctx, input.id);
    // The person chooses their own at the next sign-in; sessions signed in with the old one end.
    changeUser(
      ctx,
      row,
      { password_hash: hash, must_change_password: 1, session_epoch: row.session_epoch + 1 },
      actor,
      { action: 'user.password_reset', details: row.username },
    );
    clearFailedSignIns(ctx, row.id);
  }).immediate();
  return null;
}

export function setUserDisabled(ctx: ServiceContext, input: { id: string; disabled: boolean }, actor: Actor): User {
  const db = ctx.db.sqlite;
  return db
    .transaction(() => {
      const row = requireUser(ctx, input.id);
      if (input.disabled && row.id === actor.userId) {
        throw new AppError('VALIDATION', t('errors.accounts.youCannotDisableYourOwn'));
      }
      if (input.disabled && JSON.parse(row.roles).includes('admin') && activeAdminCount(ctx, row.id) === 0) {
        throw new AppError('VALIDATION', t('errors.accounts.clinicNeedsAtLeastOne'));
      }
      const patch: ColumnValues = { disabled_at: input.disabled ? isoNow(ctx) : null };
      // Disabling ends the account's open sessions (the dispatcher also refuses a disabled account).
      if (input.disabled) patch.session_epoch = row.session_epoch + 1;
      const updated = changeUser(ctx, row, patch, actor, {
        action: input.disabled ? 'user.disable' : 'user.enable',
        details: row.username,
      });
      return toUser(updated);
    })
    .immediate();
}

/** Failed sign-ins are counted on this laptop only (device columns): no version, no change log. */
export function recordFailedSignIn(
  ctx: ServiceContext,
  userId: string,
  attempts: number,
  lockedUntil: string | null,
): void {
  ctx.db.sqlite
    .prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?')
    .run(attempts, lockedUntil, userId);
}

export function clearFailedSignIns(ctx: ServiceContext, userId: string): void {
  ctx.db.sqlite.prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(userId);
}
