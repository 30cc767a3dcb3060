import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../api/channel-hooks';
import { USER_READS } from './user-reads';
import { Dialog, Notice } from '../../ui';
import type { User } from '../../../../shared/domain/user';
import { errorMessage } from '../../forms/field-errors';

interface DisableUserDialogProps {
  user: User;
  onClose(): void;
  onDone(user: User): void;
}

/**
 * Confirms disabling or enabling an account. There is no delete: an account's name stays on the
 * records it wrote, so disabling is the only way to take sign-in away.
 */
export function DisableUserDialog({ user, onClose, onDone }: DisableUserDialogProps) {
  const { t } = useTranslation('admin');
  const [alert, setAlert] = useState('');
  const setDisabled = useChannelMutation('users.setDisabled', { invalidates: USER_READS });
  const disabling = !user.disabled;
  const name = user.displayName;

  async function confirm() {
    try {
      onDone(await setDisabled.mutateAsync({ id: user.id, disabled: disabling }));
    } catch (error) {
      setAlert(errorMessage(error));
    }
  }

  return (
    <Dialog
      open
      title={disabling ? t('users.toggle.disableTitle', { name }) : t('users.toggle.enableTitle', { name })}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button
            type="button"
            className={disabling ? 'danger' : 'primary'}
            onClick={confirm}
            disabled={setDisabled.isPending}
          >
            {disabling ? t('users.toggle.disableConfirm') : t('users.toggle.enableConfirm')}
          </button>
        </>
      }
    >
      <p>{disabling ? t('users.toggle.disableExplain', { name }) : t('users.toggle.enableExplain', { name })}</p>
      {alert && <Notice tone="error">{alert}</Notice>}
    </Dialog>
  );
}
