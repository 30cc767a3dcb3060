import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../ui';
import type { QueueEntry } from './QueueView';

interface QueueTableProps {
  label: string;
  rows: QueueEntry[];
  /** Given for the patients with the doctor: a "Done" button per row. */
  onDone?: (entry: QueueEntry) => void;
  /** Given to doctors: an "Open chart" button per row, to the patient's chart. */
  onOpenChart?: (entry: QueueEntry) => void;
}

export function QueueTable({ label, rows, onDone, onOpenChart }: QueueTableProps) {
  const { t } = useTranslation('frontdesk');
  const columns: Column<QueueEntry>[] = [
    { key: 'token', header: t('queue.tokenColumn'), className: 'frontdesk-token-cell', cell: (row) => row.token ?? '' },
    {
      key: 'patient',
      header: t('queue.patientColumn'),
      rowHeader: true,
      cell: (row) => (
        <>
          {row.patientName} <span className="muted small">{row.patientMrn}</span>
          {row.kind === 'walk_in' && <span className="frontdesk-tag">{t('kind.walk_in')}</span>}
        </>
      ),
    },
    {
      key: 'time',
      header: t('queue.timeColumn'),
      className: 'frontdesk-nowrap',
      cell: (row) => (row.kind === 'walk_in' ? '—' : row.time),
    },
  ];
  if (onDone) {
    columns.push({
      key: 'actions',
      header: t('queue.actionsColumn'),
      cell: (row) => (
        <>
          {onOpenChart && (
            <button
              type="button"
              aria-label={t('queue.openChartOf', { name: row.patientName })}
              onClick={() => onOpenChart(row)}
            >
              {t('queue.openChart')}
            </button>
          )}{' '}
          <button
            type="button"
            aria-label={t('queue.donePatient', { name: row.patientName })}
            onClick={() => onDone(row)}
          >
            {t('queue.done')}
          </button>
        </>
      ),
    });
  } else {
    columns.push({
      key: 'waited',
      header: t('queue.waitedLabel'),
      className: 'frontdesk-nowrap',
      cell: (row) => (row.waitingMinutes === null ? '' : t('queue.waited', { count: row.waitingMinutes })),
    });
  }
  return <DataTable caption={label} className="frontdesk-table" columns={columns} rows={rows} rowKey={(r) => r.id} />;
}
