import { create } from 'zustand';
import type { SessionInfo } from '../../../shared/domain/user';
import type { Role } from '../../../shared/domain/roles';

export type AuthPhase = 'loading' | 'setup' | 'signed-out' | 'locked' | 'signed-in';

interface SessionState {
  phase: AuthPhase;
  /** Kept while locked, so the shell stays mounted (hidden) and unsaved work survives the lock. */
  session: SessionInfo | null;
  clinicName: string | null;
  /** User name shown on the lock screen. */
  lockedUsername: string | null;
  /** Why the app could not start (the bridge or database failed), shown with a retry button. */
  startError: string | null;
  setSignedIn(session: SessionInfo): void;
  setPhase(phase: AuthPhase, extra?: Partial<Pick<SessionState, 'clinicName' | 'lockedUsername'>>): void;
  setClinicName(clinicName: string | null): void;
  setStartError(message: string | null): void;
}

export const useSessionStore = create<SessionState>((set) => ({
  phase: 'loading',
  session: null,
  clinicName: null,
  lockedUsername: null,
  startError: null,
  setSignedIn: (session) => set({ phase: 'signed-in', session, lockedUsername: null, startError: null }),
  setPhase: (phase, extra) =>
    set({ phase, ...(phase === 'signed-out' || phase === 'setup' ? { session: null, lockedUsername: null } : {}), ...extra }),
  setClinicName: (clinicName) => set({ clinicName }),
  setStartError: (startError) => set({ startError }),
}));

export function hasRole(session: SessionInfo | null, ...roles: Role[]): boolean {
  return !!session && roles.some((r) => session.roles.includes(r));
}
