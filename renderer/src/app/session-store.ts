import { create } from 'zustand';
import type { SessionInfo } from '../../../shared/domain/user';

/** 'recovery': the clinic's data is encrypted and this computer has no key (the recovery key opens it). */
export type AuthPhase = 'loading' | 'setup' | 'recovery' | 'signed-out' | 'locked' | 'signed-in';

interface SessionState {
  phase: AuthPhase;
  /** Kept while locked, so the shell stays mounted (hidden) and unsaved work survives the lock. */
  session: SessionInfo | null;
  clinicName: string | null;
  /** The clinic's time zone (null before set-up): ages and "today" follow the clinic's day. */
  clinicTimeZone: string | null;
  /** User name shown on the lock screen. */
  lockedUsername: string | null;
  /** Why main ended the session, shown on the sign-in screen (null when the person signed out). */
  signedOutReason: string | null;
  /** Why the app could not start (the bridge or database failed), shown with a retry button. */
  startError: string | null;
  setSignedIn(session: SessionInfo): void;
  setPhase(
    phase: AuthPhase,
    extra?: Partial<Pick<SessionState, 'clinicName' | 'lockedUsername' | 'signedOutReason'>>,
  ): void;
  setClinic(clinic: { clinicName: string | null; clinicTimeZone: string | null }): void;
  setStartError(message: string | null): void;
}

export const useSessionStore = create<SessionState>((set) => ({
  phase: 'loading',
  session: null,
  clinicName: null,
  clinicTimeZone: null,
  lockedUsername: null,
  signedOutReason: null,
  startError: null,
  setSignedIn: (session) =>
    set({ phase: 'signed-in', session, lockedUsername: null, signedOutReason: null, startError: null }),
  setPhase: (phase, extra) =>
    set({
      phase,
      signedOutReason: null,
      ...(phase === 'signed-out' || phase === 'setup' ? { session: null, lockedUsername: null } : {}),
      ...extra,
    }),
  setClinic: ({ clinicName, clinicTimeZone }) => set({ clinicName, clinicTimeZone }),
  setStartError: (startError) => set({ startError }),
}));

/** The clinic's time zone for dates shown to people (the computer's own until set-up is done). */
export function useClinicTimeZone(): string | undefined {
  return useSessionStore((s) => s.clinicTimeZone) ?? undefined;
}
