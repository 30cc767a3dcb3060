import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage } from '../../../forms/field-errors';
import { useDateFormat } from '../../../format/use-date-format';
import { Notice } from '../../../ui';

/**
 * The patient's appointments still to come (side column): when, with whom and why, soonest first.
 * "Book follow-up" above the overview adds to it; the book's own reads invalidate it.
 */
export function UpcomingAppointmentsPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation('chart');
  const format = useDateFormat();
  const list = useChannelQuery('appointments.upcomingForPatient', { patientId });
  const headingId = `upcoming-${patientId}`;
  return (
    <section className="chart-panel" aria-labelledby={headingId}>
      <div className="chart-panel__header">
        <h2 id={headingId}>{t('upcoming.title')}</h2>
      </div>
      <div className="chart-panel__body">
        {list.error && <Notice tone="error">{errorMessage(list.error)}</Notice>}
        {list.data?.length === 0 && <p className="chart-panel__empty">{t('upcoming.empty')}</p>}
        {list.data && list.data.length > 0 && (
          <ul aria-labelledby={headingId} className="chart-upcoming">
            {list.data.map((a) => (
              <li key={a.id}>
                {t('upcoming.item', {
                  when: `${format.date(a.date)} ${a.time}`,
                  doctor: a.providerName,
                })}
                {a.reason && <span className="muted"> · {a.reason}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
