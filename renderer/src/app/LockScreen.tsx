import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../ui';
import { SignInForm } from './SignInForm';
import { enterSignedIn, signOutNow } from './session-actions';
import { useSessionStore } from './session-store';

/**
 * Covers everything while the session is locked. It is a modal <dialog> so it sits above any dialog
 * a screen had open (that one stays open, hidden, with its unsaved input) and everything under it
 * is inert. Escape cannot dismiss it: if the browser closes it anyway, it reopens at once.
 */
export function LockScreen() {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const lockedUsername = useSessionStore((s) => s.lockedUsername);
  const displayName = useSessionStore((s) => s.session?.displayName ?? null);
  const [signOutError, setSignOutError] = useState<string | null>(null);

  // showModal picks its own first focus; the person should land where they type next.
  const open = useCallback(() => {
    const dialog = ref.current;
    if (!dialog?.isConnected || dialog.open) return;
    dialog.showModal();
    const field = lockedUsername ? 'input[autocomplete="current-password"]' : 'input[autocomplete="username"]';
    dialog.querySelector<HTMLInputElement>(field)?.focus();
  }, [lockedUsername]);

  useEffect(open, [open]);

  const name = displayName ?? lockedUsername;
  return (
    <dialog
      ref={ref}
      className="lock-screen"
      aria-labelledby={titleId}
      onCancel={(e) => e.preventDefault()}
      onClose={() => {
        if (useSessionStore.getState().phase === 'locked') open();
      }}
    >
      <div className="lock-screen__card">
        <h1 id={titleId}>{t('lock.title')}</h1>
        <p>{name ? t('lock.explain', { name }) : t('lock.explainNoUser')}</p>
        <SignInForm
          initialUsername={lockedUsername ?? ''}
          submitLabel={t('lock.unlock')}
          autoFocus={lockedUsername ? 'password' : 'username'}
          onSignedIn={enterSignedIn}
        />
        {signOutError && <Notice tone="error">{signOutError}</Notice>}
        <div className="lock-screen__footer">
          <p className="muted small">{t('lock.otherUser')}</p>
          <button
            type="button"
            onClick={() => {
              setSignOutError(null);
              signOutNow().catch((e: unknown) =>
                setSignOutError(t('shell.signOutFailed', { message: e instanceof Error ? e.message : String(e) })),
              );
            }}
          >
            {t('lock.signOut')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
