import { AppError } from '../../../shared/errors';
import type { ClinicSettings } from '../../../shared/domain/settings';
import type { SessionInfo } from '../../../shared/domain/user';
import type { Role } from '../../../shared/domain/roles';
import type { Session } from '../ipc/session';
import { appendAudit } from '../audit/audit-service';
import { isoNow, type ServiceContext } from '../context';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { clinicTimeZone, createClinicSettings, readClinicSettings } from '../settings/settings-service';
import { utcToZoned } from '../../../shared/zoned-time';
import { assertPasswordAllowed } from './password-policy';
import { sessionStillValid } from './session-account';
import {
  changeUser,
  clearFailedSignIns,
  countUsers,
  findUserById,
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
  const { userId, username, displayName, roles, mustChangePassword } = session.user;
  return {
    userId,
    username,
    displayName,
    roles,
    mustChangePassword,
    idleLockMinutes: readClinicSettings(ctx)?.idleLockMinutes ?? 10,
  };
}

function startSession(ctx: ServiceContext, session: Session, row: UserRow): void {
  session.user = {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as Role[],
    epoch: row.session_epoch,
    // Raw reads give 0/1, drizzle's give a boolean.
    mustChangePassword: Boolean(row.must_change_password),
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
  assertPasswordAllowed(input.admin.password, input.admin, 'admin.password');
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

  // Nothing is said about the account (unknown, disabled, locked) until the password is right, and
  // every attempt costs one scrypt, so neither the answer nor its timing tells which names exist.
  const ok = await verifyPassword(input.password, row?.password_hash ?? (await decoyHash()));
  const now = ctx.now();
  const lockedUntil = row?.locked_until && new Date(row.locked_until) > now ? row.locked_until : null;
  if (!row || !ok) {
    const reason = !row ? 'unknown user name' : `wrong password (account ${row.disabled_at ? 'disabled' : 'locked'})`;
    db.transaction(() => {
      // A disabled or locked account does not count failures: only a good account can be locked out.
      if (row && !row.disabled_at && !lockedUntil) countFailure(ctx, row, now, audit);
      else audit('auth.sign_in_failed', 'failure', reason);
    }).immediate();
    throw new AppError('INVALID_CREDENTIALS', t('errors.accounts.userNamePasswordDoNot'));
  }
  if (row.disabled_at) {
    audit('auth.sign_in_failed', 'failure', 'account disabled');
    throw new AppError('ACCOUNT_DISABLED', t('errors.accounts.accountDisabledAskAdministratorEnable'));
  }
  if (lockedUntil) {
    audit('auth.sign_in_failed', 'failure', 'account locked');
    throw new AppError('ACCOUNT_LOCKED', lockedMessage(ctx, lockedUntil));
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

type SignInAudit = (
  action: 'auth.sign_in' | 'auth.sign_in_failed' | 'auth.lockout',
  outcome: 'success' | 'failure',
  details?: string,
) => void;

/** A wrong password on a good account: counted on this laptop; the fifth in a row locks the account. */
function countFailure(ctx: ServiceContext, row: UserRow, now: Date, audit: SignInAudit): void {
  const current = (
    ctx.db.sqlite.prepare('SELECT failed_attempts FROM users WHERE id = ?').get(row.id) as { failed_attempts: number }
  ).failed_attempts;
  // An expired lock starts a fresh count.
  const attempts = row.locked_until ? 1 : current + 1;
  const until =
    attempts >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
  recordFailedSignIn(ctx, row.id, until ? 0 : attempts, until);
  audit('auth.sign_in_failed', 'failure', 'wrong password');
  if (until)
    audit('auth.lockout', 'failure', `${MAX_FAILED_SIGN_INS} failed sign-ins; locked for ${LOCKOUT_MINUTES} minutes`);
}

/** Said only to someone who typed the right password: the lock's end on the clinic's clock. */
function lockedMessage(ctx: ServiceContext, until: string): string {
  const timeZone = clinicTimeZone(ctx);
  return t('errors.accounts.accountLockedUntil', { time: utcToZoned(until, timeZone).time, timeZone });
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
    // An account disabled or reset since this window signed in shows the sign-in screen, not the shell.
    session: sessionStillValid(ctx, session) && !session.locked ? sessionInfo(ctx, session) : null,
    locked: session.locked,
    lockedUsername: session.locked ? (session.user?.username ?? null) : null,
  };
}

/**
 * A person chooses their own password: the current one proves who is at the keyboard. Clears the
 * must-change flag and raises the account's session epoch, which ends the person's other sessions
 * (another window, a session someone else started with the old password) while this one carries on
 * with the new epoch.
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  session: Session,
  input: { currentPassword: string; newPassword: string },
): Promise<SessionInfo> {
  const user = session.user;
  if (!user) throw new AppError('UNAUTHENTICATED', t('errors.accounts.pleaseSignIn'));
  const row = findUserById(ctx, user.userId);
  if (!row) throw new AppError('UNAUTHENTICATED', t('errors.ipc.yourAccountNoLongerActive'));
  if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
    throw new AppError('VALIDATION', t('errors.ipc.someFieldsNeedAttention'), {
      currentPassword: t('errors.accounts.currentPasswordWrong'),
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION', t('errors.ipc.someFieldsNeedAttention'), {
      newPassword: t('errors.accounts.password.sameAsCurrent'),
    });
  }
  assertPasswordAllowed(input.newPassword, { username: row.username, displayName: row.display_name }, 'newPassword');
  const hash = await hashPassword(input.newPassword);
  const actor = { userId: user.userId, username: user.username, roles: user.roles };
  const updated = ctx.db.sqlite
    .transaction(() => {
      // Re-read inside the transaction: an administrator may have reset or disabled the account
      // while the hash was being computed; then this session has already ended.
      const current = findUserById(ctx, user.userId);
      if (!current || current.disabled_at || current.session_epoch !== user.epoch) {
        throw new AppError('UNAUTHENTICATED', t('errors.ipc.sessionEnded'));
      }
      return changeUser(
        ctx,
        current,
        { password_hash: hash, must_change_password: 0, session_epoch: current.session_epoch + 1 },
        actor,
        {
          action: 'auth.password_change',
          details: current.must_change_password ? 'replaced a password set by an administrator' : '',
        },
      );
    })
    .immediate();
  session.user = { ...user, epoch: updated.session_epoch, mustChangePassword: false };
  session.lastActivityMs = ctx.now().getTime();
  return sessionInfo(ctx, session);
}
