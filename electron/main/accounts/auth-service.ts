import { AppError } from '../../../shared/errors';
import type { ClinicSettings } from '../../../shared/domain/settings';
import type { SessionInfo } from '../../../shared/domain/user';
import type { Role } from '../../../shared/domain/roles';
import type { Session } from '../ipc/session';
import { appendAudit } from '../audit/audit-service';
import { isoNow, type ServiceContext } from '../context';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { createClinicSettings, readClinicSettings } from '../settings/settings-service';
import {
  clearFailedSignIns,
  countUsers,
  findUserByUsername,
  insertUser,
  recordFailedSignIn,
  type UserRow,
} from './user-service';
import { t } from '../i18n/translate';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

export function sessionInfo(ctx: ServiceContext, session: Session): SessionInfo {
  if (!session.user) throw new AppError('UNAUTHENTICATED', t('errors.accounts.pleaseSignIn'));
  return {
    ...session.user,
    idleLockMinutes: readClinicSettings(ctx)?.idleLockMinutes ?? 10,
  };
}

function startSession(ctx: ServiceContext, session: Session, row: UserRow): void {
  session.user = {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as Role[],
  };
  session.locked = false;
  session.lastActivityMs = ctx.now().getTime();
}

export async function completeSetup(
  ctx: ServiceContext,
  session: Session,
  input: {
    clinic: ClinicSettings;
    admin: { username: string; displayName: string; password: string; alsoDoctor: boolean };
  },
): Promise<SessionInfo> {
  if (countUsers(ctx) > 0) throw new AppError('ALREADY_SET_UP', t('errors.accounts.clinicAlreadySetUpSign'));
  const hash = await hashPassword(input.admin.password);
  const db = ctx.db.sqlite;
  const row = db
    .transaction(() => {
      if (countUsers(ctx) > 0) throw new AppError('ALREADY_SET_UP', t('errors.accounts.clinicAlreadySetUpSign'));
      const roles: Role[] = input.admin.alsoDoctor ? ['admin', 'doctor'] : ['admin'];
      // The first administrator creates their own account: its audit entry is the setup itself.
      const user = insertUser(
        ctx,
        { username: input.admin.username, displayName: input.admin.displayName, password: '', roles },
        hash,
        null,
        { action: 'setup.complete', details: input.clinic.clinicName },
      );
      createClinicSettings(ctx, input.clinic, { userId: user.id, username: user.username, roles });
      appendAudit(db, { at: isoNow(ctx), userId: user.id, username: user.username, action: 'auth.sign_in' });
      return user;
    })
    .immediate();
  startSession(ctx, session, row);
  return sessionInfo(ctx, session);
}

export async function signIn(
  ctx: ServiceContext,
  session: Session,
  input: { username: string; password: string },
): Promise<SessionInfo> {
  if (countUsers(ctx) === 0) throw new AppError('SETUP_REQUIRED', t('errors.accounts.setUpClinicFirst'));
  const db = ctx.db.sqlite;
  const row = findUserByUsername(ctx, input.username);
  const audit = (
    action: 'auth.sign_in' | 'auth.sign_in_failed' | 'auth.lockout',
    outcome: 'success' | 'failure',
    details = '',
  ) =>
    appendAudit(db, {
      at: isoNow(ctx),
      userId: row?.id ?? null,
      username: row?.username ?? input.username,
      action,
      outcome,
      details,
    });

  if (!row) {
    await verifyPassword(input.password, await decoyHash());
    audit('auth.sign_in_failed', 'failure', 'unknown user name');
    throw new AppError('INVALID_CREDENTIALS', t('errors.accounts.userNamePasswordDoNot'));
  }
  if (row.disabled_at) {
    audit('auth.sign_in_failed', 'failure', 'account disabled');
    throw new AppError('ACCOUNT_DISABLED', t('errors.accounts.accountDisabledAskAdministratorEnable'));
  }
  const now = ctx.now();
  if (row.locked_until && new Date(row.locked_until) > now) {
    audit('auth.sign_in_failed', 'failure', 'account locked');
    throw new AppError('ACCOUNT_LOCKED', lockedMessage(row.locked_until));
  }

  const ok = await verifyPassword(input.password, row.password_hash);
  if (!ok) {
    const lockedUntil = db
      .transaction(() => {
        const current = (
          db.prepare('SELECT failed_attempts FROM users WHERE id = ?').get(row.id) as { failed_attempts: number }
        ).failed_attempts;
        // An expired lock starts a fresh count.
        const attempts = row.locked_until ? 1 : current + 1;
        const until =
          attempts >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
        recordFailedSignIn(ctx, row.id, until ? 0 : attempts, until);
        audit('auth.sign_in_failed', 'failure', 'wrong password');
        if (until)
          audit(
            'auth.lockout',
            'failure',
            `${MAX_FAILED_SIGN_INS} failed sign-ins; locked for ${LOCKOUT_MINUTES} minutes`,
          );
        return until;
      })
      .immediate();
    if (lockedUntil) throw new AppError('ACCOUNT_LOCKED', lockedMessage(lockedUntil));
    throw new AppError('INVALID_CREDENTIALS', t('errors.accounts.userNamePasswordDoNot'));
  }

  db.transaction(() => {
    clearFailedSignIns(ctx, row.id);
    audit(
      'auth.sign_in',
      'success',
      session.locked && session.user?.userId === row.id ? 'unlocked after idle lock' : '',
    );
  }).immediate();
  startSession(ctx, session, row);
  return sessionInfo(ctx, session);
}

function lockedMessage(until: string): string {
  const time = new Date(until).toISOString().slice(11, 16);
  return `Too many failed sign-ins: this account is locked until ${time} UTC. Try again then, or ask an administrator to reset the password.`;
}

export function signOut(ctx: ServiceContext, session: Session): null {
  if (session.user) {
    appendAudit(ctx.db.sqlite, {
      at: isoNow(ctx),
      userId: session.user.userId,
      username: session.user.username,
      action: 'auth.sign_out',
    });
  }
  session.user = null;
  session.locked = false;
  return null;
}

export function lockSession(ctx: ServiceContext, session: Session, reason: 'idle' | 'manual'): null {
  if (!session.user || session.locked) return null;
  session.locked = true;
  appendAudit(ctx.db.sqlite, {
    at: isoNow(ctx),
    userId: session.user.userId,
    username: session.user.username,
    action: 'auth.idle_lock',
    details: reason === 'idle' ? 'locked after idle time' : 'locked by the user',
  });
  return null;
}

/** What the window needs before anyone signs in: first run or not, the clinic, and this window's session. */
export function appStatus(ctx: ServiceContext, session: Session) {
  const clinic = readClinicSettings(ctx);
  return {
    setupRequired: countUsers(ctx) === 0,
    recoveryRequired: false,
    clinicName: clinic?.clinicName ?? null,
    clinicTimeZone: clinic?.timeZone ?? null,
    session: session.user && !session.locked ? sessionInfo(ctx, session) : null,
    locked: session.locked,
    lockedUsername: session.locked ? (session.user?.username ?? null) : null,
  };
}
