import { useEffect } from 'react';
import { onAppEvent, onSessionError } from '../api/client';
import { LockScreen } from './LockScreen';
import { ChangePasswordScreen } from './ChangePasswordScreen';
import { loadStatus, showLocked, showPasswordChange, showSignedOut } from './session-actions';
import { useSessionStore } from './session-store';
import { SetupScreen } from './SetupScreen';
import { Shell } from './Shell';
import { SignInScreen } from './SignInScreen';
import { StartScreen } from './StartScreen';
import { RecoveryScreen } from '../features/security/RecoveryScreen';

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
    const offError = onSessionError((code, message) => {
      if (code === 'SESSION_LOCKED') showLocked();
      else if (code === 'PASSWORD_CHANGE_REQUIRED') showPasswordChange();
      else showSignedOut(message);
    });
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
  if (phase === 'recovery') return <RecoveryScreen onUnlocked={() => void loadStatus()} />;
  if (phase === 'setup') return <SetupScreen />;
  if (phase === 'signed-out') return <SignInScreen />;
  // Signed in with a password an administrator set: nothing else until the person chooses their own.
  if (phase === 'signed-in' && session?.mustChangePassword) return <ChangePasswordScreen session={session} />;
  const locked = phase === 'locked';
  return (
    <>
      {session && !session.mustChangePassword && (
        <div className="shell-frame" hidden={locked} inert={locked}>
          <Shell key={session.userId} session={session} active={!locked} />
        </div>
      )}
      {locked && <LockScreen />}
    </>
  );
}
