import { useTranslation } from 'react-i18next';
import { Notice } from '../ui';
import { AuthLayout } from './AuthLayout';
import { SignInForm } from './SignInForm';
import { enterSignedInFromForm } from './session-actions';
import { useSessionStore } from './session-store';

export function SignInScreen() {
  const { t } = useTranslation();
  const clinicName = useSessionStore((s) => s.clinicName);
  const endedReason = useSessionStore((s) => s.signedOutReason);
  return (
    <AuthLayout>
      <h1>{t('signIn.title')}</h1>
      {clinicName && <p className="lead">{t('signIn.intro', { clinic: clinicName })}</p>}
      {endedReason && <Notice tone="info">{endedReason}</Notice>}
      <SignInForm submitLabel={t('signIn.submit')} autoFocus="username" onSignedIn={enterSignedInFromForm} />
    </AuthLayout>
  );
}
