import { useEffect } from 'react';
import { onAppEvent, onSessionError } from '../api/client';
import { LockScreen } from './LockScreen';
import { loadStatus, showLocked, showSignedOut } from './session-actions';
import { useSessionStore } from './session-store';
import { SetupScreen } from './SetupScreen';
import { Shell } from './Shell';
import { SignInScreen } from './SignInScreen';
import { StartScreen } from './StartScreen';

/**
 * Chooses the screen from main's state: first-run setup, sign-in, the shell, or the lock screen.
 * While locked the shell stays mounted but hidden and inert, so unsaved input survives; it is keyed
 * by user, so a different person unlocking gets a fresh shell.
 */
export function App() {
  const phase = useSessionStore((s) => s.phase);
  const session = useSessionStore((s) => s.session);

  useEffect(() => {
    void loadStatus();
    const offError = onSessionError((code) => (code === 'SESSION_LOCKED' ? showLocked() : showSignedOut()));
    const offLocked = onAppEvent('session.locked', () => showLocked());
    // A restore replaced the clinic's data: everyone signs in again, to the restored accounts.
    const offSignedOut = onAppEvent('session.signedOut', () => void loadStatus());
    return () => {
      offError();
      offLocked();
      offSignedOut();
    };
  }, []);

  if (phase === 'loading') return <StartScreen />;
  if (phase === 'setup') return <SetupScreen />;
  if (phase === 'signed-out') return <SignInScreen />;
  const locked = phase === 'locked';
  return (
    <>
      {session && (
        <div className="shell-frame" hidden={locked} inert={locked}>
          <Shell key={session.userId} session={session} active={!locked} />
        </div>
      )}
      {locked && <LockScreen />}
    </>
  );
}
