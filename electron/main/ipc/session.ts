import type { Role } from '../../../shared/domain/roles';

export interface SessionUser {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  /**
   * users.session_epoch when this session signed in. A password reset or a disable raises the
   * account's epoch, and the dispatcher ends every session that still holds an older one.
   */
  epoch: number;
  /** Signed in with a password an administrator set: only channels marked beforePasswordChange pass. */
  mustChangePassword: boolean;
}

/**
 * One per window (webContents) in the app, one per page in the e2e harness.
 * Lives only in main memory: a renderer cannot forge it.
 */
export class Session {
  user: SessionUser | null = null;
  /** Idle-locked: the user must sign in again; their unsaved screen state stays in the renderer. */
  locked = false;
  lastActivityMs = 0;
}
