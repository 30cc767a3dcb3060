import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Notice } from '../../../ui';
import { errorMessage } from '../../../forms/field-errors';

interface ConfirmRemoveDialogProps {
  title: string;
  explain: string;
  confirmLabel: string;
  onConfirm(): Promise<void>;
  onClose(): void;
}

/** Asks before a day off or holiday is removed; main's refusal stays in the dialog. */
export function ConfirmRemoveDialog({ title, explain, confirmLabel, onConfirm, onClose }: ConfirmRemoveDialogProps) {
  const { t } = useTranslation('admin');
  const [alert, setAlert] = useState('');
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
    } catch (error) {
      setAlert(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="button" className="danger" onClick={confirm} disabled={busy}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{explain}</p>
      {alert && <Notice tone="error">{alert}</Notice>}
    </Dialog>
  );
}
