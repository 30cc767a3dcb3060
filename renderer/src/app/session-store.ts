import { create } from 'zustand';
import type { SessionInfo } from '../../../shared/domain/user';
import type { Role } from '../../../shared/domain/roles';

export type AuthPhase = 'loading' | 'setup' | 'signed-out' | 'locked' | 'signed-in';

interface SessionState {
  phase: AuthPhase;
  session: SessionInfo | null;
  clinicName: string | null;
  /** User name shown on the lock screen. */
  lockedUsername: string | null;
  setSignedIn(session: SessionInfo): void;
  setPhase(phase: AuthPhase, extra?: Partial<Pick<SessionState, 'clinicName' | 'lockedUsername'>>): void;
}

export const useSessionStore = create<SessionState>((set) => ({
  phase: 'loading',
  session: null,
  clinicName: null,
  lockedUsername: null,
  setSignedIn: (session) => set({ phase: 'signed-in', session, lockedUsername: null }),
  setPhase: (phase, extra) => set({ phase, ...(phase === 'signed-out' || phase === 'setup' ? { session: null } : {}), ...extra }),
}));

export function hasRole(session: SessionInfo | null, ...roles: Role[]): boolean {
  return !!session && roles.some((r) => session.roles.includes(r));
}
