import { mayOverbook } from '../../../../../shared/access';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../../shared/domain/appointment';
import { useChannelMutation } from '../../../api/channel-hooks';
import { APPOINTMENT_READS } from '../appointment-reads';
import { useSessionStore } from '../../../app/session-store';
import { Notice, TextAreaField, TextField } from '../../../ui';
import { editDraftOf, toUpdateRequest, type EditDraft } from './edit-form';
import { OverrideFields } from './OverrideFields';
import { useBookingRefusal } from './use-booking-refusal';

interface EditFormProps {
  appointment: Appointment;
  onDone(message: string): void;
  onBack(): void;
}

/** Changes what an appointment is for and how long it lasts, without moving its start. */
export function EditForm({ appointment: a, onDone, onBack }: EditFormProps) {
  const { t } = useTranslation('appointments');
  const mayOverbookHere = useSessionStore((s) => mayOverbook(s.session?.roles ?? []));
  const [form, setForm] = useState<EditDraft>(() => editDraftOf(a));
  const { errors, setErrors, failure, clash, outside, clear, refused } = useBookingRefusal();
  const update = useChannelMutation('appointments.update', { invalidates: APPOINTMENT_READS });
  const busy = update.isPending;
  const set = (patch: Partial<EditDraft>) => setForm((f) => ({ ...f, ...patch }));
  // Only a booked appointment keeps a slot whose length can change; a walk-in or an arrived patient keeps theirs.
  const lengthEditable = a.kind === 'appointment' && a.status === 'booked';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const request = toUpdateRequest(a, lengthEditable ? form : { ...form, length: '' });
    if (!request.ok) {
      setErrors(request.fields);
      return;
    }
    clear();
    try {
      await update.mutateAsync(request.input);
      onDone(t('details.edited', { patient: a.patientName }));
    } catch (error) {
      refused(error);
    }
  };

  return (
    <form
      className="book-form"
      noValidate
      autoComplete="off"
      onSubmit={(e) => void submit(e)}
      aria-label={t('details.editTitle')}
    >
      <h3>{t('details.editTitle')}</h3>
      {failure && <Notice tone="error">{failure}</Notice>}
      <TextField
        label={t('booking.reason')}
        value={form.reason}
        error={errors.reason}
        limit={200}
        onChange={(e) => set({ reason: e.target.value })}
      />
      <TextAreaField
        label={t('booking.note')}
        value={form.note}
        error={errors.note}
        limit={1000}
        rows={2}
        onChange={(e) => set({ note: e.target.value })}
      />
      {lengthEditable && (
        <TextField
          label={t('booking.length')}
          type="number"
          min={5}
          max={480}
          step={5}
          value={form.length}
          error={errors.lengthMinutes}
          onChange={(e) => set({ length: e.target.value })}
        />
      )}
      <OverrideFields
        draft={form}
        errors={errors}
        onChange={set}
        showOverbook={mayOverbookHere && (clash || form.overbook)}
        showOutsideHours={outside || form.outsideHours}
      />
      <div className="form-actions">
        <button type="button" onClick={onBack}>
          {t('details.back')}
        </button>
        <button type="submit" disabled={busy}>
          {t('details.saveEdit')}
        </button>
      </div>
    </form>
  );
}
