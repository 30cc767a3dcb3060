import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../api/channel-hooks';
import { AuthLayout } from '../../app/AuthLayout';
import { errorMessage, fieldErrors } from '../../forms/field-errors';
import { Notice, TextAreaField } from '../../ui';

/**
 * Shown when the clinic's data is encrypted and this computer holds no key for it (moved to a new
 * computer, system reinstalled): the recovery key printed at set-up opens it, and this computer
 * keeps the key from then on. A wrong key changes nothing.
 */
const FIELD_NAME = 'recoveryKey';

export function RecoveryScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [error, setError] = useState('');
  const [alert, setAlert] = useState('');
  const unlock = useChannelMutation('recovery.unlock');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (unlock.isPending) return;
    setError('');
    setAlert('');
    try {
      await unlock.mutateAsync({ recoveryKey });
      onUnlocked();
    } catch (failure) {
      const fields = fieldErrors(failure);
      if (fields.recoveryKey) setError(fields.recoveryKey);
      else setAlert(errorMessage(failure));
      document.querySelector<HTMLTextAreaElement>(`textarea[name="${FIELD_NAME}"]`)?.focus();
    }
  }

  return (
    <AuthLayout>
      <h1>{t('recovery.title')}</h1>
      <p>{t('recovery.explain')}</p>
      {alert && <Notice tone="error">{alert}</Notice>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextAreaField
          name={FIELD_NAME}
          label={t('recovery.keyField')}
          hint={t('recovery.keyHint')}
          error={error}
          rows={3}
          autoFocus
          spellCheck={false}
          autoCapitalize="characters"
          value={recoveryKey}
          onChange={(e) => setRecoveryKey(e.target.value)}
        />
        <div className="form-actions">
          <button type="submit" disabled={unlock.isPending}>
            {unlock.isPending ? t('recovery.unlocking') : t('recovery.unlock')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
