import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../api/channel-hooks';
import { loadStatus } from '../../app/session-actions';
import { useSessionStore } from '../../app/session-store';
import { errorMessage, fieldErrors, topLevelField } from '../../forms/field-errors';
import { Dialog, Notice, TextField } from '../../ui';
import type { BackupListEntry } from '../../../../shared/domain/backup';

/**
 * Restoring replaces everything recorded since the backup, so it asks for the clinic's name and the
 * administrator's password, and (for a backup from another installation) its recovery key. Main
 * checks the backup before anything changes, keeps the current data aside, and signs everyone out.
 */
export function RestoreDialog({ backup, onClose }: { backup: BackupListEntry; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const clinicName = useSessionStore((s) => s.clinicName) ?? '';
  const restore = useChannelMutation('backups.restore');
  const [confirmation, setConfirmation] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure('');
    try {
      await restore.mutateAsync({
        file: backup.file,
        confirmation,
        password,
        ...(recoveryKey.trim() ? { recoveryKey } : {}),
      });
      onClose();
      // Everyone signs in again, to the accounts of the restored data.
      await loadStatus();
    } catch (error) {
      const fields = fieldErrors(error, topLevelField);
      setErrors(fields);
      setFailure(errorMessage(error));
    }
  }

  return (
    <Dialog
      open
      title={t('backups.restoreTitle', { file: backup.file })}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose} disabled={restore.isPending}>
            {t('backups.cancel')}
          </button>
          <button type="submit" form="restore-form" disabled={restore.isPending}>
            {restore.isPending ? t('backups.restoring') : t('backups.restoreConfirm')}
          </button>
        </>
      }
    >
      <form id="restore-form" onSubmit={submit} noValidate>
        <p>{t('backups.restoreExplain')}</p>
        {failure && <Notice tone="error">{failure}</Notice>}
        <TextField
          label={t('backups.typeClinicName', { clinicName })}
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
          error={errors.confirmation}
          autoComplete="off"
        />
        <TextField
          label={t('backups.yourPassword')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          autoComplete="current-password"
        />
        <TextField
          label={t('backups.recoveryKey')}
          hint={t('backups.recoveryKeyHint')}
          value={recoveryKey}
          onChange={(e) => setRecoveryKey(e.target.value)}
          error={errors.recoveryKey}
          autoComplete="off"
        />
      </form>
    </Dialog>
  );
}
