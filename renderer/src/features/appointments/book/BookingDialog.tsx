import { mayOverbook } from '../../../../../shared/access';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderSchedule } from '../../../../../shared/domain/appointment';
import { zonedToUtc } from '../../../../../shared/zoned-time';
import { useChannelMutation } from '../../../api/channel-hooks';
import { APPOINTMENT_READS } from '../appointment-reads';
import { useSessionStore } from '../../../app/session-store';
import { CheckboxField, Dialog, Notice, SelectField, TextAreaField, TextField } from '../../../ui';
import { DiscardDraftDialog, DraftRestoredNotice, useDraftAutosave, useStoredDraft } from '../../../drafts';
import { useDateFormat } from '../../../format/use-date-format';
import type { DraftOfKind } from '../../../../../shared/domain/draft';
import { emptyDraft, toRequest, type BookingDraft } from './booking-form';
import { InlineRegisterDialog } from './InlineRegisterDialog';
import { OverrideFields } from './OverrideFields';
import { useBookingRefusal } from './use-booking-refusal';
import { PatientPicker } from './PatientPicker';
import { RepeatFields } from './RepeatFields';

export interface BookingPrefill {
  providerId: string;
  date: string;
  time: string;
  /** A follow-up booked from a patient's chart: that patient, chosen by the doctor, never guessed. */
  patient?: { id: string; name: string; mrn: string };
  reason?: string;
}

interface BookingDialogProps {
  prefill: BookingPrefill;
  /** The draft this booking is typed in: '' for the book's dialog; a follow-up has its own per patient. */
  draftKey?: string;
  providers: ProviderSchedule[];
  timeZone: string;
  onClose(): void;
  onBooked(message: string): void;
}

/** The booking dialog's draft: one per person, the booking they were typing. */
export const BOOKING_DRAFT = '';

const same = (a: BookingDraft, b: BookingDraft) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Book one appointment or a repeating series; main's refusals keep everything typed and say what to
 * change. What is typed is kept as a draft in main: closing the dialog (Escape) keeps it for next
 * time, Cancel asks before discarding it, booking removes it.
 */
export function BookingDialog(props: BookingDialogProps) {
  // Opens once the draft is read (a moment), so nothing typed could be replaced by it.
  const stored = useStoredDraft('booking', props.draftKey ?? BOOKING_DRAFT);
  if (!stored.loaded) return null;
  return <BookingForm {...props} stored={stored.draft} />;
}

