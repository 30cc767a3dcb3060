import type { ServiceContext } from '../context';
import type { Session } from '../ipc/session';
import { readClinicSettings } from '../settings/settings-service';
import { lockSession } from './auth-service';

const DEFAULT_IDLE_LOCK_MINUTES = 10;

/**
 * When a signed-in, unlocked session locks if nothing the person does reaches main first
 * (milliseconds on the core's clock), or null if it cannot idle-lock (signed out, already locked).
 */
export function idleDeadlineMs(ctx: ServiceContext, session: Session): number | null {
  if (!session.user || session.locked) return null;
  const idleMs = (readClinicSettings(ctx)?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES) * 60_000;
  return session.lastActivityMs + idleMs;
}

/**
 * Locks the session if its idle time has passed; true if it locked it now. Called by the
 * dispatcher on every call and by the core thread's idle watcher (core-thread/serve-core.ts), so
 * the lock happens, and the window is told, at the moment of expiry rather than at the next call.
 */
export function lockIfIdle(ctx: ServiceContext, session: Session): boolean {
  const deadline = idleDeadlineMs(ctx, session);
  if (deadline === null || ctx.now().getTime() <= deadline) return false;
  lockSession(ctx, session, 'idle');
  return true;
}
