import { useTranslation } from 'react-i18next';
import type { QueueEntry } from './QueueView';

interface QueueTableProps {
  label: string;
  rows: QueueEntry[];
  /** Given for the patients with the doctor: a "Done" button per row. */
  onDone?: (entry: QueueEntry) => void;
}

export function QueueTable({ label, rows, onDone }: QueueTableProps) {
  const { t } = useTranslation('frontdesk');
  return (
    <table className="frontdesk-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('queue.tokenColumn')}</th>
          <th scope="col">{t('queue.patientColumn')}</th>
          <th scope="col">{t('queue.timeColumn')}</th>
          {!onDone && <th scope="col">{t('queue.waitedLabel')}</th>}
          {onDone && <th scope="col">{t('queue.actionsColumn')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td className="frontdesk-token-cell">{row.token ?? ''}</td>
            <th scope="row">
              {row.patientName} <span className="muted small">{row.patientMrn}</span>
              {row.kind === 'walk_in' && <span className="frontdesk-tag">{t('kind.walk_in')}</span>}
            </th>
            <td className="frontdesk-nowrap">{row.kind === 'walk_in' ? '—' : row.time}</td>
            {!onDone && (
              <td className="frontdesk-nowrap">
                {row.waitingMinutes === null ? '' : t('queue.waited', { count: row.waitingMinutes })}
              </td>
            )}
            {onDone && (
              <td>
                <button
                  type="button"
                  aria-label={t('queue.donePatient', { name: row.patientName })}
                  onClick={() => onDone(row)}
                >
                  {t('queue.done')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
