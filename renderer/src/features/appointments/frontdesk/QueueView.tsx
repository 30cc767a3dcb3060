import { useDateFormat } from '../../../format/use-date-format';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayUse, type ChannelOutput } from '../../../../../shared/contract';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { APPOINTMENT_READS } from '../appointment-reads';
import { useSessionStore } from '../../../app/session-store';
import { Notice, SelectField } from '../../../ui';
import { errorMessage } from '../../../forms/field-errors';
import { QueueTable } from './QueueTable';
import { useNavStore } from '../../../app/nav-store';
import { usePatientsNav } from '../../patients/patients-nav-store';
import { useDoctors } from './use-doctors';
import { NoDoctorsNotice } from '../book/NoHoursNotice';
import './frontdesk.css';

type Queue = ChannelOutput<'appointments.queue'>;
export type QueueEntry = Queue['waiting'][number];

/** Waiting times are whole minutes, so a refresh every half minute keeps them right. */
const REFRESH_MS = 30_000;

/** A doctor's today: who waits (in order, with how long), who is in, how many are done; call the next one in. */
export function QueueView() {
  const { t } = useTranslation('frontdesk');
  const format = useDateFormat();
  const headingId = useId();
  const me = useSessionStore((s) => s.session);
  const { doctors, loaded } = useDoctors();
  const [providerId, setProviderId] = useState('');
  const [actionError, setActionError] = useState('');
  const [status, setStatus] = useState('');
  const queueQuery = useChannelQuery(
    'appointments.queue',
    { providerId },
    { enabled: !!providerId, refreshMs: REFRESH_MS },
  );
  const queue = queueQuery.data ?? null;
  const callNextMutation = useChannelMutation('appointments.callNext', { invalidates: APPOINTMENT_READS });
  const advance = useChannelMutation('appointments.advance', { invalidates: APPOINTMENT_READS });
  const alert =
    actionError || (queueQuery.error ? t('queue.loadFailed', { message: errorMessage(queueQuery.error) }) : '');

  // The signed-in doctor sees their own queue; the front desk starts with the first doctor.
  useEffect(() => {
    if (providerId || doctors.length === 0) return;
    setProviderId(doctors.find((d) => d.providerId === me?.userId)?.providerId ?? doctors[0]!.providerId);
  }, [doctors, providerId, me]);

  // Calling the next patient is the doctor's own action (appointments.callNext), on their own queue.
  const isOwnQueue = !!me && mayUse('appointments.callNext', me.roles) && me.userId === providerId;
  // Finishing a visit is the doctor's (main refuses it to the front desk), so only doctors get "Done".
  const mayFinish = !!me && mayUse('appointments.advance', me.roles);

  async function callNext() {
    setStatus('');
    setActionError('');
    try {
      const called = await callNextMutation.mutateAsync({});
      setStatus(
        called ? t('queue.called', { name: called.patientName, token: called.token }) : t('queue.nobodyToCall'),
      );
    } catch (e) {
      setActionError(t('queue.actionFailed', { message: errorMessage(e) }));
    }
  }

  // The doctor goes from the queue to the patient's chart (the Patients section, that patient open).
  const goToSection = useNavStore((s) => s.go);
  const openPatient = usePatientsNav((s) => s.openPatient);
  const openChart = (entry: QueueEntry) => {
    openPatient(entry.patientId);
    goToSection('patients');
  };

  async function markDone(entry: QueueEntry) {
    setStatus('');
    setActionError('');
    try {
      await advance.mutateAsync({ id: entry.id, version: entry.version, status: 'done' });
      setStatus(t('queue.marDone', { name: entry.patientName }));
    } catch (e) {
      setActionError(t('queue.actionFailed', { message: errorMessage(e) }));
    }
  }

  return (
    <section className="frontdesk" aria-labelledby={headingId}>
      <div className="frontdesk__bar">
        <h2 id={headingId}>
          {t('queue.title')}{' '}
          {queue && <span className="muted frontdesk__date">{format.date(queue.date, { weekday: true })}</span>}
        </h2>
        {isOwnQueue ? (
          <button
            type="button"
            className="primary"
            onClick={() => void callNext()}
            disabled={!queue || queue.waiting.length === 0}
          >
            {t('queue.callNext')}
          </button>
        ) : (
          <p className="muted small">{t('queue.callNextOnlyDoctor')}</p>
        )}
      </div>
      {loaded && doctors.length === 0 && <NoDoctorsNotice fallback={t('queue.noDoctors')} />}
      {doctors.length > 0 && (
        <div className="frontdesk__search">
          <SelectField
            label={t('queue.doctor')}
            value={providerId}
            onChange={(e) => setProviderId(e.target.value)}
            options={doctors.map((d) => ({ value: d.providerId, label: d.displayName }))}
          />
        </div>
      )}
      {alert && <Notice tone="error">{alert}</Notice>}
      {status && <Notice tone="success">{status}</Notice>}
      {queue && (
        <div className="frontdesk-queue">
          <section aria-labelledby={`${headingId}-in`}>
            <h3 id={`${headingId}-in`}>{t('queue.withDoctorTitle')}</h3>
            {queue.withDoctor.length === 0 ? (
              <p className="frontdesk__empty">{t('queue.nobodyIn')}</p>
            ) : (
              <QueueTable
                label={t('queue.withDoctorTitle')}
                rows={queue.withDoctor}
                {...(mayFinish ? { onDone: (e: QueueEntry) => void markDone(e), onOpenChart: openChart } : {})}
              />
            )}
          </section>
          <section aria-labelledby={`${headingId}-waiting`}>
            <h3 id={`${headingId}-waiting`}>{t('queue.waitingTitle')}</h3>
            {queue.waiting.length === 0 ? (
              <p className="frontdesk__empty">{t('queue.nobodyWaiting')}</p>
            ) : (
              <QueueTable label={t('queue.waitingTitle')} rows={queue.waiting} />
            )}
            <p className="muted small">{t('queue.updatedEvery')}</p>
          </section>
          <p className="frontdesk-queue__done">{t('queue.doneCount', { count: queue.done })}</p>
        </div>
      )}
    </section>
  );
}
