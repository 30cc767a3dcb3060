import { errorMessage, fieldErrors } from '../../../forms/field-errors';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../../shared/domain/appointment';
import { cancelInputSchema } from '../../../../../shared/domain/appointment';
import { useChannelMutation } from '../../../api/channel-hooks';
import { APPOINTMENT_READS } from '../appointment-reads';
import { Notice, TextField } from '../../../ui';
import type { FieldErrors } from './booking-form';
import { ScopeField, type Scope } from './ScopeField';

interface CancelFormProps {
  appointment: Appointment;
  onDone(message: string): void;
  onBack(): void;
}

/** Cancelling asks why (kept on the record) and, in a series, which appointments; pressing Confirm is the confirmation. */
export function CancelForm({ appointment: a, onDone, onBack }: CancelFormProps) {
  const { t } = useTranslation('appointments');
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<Scope>('this');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const cancel = useChannelMutation('appointments.cancel', { invalidates: APPOINTMENT_READS });
  const busy = cancel.isPending;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = cancelInputSchema.safeParse({ id: a.id, version: a.version, reason, scope });
    if (!parsed.success) {
      setErrors({ reason: parsed.error.issues[0]?.message ?? t('details.reasonRequired') });
      return;
    }
    setFailure(null);
    try {
      const { appointments } = await cancel.mutateAsync(parsed.data);
      onDone(t('details.cancelled', { count: appointments.length, patient: a.patientName }));
    } catch (error) {
      setErrors(fieldErrors(error));
      setFailure(errorMessage(error));
    }
  };

  return (
    <form
      className="book-form"
      noValidate
      autoComplete="off"
      onSubmit={(e) => void submit(e)}
      aria-label={t('details.cancelTitle')}
    >
      <h3>{t('details.cancelTitle')}</h3>
      <p>{t('details.cancelConfirm', { patient: a.patientName, date: a.date, time: a.time })}</p>
      {failure && <Notice tone="error">{failure}</Notice>}
      <TextField
        label={t('details.cancelReason')}
        value={reason}
        error={errors.reason}
        limit={300}
        autoFocus
        onChange={(e) => setReason(e.target.value)}
      />
      {a.seriesId && <ScopeField value={scope} onChange={setScope} error={errors.scope} />}
      <div className="form-actions">
        <button type="button" onClick={onBack}>
          {t('details.keep')}
        </button>
        <button type="submit" className="danger" disabled={busy}>
          {t('details.confirmCancel')}
        </button>
      </div>
    </form>
  );
}
