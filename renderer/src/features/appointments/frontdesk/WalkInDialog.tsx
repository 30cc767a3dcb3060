import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../../shared/domain/appointment';
import { useChannelMutation } from '../../../api/channel-hooks';
import { APPOINTMENT_READS } from '../appointment-reads';
import { useSessionStore } from '../../../app/session-store';
import { Dialog, Notice, SelectField, TextField } from '../../../ui';
import { DiscardDraftDialog } from '../../../drafts';
import { InlineRegisterDialog } from '../book/InlineRegisterDialog';
import { PatientPicker } from '../book/PatientPicker';
import type { ChosenPatient } from '../book/booking-form';
import { errorMessage } from '../../../forms/field-errors';
import { SlipPreview } from './print-buttons';
import { useDoctors } from './use-doctors';

interface WalkInDialogProps {
  open: boolean;
  onClose: () => void;
}

/** The walk-in dialog's own registration draft (the booking's is "booking"). */
export const WALK_IN_REGISTRATION_DRAFT = 'walk-in';

/**
 * Finds the patient (arrows and Enter choose, as in booking) or registers a new one on top, picks the
 * doctor, puts the patient in the queue and shows the token to say aloud.
 */
export function WalkInDialog({ open, onClose }: WalkInDialogProps) {
  const { t } = useTranslation('frontdesk');
  const me = useSessionStore((s) => s.session);
  const { doctors, loaded } = useDoctors();
  const [patient, setPatient] = useState<ChosenPatient | null>(null);
  const [patientError, setPatientError] = useState('');
  const [registering, setRegistering] = useState<string | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const doctorRef = useRef<HTMLSelectElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const [doctorId, setDoctorId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [added, setAdded] = useState<Appointment | null>(null);
  const [slipOpen, setSlipOpen] = useState(false);
  // The day's lists on screen refresh once the walk-in is in the queue.
  const walkIn = useChannelMutation('appointments.walkIn', { invalidates: APPOINTMENT_READS });
  const saving = walkIn.isPending;

  const choose = (p: ChosenPatient | null) => {
    setPatient(p);
    if (!p) return;
    // A chosen patient answers "Choose a patient"; the cursor goes on to the next thing to fill.
    setPatientError('');
    setTimeout(() => (doctorRef.current?.value ? reasonRef.current : doctorRef.current)?.focus(), 0);
  };

  useEffect(() => {
    if (!open) return;
    setPatient(null);
    setPatientError('');
    setRegistering(null);
    setConfirmingCancel(false);
    setReason('');
    setError('');
    setAdded(null);
  }, [open]);

  useEffect(() => {
    // A doctor at the desk records walk-ins for themself; otherwise the only doctor is the obvious choice.
    if (doctorId || doctors.length === 0) return;
    const mine = doctors.find((d) => d.providerId === me?.userId);
    if (mine) setDoctorId(mine.providerId);
    else if (doctors.length === 1) setDoctorId(doctors[0]!.providerId);
  }, [doctors, doctorId, me]);

  // Leaving asks first once a patient is chosen or a reason typed: Escape or Cancel never throws
  // that away without a word (issue 12, point 3).
  const cancel = () => {
    if (registering !== null || confirmingCancel) return;
    if (patient || reason.trim()) setConfirmingCancel(true);
    else onClose();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!patient) return setPatientError(t('walkIn.choosePatient'));
    if (!doctorId) return setError(t('walkIn.chooseDoctor'));
    setError('');
    setPatientError('');
    try {
      setAdded(await walkIn.mutateAsync({ patientId: patient.id, providerId: doctorId, reason: reason.trim() }));
    } catch (err) {
      setError(t('walkIn.failed', { message: errorMessage(err) }));
    }
  }

  if (added) {
    return (
      <Dialog
        open={open}
        title={t('walkIn.title')}
        onClose={onClose}
        actions={
          <>
            <button type="button" onClick={() => setSlipOpen(true)}>
              {t('walkIn.printSlip')}
            </button>
            <button type="button" className="primary" onClick={onClose} autoFocus>
              {t('walkIn.close')}
            </button>
          </>
        }
      >
        <div className="frontdesk-token" role="status">
          <span className="frontdesk-token__label">{t('walkIn.tokenLabel')}</span>
          <span className="frontdesk-token__number">{added.token}</span>
          <p>{t('walkIn.added', { name: added.patientName, doctor: added.providerName })}</p>
        </div>
        <SlipPreview appointmentId={added.id} open={slipOpen} onClose={() => setSlipOpen(false)} />
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      title={t('walkIn.title')}
      onClose={() => {
        if (registering === null) onClose();
      }}
      onEscape={cancel}
    >
      <form className="frontdesk-walkin" onSubmit={(e) => void submit(e)} noValidate autoComplete="off">
        {error && <Notice tone="error">{error}</Notice>}
        <PatientPicker
          value={patient}
          onChange={choose}
          onRegisterNew={(typed) => setRegistering(typed)}
          error={patientError || undefined}
          autoFocus
        />
        {loaded && doctors.length === 0 ? (
          <Notice tone="error">{t('walkIn.noDoctors')}</Notice>
        ) : (
          <SelectField
            ref={doctorRef}
            label={t('walkIn.doctor')}
            value={doctorId}
            onChange={(e) => setDoctorId(e.target.value)}
            options={[
              { value: '', label: '—' },
              ...doctors.map((d) => ({ value: d.providerId, label: d.displayName })),
            ]}
          />
        )}
        <TextField
          ref={reasonRef}
          label={t('walkIn.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          limit={200}
        />
        <div className="dialog__actions">
          <button type="submit" disabled={saving}>
            {t('walkIn.submit')}
          </button>
          <button type="button" onClick={cancel}>
            {t('walkIn.cancel')}
          </button>
        </div>
      </form>
      {confirmingCancel && (
        <DiscardDraftDialog
          title={t('walkIn.discardQuestion')}
          keepLabel={t('walkIn.keepEditing')}
          onKeep={() => setConfirmingCancel(false)}
          onDiscard={() => {
            setConfirmingCancel(false);
            onClose();
          }}
        />
      )}
      {registering !== null && (
        <InlineRegisterDialog
          prefillName={registering}
          draftKey={WALK_IN_REGISTRATION_DRAFT}
          backLabel={t('walkIn.backFromRegister')}
          onClose={() => setRegistering(null)}
          onRegistered={(p) => {
            setRegistering(null);
            choose({ id: p.id, name: `${p.givenNames} ${p.familyName}`.trim(), mrn: p.mrn });
          }}
        />
      )}
    </Dialog>
  );
}
