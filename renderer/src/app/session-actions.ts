import { ApiError, call } from '../api/client';
import { queryClient } from '../api/query-client';
import { moveLocalDraftsToMain, usePatientsNav } from '../features/patients';
import { beforeDraftsAreRead, flushAllDrafts } from '../drafts';
import type { SessionInfo } from '../../../shared/domain/user';
import { rememberFocus } from './focus-memory';
import { useNavStore } from './nav-store';
import { useSessionStore } from './session-store';
import { mayCall, DOCTOR } from '../../../shared/access';
import { useAppointmentsNav } from '../features/appointments/appointments-nav-store';

/** Asks main where we are (set-up needed, signed in, locked) and shows the matching screen. */
export async function loadStatus(): Promise<void> {
  const store = useSessionStore.getState();
  try {
    const status = await call('app.status', {});
    store.setStartError(null);
    store.setClinic({ clinicName: status.clinicName, clinicTimeZone: status.clinicTimeZone });
    if (status.recoveryRequired) store.setPhase('recovery');
    else if (status.setupRequired) store.setPhase('setup');
    else if (status.locked) store.setPhase('locked', { lockedUsername: status.lockedUsername });
    else if (status.session) enterSignedIn(status.session);
    else store.setPhase('signed-out');
  } catch (error) {
    store.setStartError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Shows the shell for this person. The same person coming back from the lock screen finds
 * everything as they left it; anyone else starts from a clean slate, because the shell is keyed
 * by user id and the navigation stores are reset here.
 */
export function enterSignedIn(session: SessionInfo): void {
  const previous = useSessionStore.getState().session;
  if (!previous || previous.userId !== session.userId) {
    // One person never sees what main answered another: the cache goes with the shell.
    queryClient.clear();
    useNavStore.getState().reset();
    const patients = usePatientsNav.getState();
    patients.show({ kind: 'search' });
    patients.setSearchText('');
    // Drafts an older version left in the browser profile move into main before any form reads its draft.
    beforeDraftsAreRead(moveLocalDraftsToMain(session.userId));
  }
  useSessionStore.getState().setSignedIn(session);
}

/** Signed in from the sign-in form: as enterSignedIn, and a busy doctor starts on the queue. */
export function enterSignedInFromForm(session: SessionInfo): void {
  const newPerson = useSessionStore.getState().session?.userId !== session.userId;
  enterSignedIn(session);
  if (newPerson) void landOnQueueIfBusy(session);
}

/**
 * A doctor with patients today (booked, waiting or with them) starts on their own queue rather
 * than on patient search. Only while the person has not gone elsewhere in the meantime; a doctor
 * who is not bookable (no provider record) or cannot read the queue just stays where they are.
 */
async function landOnQueueIfBusy(session: SessionInfo): Promise<void> {
  if (!mayCall(DOCTOR, session.roles) || session.mustChangePassword) return;
  try {
    const queue = await call('appointments.queue', { providerId: session.userId });
    if (queue.expected + queue.waiting.length + queue.withDoctor.length === 0) return;
    const nav = useNavStore.getState();
    const stillAtStart =
      useSessionStore.getState().session?.userId === session.userId &&
      nav.section === 'patients' &&
      usePatientsNav.getState().view.kind === 'search';
    if (!stillAtStart) return;
    useAppointmentsNav.getState().setTab('queue');
    nav.go('appointments');
  } catch {
    // Where to start is a convenience: the patients screen is a fine start too.
  }
}

/** Main says the session is locked (idle in main, or another window locked it): show the lock screen. */
export function showLocked(): void {
  const { phase, session, lockedUsername, setPhase } = useSessionStore.getState();
  if (phase === 'locked' || phase === 'setup' || phase === 'signed-out' || phase === 'loading') return;
  rememberFocus();
  setPhase('locked', { lockedUsername: session?.username ?? lockedUsername });
}

/**
 * Main ended the session (an administrator reset the password or disabled the account, or the
 * password was changed in another window): the sign-in screen says why.
 */
export function showSignedOut(reason?: string): void {
  const { phase, setPhase } = useSessionStore.getState();
  if (phase === 'setup' || phase === 'loading') return;
  queryClient.clear();
  setPhase('signed-out', { signedOutReason: phase === 'signed-out' ? null : (reason ?? null) });
}

/** Main refuses everything until the person chooses their own password: show that screen. */
export function showPasswordChange(): void {
  const { phase, session } = useSessionStore.getState();
  if (phase !== 'signed-in' || !session || session.mustChangePassword) return;
  useSessionStore.setState({ session: { ...session, mustChangePassword: true } });
}

/** Locks at once. The screen locks even if main cannot be reached, so a walk-away is always safe. */
export async function lockNow(): Promise<void> {
  if (useSessionStore.getState().phase !== 'signed-in') return;
  showLocked();
  // What was typed in the last half second is written while main still takes the person's calls.
  await flushAllDrafts();
  try {
    await call('session.lock', {});
  } catch (error) {
    // Already locked or signed out in main: the error listener has shown the right screen.
    if (!(error instanceof ApiError)) throw error;
  }
}

export async function signOutNow(): Promise<void> {
  await flushAllDrafts();
  try {
    await call('auth.signOut', {});
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'UNAUTHENTICATED') throw error;
  }
  queryClient.clear();
  useSessionStore.getState().setPhase('signed-out');
}

/**
 * Picks up what an administrator may have changed meanwhile (clinic name, idle-lock minutes) and
 * notices a lock made elsewhere. Cheap: app.status is a public call that does not count as activity.
 */
export async function refreshStatus(): Promise<void> {
  try {
    const status = await call('app.status', {});
    const store = useSessionStore.getState();
    store.setClinic({ clinicName: status.clinicName, clinicTimeZone: status.clinicTimeZone });
    if (status.locked) {
      showLocked();
      return;
    }
    const current = store.session;
    const fresh = status.session;
    // Main reads the account on every call: roles, name and idle minutes changed meanwhile (one's own
    // roles edited under Users, say) show in the header and the menu on the next status read.
    if (
      store.phase === 'signed-in' &&
      current &&
      fresh?.userId === current.userId &&
      (fresh.idleLockMinutes !== current.idleLockMinutes ||
        fresh.displayName !== current.displayName ||
        fresh.roles.join() !== current.roles.join())
    ) {
      useSessionStore.setState({
        session: {
          ...current,
          idleLockMinutes: fresh.idleLockMinutes,
          displayName: fresh.displayName,
          roles: fresh.roles,
        },
      });
    }
  } catch {
    // The header keeps what it has; the next call reports any real problem.
  }
}
