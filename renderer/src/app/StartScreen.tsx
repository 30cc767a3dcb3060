import { useTranslation } from 'react-i18next';
import { Notice } from '../ui';
import { AuthLayout } from './AuthLayout';
import { loadStatus } from './session-actions';
import { useSessionStore } from './session-store';

/** Shown until main answers the first status call; says what went wrong if it cannot. */
export function StartScreen() {
  const { t } = useTranslation();
  const error = useSessionStore((s) => s.startError);
  return (
    <AuthLayout>
      <h1>{t('appName')}</h1>
      {error ? (
        <>
          <Notice tone="error">{t('startFailed', { message: error })}</Notice>
          <button type="button" onClick={() => void loadStatus()}>
            {t('retry')}
          </button>
        </>
      ) : (
        <p role="status">{t('loading')}</p>
      )}
    </AuthLayout>
  );
}
