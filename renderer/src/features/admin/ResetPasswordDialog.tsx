import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../api/channel-hooks';
import { USER_READS } from './user-reads';
import { FormDialog, Notice } from '../../ui';
import { NewPasswordFields } from '../../forms/NewPasswordFields';
import { PASSWORD_MIN_LENGTH, type User } from '../../../../shared/domain/user';
import { errorMessage, fieldErrors, topLevelField } from '../../forms/field-errors';

interface ResetPasswordDialogProps {
  user: User;
  onClose(): void;
  onDone(): void;
}

/** Sets a new password chosen by the administrator; main also clears any lockout. */
export function ResetPasswordDialog({ user, onClose, onDone }: ResetPasswordDialogProps) {
  const { t } = useTranslation('admin');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState('');
  // A reset also lifts a lockout, which the users list shows.
  const reset = useChannelMutation('users.resetPassword', { invalidates: USER_READS });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password !== confirm) {
      setErrors({ confirm: t('users.form.passwordsDiffer') });
      return;
    }
    try {
      await reset.mutateAsync({ id: user.id, newPassword: password });
      onDone();
    } catch (error) {
      const fields = fieldErrors(error, topLevelField);
      setErrors({ ...(fields.newPassword ? { password: fields.newPassword } : {}) });
      setAlert(fields.newPassword ? '' : errorMessage(error));
    }
  }

  return (
    <FormDialog
      title={t('users.reset.title', { name: user.displayName })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('users.reset.submit')}
      cancelLabel={t('cancel')}
      busy={reset.isPending}
      className="admin-dialog-form"
    >
      <p>{t('users.reset.explain', { name: user.displayName })}</p>
      {alert && <Notice tone="error">{alert}</Notice>}
      <NewPasswordFields
        labels={{ password: t('users.reset.newPassword'), confirm: t('users.reset.confirmPassword') }}
        hint={t('users.form.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
        errors={errors}
      />
    </FormDialog>
  );
}
