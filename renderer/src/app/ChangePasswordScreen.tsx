import { useState, type FormEvent } from 'react';
import { NewPasswordFields } from '../forms/NewPasswordFields';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../api/channel-hooks';
import { contract } from '../../../shared/contract';
import { PASSWORD_MIN_LENGTH, type SessionInfo } from '../../../shared/domain/user';
import { Notice, TextField } from '../ui';
import { errorMessage, fieldErrors } from '../forms/field-errors';
import { AuthLayout } from './AuthLayout';
import { enterSignedIn, signOutNow } from './session-actions';

/**
 * Shown right after signing in with a password an administrator set: main allows nothing else
 * (PASSWORD_CHANGE_REQUIRED) until the person chooses their own, or signs out.
 */
export function ChangePasswordScreen({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const change = useChannelMutation('auth.changePassword');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (change.isPending) return;
    const parsed = contract['auth.changePassword'].input.safeParse({ currentPassword, newPassword });
    const local = parsed.success ? {} : fieldErrors(parsed.error);
    if (newPassword !== confirm && !local.newPassword) local.confirm = t('changePassword.passwordsDiffer');
    if (Object.keys(local).length) {
      setErrors(local);
      setMessage(null);
      return;
    }
    setErrors({});
    setMessage(null);
    try {
      enterSignedIn(await change.mutateAsync({ currentPassword, newPassword }));
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      // A message tied to a field is shown there; only say it on top when no field carries it.
      setMessage(Object.keys(fields).length ? null : errorMessage(error));
    }
  };

  return (
    <AuthLayout>
      <h1>{t('changePassword.title')}</h1>
      <p className="lead">{t('changePassword.intro', { name: session.displayName })}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {message && <Notice tone="error">{message}</Notice>}
        <TextField
          label={t('changePassword.currentPassword')}
          hint={t('changePassword.currentPasswordHint')}
          error={errors.currentPassword}
          type="password"
          autoComplete="current-password"
          autoFocus
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
        />
        <NewPasswordFields
          labels={{ password: t('changePassword.newPassword'), confirm: t('changePassword.confirmPassword') }}
          hint={t('changePassword.newPasswordHint', { min: PASSWORD_MIN_LENGTH })}
          password={newPassword}
          confirm={confirm}
          onPassword={setNewPassword}
          onConfirm={setConfirm}
          errors={{ password: errors.newPassword, confirm: errors.confirm }}
        />
        <div className="form-actions">
          <button type="button" onClick={() => void signOutNow()}>
            {t('changePassword.signOut')}
          </button>
          <button type="submit" disabled={change.isPending}>
            {change.isPending ? t('changePassword.submitting') : t('changePassword.submit')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
