import { useDateFormat } from '../../../format/use-date-format';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment, AppointmentHistoryEntry } from '../../../../../shared/domain/appointment';
import { formatDateTime } from '../../../format/date-time';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage } from '../../../forms/field-errors';
import { APPOINTMENT_READS } from '../appointment-reads';
import { Dialog, Notice } from '../../../ui';
import { PrintSlipButton } from '../frontdesk';
import { CancelForm } from './CancelForm';
import { EditForm } from './EditForm';
import { RescheduleForm } from './RescheduleForm';
import { mayCall, DOCTOR } from '../../../../../shared/access';
import { useSessionStore } from '../../../app/session-store';
import { useNavStore } from '../../../app/nav-store';
import { usePatientsNav } from '../../patients/patients-nav-store';

interface AppointmentDetailsProps {
  appointmentId: string;
  /** History times are shown in the clinic's zone, like the appointment itself. */
  timeZone: string;
  onClose(): void;
  /** After a change: say what happened and refresh the book. */
  onChanged(message: string): void;
}

type Mode = 'view' | 'edit' | 'reschedule' | 'cancel';

const NO_HISTORY: AppointmentHistoryEntry[] = [];

/** Who, when, status and history of one appointment, with the changes a receptionist makes to it. */
export function AppointmentDetails({ appointmentId, timeZone, onClose, onChanged }: AppointmentDetailsProps) {
  const { t, i18n } = useTranslation('appointments');
  const format = useDateFormat();
  const appointmentQuery = useChannelQuery('appointments.get', { id: appointmentId });
  const historyQuery = useChannelQuery('appointments.history', { id: appointmentId });
  // Shown together, as one answer: the record and how it came to be.
  const loaded = appointmentQuery.data && historyQuery.data;
  const appointment = loaded ? appointmentQuery.data : null;
  const history = (loaded && historyQuery.data) || NO_HISTORY;
  const loadError = appointmentQuery.error ?? historyQuery.error;
  const [actionFailure, setActionFailure] = useState<string | null>(null);
  const failure = actionFailure ?? (loadError ? errorMessage(loadError) : null);
  const [mode, setMode] = useState<Mode>('view');
  const noShow = useChannelMutation('appointments.markNoShow', { invalidates: APPOINTMENT_READS });
  const busy = noShow.isPending;
  // Doctors go from the appointment to the patient's chart; the front desk sees no chart.
  const clinical = useSessionStore((s) => mayCall(DOCTOR, s.session?.roles ?? []));
  const goToSection = useNavStore((s) => s.go);
  const openPatient = usePatientsNav((s) => s.openPatient);
  const openChart = (patientId: string) => {
    onClose();
    openPatient(patientId);
    goToSection('patients');
  };

  const markNoShow = async (a: Appointment) => {
    setActionFailure(null);
    try {
      await noShow.mutateAsync({ id: a.id, version: a.version });
      onChanged(t('details.markedNoShow', { patient: a.patientName }));
    } catch (error) {
      setActionFailure(errorMessage(error));
    }
  };

  const a = appointment;
  const booked = a?.status === 'booked';
  const editable = a !== null && !['done', 'no_show', 'cancelled'].includes(a.status);
  const when = (iso: string) => formatDateTime(iso, timeZone, i18n.language);

  return (
    <Dialog
      open
      title={a ? t('details.title', { patient: a.patientName }) : t('details.loading')}
      onClose={onClose}
      actions={
        mode === 'view' && (
          <>
            {a && clinical && (
              <button type="button" onClick={() => openChart(a.patientId)}>
                {t('details.openChart')}
              </button>
            )}
            {a && <PrintSlipButton appointmentId={a.id} />}
            {a && editable && (
              <button type="button" onClick={() => setMode('edit')}>
                {t('details.edit')}
              </button>
            )}
            {a && booked && (
              <>
                <button type="button" onClick={() => setMode('reschedule')}>
                  {t('details.reschedule')}
                </button>
                <button type="button" onClick={() => void markNoShow(a)} disabled={busy}>
                  {t('details.noShow')}
                </button>
                <button type="button" className="danger" onClick={() => setMode('cancel')}>
                  {t('details.cancel')}
                </button>
              </>
            )}
            <button type="button" onClick={onClose}>
              {t('details.close')}
            </button>
          </>
        )
      }
    >
      {failure && <Notice tone="error">{failure}</Notice>}
      {a && (
        <dl className="book-details">
          <dt>{t('details.patient')}</dt>
          <dd>
            {a.patientName} <span className="muted">{t('booking.mrn', { mrn: a.patientMrn })}</span>
          </dd>
          <dt>{t('details.doctor')}</dt>
          <dd>{a.providerName}</dd>
          <dt>{t('details.when')}</dt>
          <dd>
            {t('details.whenValue', {
              date: format.date(a.date, { weekday: true }),
              start: a.time,
              end: a.endTime,
              length: a.lengthMinutes,
            })}
          </dd>
          <dt>{t('details.status')}</dt>
          <dd>{t(`status.${a.status}`)}</dd>
          <dt>{t('details.reason')}</dt>
          <dd>{a.reason || t('grid.noReason')}</dd>
          {a.note && (
            <>
              <dt>{t('details.note')}</dt>
              <dd>{a.note}</dd>
            </>
          )}
          {a.overbookReason && (
            <>
              <dt>{t('details.overbooked')}</dt>
              <dd>{a.overbookReason}</dd>
            </>
          )}
          {a.outsideHoursReason && (
            <>
              <dt>{t('details.outsideHours')}</dt>
              <dd>{a.outsideHoursReason}</dd>
            </>
          )}
          {a.cancelReason && (
            <>
              <dt>{t('details.cancelReasonShown')}</dt>
              <dd>{a.cancelReason}</dd>
            </>
          )}
          {a.seriesId && (
            <>
              <dt>{t('details.series')}</dt>
              <dd>{t('details.inSeries')}</dd>
            </>
          )}
        </dl>
      )}
      {a && mode === 'edit' && <EditForm appointment={a} onDone={onChanged} onBack={() => setMode('view')} />}
      {a && mode === 'reschedule' && (
        <RescheduleForm appointment={a} onDone={onChanged} onBack={() => setMode('view')} />
      )}
      {a && mode === 'cancel' && <CancelForm appointment={a} onDone={onChanged} onBack={() => setMode('view')} />}
      {a && mode === 'view' && history.length > 0 && (
        <section className="book-history" aria-label={t('details.history')}>
          <h3>{t('details.history')}</h3>
          <ol>
            {history.map((h) => (
              <li key={h.version}>
                <span className="muted">{when(h.changedAt)}</span> {h.changedByName}: {h.action}
                {h.changes.length > 0 && (
                  <ul>
                    {h.changes.map((c) => (
                      <li key={c.field}>
                        {t('details.change', { field: c.field, from: c.from || '—', to: c.to || '—' })}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </Dialog>
  );
}
