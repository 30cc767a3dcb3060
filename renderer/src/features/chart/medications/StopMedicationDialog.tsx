import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors, type FieldErrors } from '../../../forms/field-errors';
import { Dialog, Notice, TextField } from '../../../ui';
import { stopReasonSchema, type Medication } from '../../../../../shared/domain/medication';
import { lastPathPart, medicationLine } from './medication-text';

interface StopMedicationDialogProps {
  medication: Medication;
  today: string;
  /** Saves the stop (or, during reconciliation, records the decision); a refusal stays in the dialog. */
  onConfirm(stop: { stopDate: string; reason: string }): Promise<void>;
  onClose(): void;
}

/** Asks for the reason and the day before a medication is stopped: the confirmation of the stop. */
export function StopMedicationDialog({ medication, today, onConfirm, onClose }: StopMedicationDialogProps) {
  const { t } = useTranslation('meds');
  const [stopDate, setStopDate] = useState(today);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState('');
  const [busy, setBusy] = useState(false);

  async function confirm(e: FormEvent) {
    e.preventDefault();
    const checked = stopReasonSchema.safeParse(reason);
    const local: FieldErrors = {};
    if (!checked.success) local.reason = checked.error.issues[0]?.message ?? '';
    if (!stopDate) local.stopDate = t('stop.dateRequired');
    else if (stopDate > today) local.stopDate = t('stop.dateInFuture');
    else if (medication.startDate && stopDate < medication.startDate) local.stopDate = t('stop.beforeStart');
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      await onConfirm({ stopDate, reason: checked.data ?? reason });
    } catch (error) {
      setErrors(fieldErrors(error, lastPathPart));
      setAlert(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      title={t('stop.title', { name: medication.name })}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" form="medication-stop" className="danger" disabled={busy}>
            {t('stop.confirm')}
          </button>
        </>
      }
    >
      <p>{t('stop.explain', { line: medicationLine(medication) })}</p>
      {alert && <Notice tone="error">{alert}</Notice>}
      <form id="medication-stop" className="meds-form" onSubmit={confirm} noValidate>
        <TextField
          label={t('stop.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
          autoFocus
        />
        <TextField
          label={t('stop.date')}
          type="date"
          max={today}
          value={stopDate}
          onChange={(e) => setStopDate(e.target.value)}
          error={errors.stopDate}
        />
      </form>
    </Dialog>
  );
}
