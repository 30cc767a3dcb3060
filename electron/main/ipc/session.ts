import type { Role } from '../../../shared/domain/roles';

export interface SessionUser {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
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
