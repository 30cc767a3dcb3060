import { mayOverbook } from '../../../../../shared/access';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../../shared/domain/appointment';
import { rescheduleInputSchema } from '../../../../../shared/domain/appointment';
import { useChannelMutation } from '../../../api/channel-hooks';
import { APPOINTMENT_READS } from '../appointment-reads';
import { useSessionStore } from '../../../app/session-store';
import { Notice, TextField } from '../../../ui';
import type { FieldErrors } from './booking-form';
import { OverrideFields } from './OverrideFields';
import { useBookingRefusal } from './use-booking-refusal';
import { ScopeField, type Scope } from './ScopeField';

interface RescheduleFormProps {
  appointment: Appointment;
  onDone(message: string): void;
  onBack(): void;
}

/** Move an appointment (or it and the rest of its series) to another date, time or length. */
export function RescheduleForm({ appointment: a, onDone, onBack }: RescheduleFormProps) {
  const { t } = useTranslation('appointments');
  const mayOverbookHere = useSessionStore((s) => mayOverbook(s.session?.roles ?? []));
  const [form, setForm] = useState({
    date: a.date,
    time: a.time,
    length: String(a.lengthMinutes),
    scope: 'this' as Scope,
    overbook: false,
    overbookReason: '',
    outsideHours: false,
    outsideHoursReason: '',
  });
  const { errors, setErrors, failure, clash, outside, clear, refused } = useBookingRefusal();
  const reschedule = useChannelMutation('appointments.reschedule', { invalidates: APPOINTMENT_READS });
  const busy = reschedule.isPending;
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = rescheduleInputSchema.safeParse({
      id: a.id,
      version: a.version,
      date: form.date,
      time: form.time,
      lengthMinutes: form.length.trim() === '' ? undefined : Number(form.length),
      scope: form.scope,
      overbookReason: form.overbook ? form.overbookReason : undefined,
      outsideHoursReason: form.outsideHours ? form.outsideHoursReason : undefined,
    });
    if (!parsed.success) {
      const fields: FieldErrors = {};
      for (const issue of parsed.error.issues) fields[issue.path.map(String).join('.')] ??= issue.message;
      setErrors(fields);
      return;
    }
    clear();
    try {
      const { appointments } = await reschedule.mutateAsync(parsed.data);
      onDone(
        t('details.rescheduled', {
          count: appointments.length,
          patient: a.patientName,
          date: form.date,
          time: form.time,
        }),
      );
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
      aria-label={t('details.rescheduleTitle')}
    >
      <h3>{t('details.rescheduleTitle')}</h3>
      {failure && <Notice tone="error">{failure}</Notice>}
      <div className="book-form__row">
        <TextField
          label={t('booking.date')}
          type="date"
          value={form.date}
          error={errors.date}
          onChange={(e) => set({ date: e.target.value })}
        />
        <TextField
          label={t('booking.time')}
          type="time"
          step={300}
          value={form.time}
          error={errors.time}
          onChange={(e) => set({ time: e.target.value })}
        />
      </div>
      <TextField
        label={t('booking.length')}
        type="number"
        min={5}
        max={480}
        step={5}
        value={form.length}
        error={errors.lengthMinutes ?? errors.endTime}
        onChange={(e) => set({ length: e.target.value })}
      />
      {a.seriesId && <ScopeField value={form.scope} onChange={(scope) => set({ scope })} error={errors.scope} />}
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
          {t('details.saveReschedule')}
        </button>
      </div>
    </form>
  );
}
