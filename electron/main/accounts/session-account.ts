import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/domain/roles';
import type { ServiceContext } from '../context';
import { preparedOnce } from '../db/records';
import type { Session } from '../ipc/session';
import { t } from '../i18n/translate';

/** The columns of users a signed-in session depends on. */
interface SessionAccountRow {
  id: string;
  username: string;
  display_name: string;
  roles: string;
  disabled_at: string | null;
  session_epoch: number;
  must_change_password: number;
}

/**
 * Re-reads the session's account (one primary-key read through a statement prepared once per
 * connection: this runs on every call, search keystrokes included) and ends the session if the
 * account was disabled, deleted, or had its password reset or changed elsewhere since this session
 * signed in (its epoch moved on). Otherwise refreshes the name, roles and must-change flag, so a
 * change an administrator makes takes effect on the next call. Returns the session's roles.
 */
export function checkSessionAccount(ctx: ServiceContext, session: Session): Role[] {
  const user = session.user;
  if (!user) throw new AppError('UNAUTHENTICATED', t('errors.ipc.pleaseSignIn'));
  const row = preparedOnce(
    ctx.db.sqlite,
    'SELECT id, username, display_name, roles, disabled_at, session_epoch, must_change_password FROM users WHERE id = ?',
  ).get(user.userId) as SessionAccountRow | undefined;
  if (!row || row.disabled_at) {
    endSession(session);
    throw new AppError('UNAUTHENTICATED', t('errors.ipc.yourAccountNoLongerActive'));
  }
  if (row.session_epoch !== user.epoch) {
    endSession(session);
    throw new AppError('UNAUTHENTICATED', t('errors.ipc.sessionEnded'));
  }
  const roles = JSON.parse(row.roles) as Role[];
  session.user = {
    ...user,
    roles,
    displayName: row.display_name,
    mustChangePassword: row.must_change_password !== 0,
  };
  return roles;
}

/** Whether the session's account is still the one it signed in as (for public reads such as app.status). */
export function sessionStillValid(ctx: ServiceContext, session: Session): boolean {
  if (!session.user) return false;
  try {
    checkSessionAccount(ctx, session);
    return true;
  } catch {
    return false;
  }
}

function endSession(session: Session): void {
  session.user = null;
  session.locked = false;
}
