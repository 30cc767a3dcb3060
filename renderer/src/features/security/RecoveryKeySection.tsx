import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../api/channel-hooks';
import { useSessionStore } from '../../app/session-store';
import { errorMessage, fieldErrors } from '../../forms/field-errors';
import { Notice, TextField } from '../../ui';
import { RecoveryKeySheet } from './RecoveryKeySheet';

/** Settings: the recovery key again, for an administrator who re-enters their password (audited in main). */
export function RecoveryKeySection() {
  const { t } = useTranslation();
  const clinicName = useSessionStore((s) => s.clinicName);
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const show = useChannelMutation('security.recoveryKey');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError('');
    try {
      setRecoveryKey((await show.mutateAsync({ password })).recoveryKey);
    } catch (failure) {
      setError(fieldErrors(failure).password ?? errorMessage(failure));
    } finally {
      setPassword('');
    }
  }

  return (
    <section className="admin-settings__section" aria-labelledby="recovery-key-title">
      <h2 id="recovery-key-title">{t('recovery.section.title')}</h2>
      <p>{t('recovery.section.explain')}</p>
      {recoveryKey ? (
        <>
          <RecoveryKeySheet recoveryKey={recoveryKey} clinicName={clinicName} />
          <div className="form-actions">
            <button type="button" onClick={() => setRecoveryKey(null)}>
              {t('recovery.section.hide')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="recovery-key-title">
          {error && <Notice tone="error">{error}</Notice>}
          <TextField
            label={t('recovery.section.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" disabled={show.isPending || password === ''}>
              {t('recovery.section.show')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