function BookingForm({
  prefill,
  draftKey = BOOKING_DRAFT,
  providers,
  timeZone,
  onClose,
  onBooked,
  stored,
}: BookingDialogProps & { stored: DraftOfKind<'booking'> | null }) {
  const { t } = useTranslation('appointments');
  const format = useDateFormat();
  const mayOverbookHere = useSessionStore((s) => mayOverbook(s.session?.roles ?? []));
  const lengthOf = (providerId: string) =>
    providers.find((p) => p.providerId === providerId)?.defaultLengthMinutes ?? null;
  const [blank] = useState(() => emptyDraft({ ...prefill, length: lengthOf(prefill.providerId) }));
  const [draft, setDraft] = useState<BookingDraft>(() => stored?.body.form ?? blank);
  const [restoredAt, setRestoredAt] = useState<string | null>(stored?.updatedAt ?? null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const kept = useDraftAutosave('booking', draftKey, same(draft, blank) ? null : { form: draft }, stored?.body ?? null);
  // A series reports a clash of any of its dates as a conflict of the whole request.
  const {
    errors,
    setErrors,
    failure,
    setFailure,
    clash: clashReported,
    outside: outsideReported,
    clear,
    refused,
  } = useBookingRefusal({ anyConflictIsClash: true });
  const bookOne = useChannelMutation('appointments.book', { invalidates: APPOINTMENT_READS });
  const bookSeries = useChannelMutation('appointments.bookSeries', { invalidates: APPOINTMENT_READS });
  const busy = bookOne.isPending || bookSeries.isPending;
  const [registering, setRegistering] = useState<string | null>(null);
  const formId = useId();
  // Once the patient is chosen (from the search or just registered), the cursor goes on to the visit
  // type: the slot clicked already set doctor, date and time (issue 12, point 10).
  const reasonRef = useRef<HTMLInputElement>(null);
  const focusReason = () => setTimeout(() => reasonRef.current?.focus(), 0);

  const set = (patch: Partial<BookingDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const changeProvider = (providerId: string) => {
    // The length follows the doctor unless someone typed their own.
    const oldDefault = lengthOf(draft.providerId);
    const keepLength = draft.length !== '' && draft.length !== String(oldDefault ?? '');
    set({ providerId, ...(keepLength ? {} : { length: String(lengthOf(providerId) ?? '') }) });
  };
  const ambiguous = draft.date && draft.time ? zonedToUtc(draft.date, draft.time, timeZone) : null;
  const showDstChoice = ambiguous?.ok === false && ambiguous.problem === 'ambiguous';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const checked = toRequest(draft);
    if (!checked.ok) {
      setErrors(checked.fields);
      setFailure(t('booking.fixFields'));
      return;
    }
    clear();
    try {
      const r = checked.request;
      // Main removes the draft in the booking's own transaction.
      if (r.kind === 'single') {
        const a = await bookOne.mutateAsync({ ...r.input, draftKey });
        void kept.forget();
        onBooked(t('booking.booked', { patient: a.patientName, doctor: a.providerName, date: a.date, time: a.time }));
      } else {
        const s = await bookSeries.mutateAsync({ ...r.input, draftKey });
        void kept.forget();
        onBooked(t('booking.bookedSeries', { count: s.appointments.length, patient: draft.patient?.name ?? '' }));
      }
    } catch (error) {
      refused(error);
    }
  };

  const discardDraft = () => {
    void kept.forget();
    setDraft(blank);
    setRestoredAt(null);
    clear();
  };
  const cancel = () => {
    if (same(draft, blank)) {
      onClose(); // nothing typed, and so no draft (the autosave removes one the form was cleared of)
      return;
    }
    setConfirmingCancel(true);
  };

  const providerOptions = [
    ...(draft.providerId ? [] : [{ value: '', label: t('booking.chooseDoctor') }]),
    ...providers.map((p) => ({ value: p.providerId, label: p.displayName })),
  ];

  return (
    <>
      <Dialog
        open
        title={t('booking.title')}
        onClose={() => {
          if (registering === null) onClose();
        }}
        actions={
          <>
            <button type="button" onClick={cancel}>
              {t('booking.cancel')}
            </button>
            <button type="submit" form={formId} className="primary" disabled={busy}>
              {busy ? t('booking.booking') : draft.repeat ? t('booking.bookSeries') : t('booking.book')}
            </button>
          </>
        }
      >
        <form
          id={formId}
          className="book-form"
          noValidate
          autoComplete="off"
          onSubmit={(e) => void submit(e)}
          aria-label={t('booking.title')}
          onBlur={() => void kept.flush()}
        >
          {restoredAt && (
            <DraftRestoredNotice
              message={t('booking.draftRestored', { when: format.dateTime(restoredAt) })}
              discardLabel={t('booking.discardDraft')}
              confirmTitle={t('booking.discardDraftQuestion')}
              onDiscard={discardDraft}
            />
          )}
          {kept.problem && <Notice tone="error">{t('common:drafts.notKept', { reason: kept.problem })}</Notice>}
          {failure && <Notice tone="error">{failure}</Notice>}
          <PatientPicker
            value={draft.patient}
            onChange={(patient) => {
              set({ patient });
              if (patient) {
                setErrors((e) => ({ ...e, patientId: '' }));
                focusReason();
              }
            }}
            onRegisterNew={(typed) => setRegistering(typed)}
            error={errors.patientId}
            autoFocus
          />
          <div className="book-form__row">
            <SelectField
              label={t('booking.doctor')}
              value={draft.providerId}
              options={providerOptions}
              error={errors.providerId}
              onChange={(e) => changeProvider(e.target.value)}
            />
            <TextField
              label={t('booking.date')}
              type="date"
              value={draft.date}
              error={errors.date}
              onChange={(e) => set({ date: e.target.value })}
            />
          </div>
          <div className="book-form__row">
            <TextField
              label={t('booking.time')}
              type="time"
              step={300}
              value={draft.time}
              error={errors.time}
              onChange={(e) => set({ time: e.target.value })}
            />
            <TextField
              label={t('booking.length')}
              type="number"
              min={5}
              max={480}
              step={5}
              value={draft.length}
              error={errors.lengthMinutes ?? errors.endTime}
              onChange={(e) => set({ length: e.target.value })}
            />
          </div>
          {showDstChoice && (
            <SelectField
              label={t('booking.dstChoice', { time: draft.time })}
              value={draft.dstChoice}
              error={errors.dstChoice}
              options={[
                { value: '', label: t('booking.dstChoose') },
                { value: 'earlier', label: t('booking.dstEarlier') },
                { value: 'later', label: t('booking.dstLater') },
              ]}
              onChange={(e) => set({ dstChoice: e.target.value as BookingDraft['dstChoice'] })}
            />
          )}
          <TextField
            ref={reasonRef}
            label={t('booking.reason')}
            value={draft.reason}
            error={errors.reason}
            limit={200}
            onChange={(e) => set({ reason: e.target.value })}
          />
          <TextAreaField
            label={t('booking.note')}
            value={draft.note}
            error={errors.note}
            limit={1000}
            rows={2}
            onChange={(e) => set({ note: e.target.value })}
          />
          <CheckboxField
            label={t('booking.repeat')}
            checked={draft.repeat}
            onChange={(e) => set({ repeat: e.target.checked })}
          />
          {draft.repeat && <RepeatFields draft={draft} errors={errors} onChange={set} />}
          <OverrideFields
            draft={draft}
            errors={errors}
            onChange={set}
            showOverbook={mayOverbookHere && (clashReported || draft.overbook)}
            showOutsideHours={outsideReported || draft.outsideHours}
          />
        </form>
      </Dialog>
      {confirmingCancel && (
        <DiscardDraftDialog
          title={t('booking.discardQuestion')}
          keepLabel={t('booking.keepEditing')}
          onKeep={() => setConfirmingCancel(false)}
          onDiscard={() => {
            setConfirmingCancel(false);
            void kept.forget();
            onClose();
          }}
        />
      )}
      {registering !== null && (
        <InlineRegisterDialog
          prefillName={registering}
          onClose={() => setRegistering(null)}
          onRegistered={(p) => {
            set({ patient: { id: p.id, name: `${p.givenNames} ${p.familyName}`.trim(), mrn: p.mrn } });
            setErrors((e) => ({ ...e, patientId: '' }));
            setRegistering(null);
            focusReason();
          }}
        />
      )}
    </>
  );
}
