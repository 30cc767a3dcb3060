import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../../shared/domain/appointment';
import type { PatientSummary } from '../../../../../shared/domain/patient';
import { useChannelMutation } from '../../../api/channel-hooks';
import { APPOINTMENT_READS } from '../appointment-reads';
import { useSessionStore } from '../../../app/session-store';
import { Dialog, Notice, SelectField, TextField } from '../../../ui';
import { usePatientSearch } from '../../patients';
import { errorMessage } from '../../../forms/field-errors';
import { SlipPreview } from './print-buttons';
import { useDoctors } from './use-doctors';

interface WalkInDialogProps {
  open: boolean;
  onClose: () => void;
}

const fullName = (p: PatientSummary) => `${p.givenNames} ${p.familyName}`.trim();

/** Finds the patient, picks the doctor, puts the patient in the queue and shows the token to say aloud. */
export function WalkInDialog({ open, onClose }: WalkInDialogProps) {
  const { t } = useTranslation('frontdesk');
  const me = useSessionStore((s) => s.session);
  const { doctors, loaded } = useDoctors();
  const [text, setText] = useState('');
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [doctorId, setDoctorId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [added, setAdded] = useState<Appointment | null>(null);
  const [slipOpen, setSlipOpen] = useState(false);
  // The day's lists on screen refresh once the walk-in is in the queue.
  const walkIn = useChannelMutation('appointments.walkIn', { invalidates: APPOINTMENT_READS });
  const saving = walkIn.isPending;
  const search = usePatientSearch(text.trim());
  const results = text.trim() && !patient ? search.results.slice(0, 8) : [];

  useEffect(() => {
    if (!open) return;
    setText('');
    setPatient(null);
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

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!patient) return setError(t('walkIn.choosePatient'));
    if (!doctorId) return setError(t('walkIn.chooseDoctor'));
    setError('');
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
    <Dialog open={open} title={t('walkIn.title')} onClose={onClose}>
      <form className="frontdesk-walkin" onSubmit={(e) => void submit(e)} noValidate autoComplete="off">
        {error && <Notice tone="error">{error}</Notice>}
        {patient ? (
          <p className="frontdesk-walkin__chosen">
            {t('walkIn.chosen', { name: fullName(patient), mrn: patient.mrn })}{' '}
            <button type="button" onClick={() => setPatient(null)}>
              {t('walkIn.change')}
            </button>
          </p>
        ) : (
          <>
            <TextField
              label={t('walkIn.patient')}
              hint={t('walkIn.patientHint')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoFocus
              autoComplete="off"
            />
            {text.trim() && search.loaded && search.text === text.trim() && results.length === 0 && (
              <p className="muted">{t('walkIn.noResults')}</p>
            )}
            {results.length > 0 && (
              <ul className="frontdesk-walkin__results" aria-label={t('walkIn.results')}>
                {results.map((p) => (
                  <li key={p.id}>
                    <button type="button" onClick={() => setPatient(p)}>
                      <strong>{fullName(p)}</strong> <span className="muted">{p.mrn}</span>{' '}
                      {p.phone && <span className="muted">· {p.phone}</span>}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        {loaded && doctors.length === 0 ? (
          <Notice tone="error">{t('walkIn.noDoctors')}</Notice>
        ) : (
          <SelectField
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
          label={t('walkIn.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          limit={200}
        />
        <div className="dialog__actions">
          <button type="submit" disabled={saving}>
            {t('walkIn.submit')}
          </button>
          <button type="button" onClick={onClose}>
            {t('walkIn.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
