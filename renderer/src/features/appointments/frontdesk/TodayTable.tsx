import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../ui';
import type { TodayEntry } from './TodayView';
import { StatusBadge } from './StatusBadge';

interface TodayTableProps {
  rows: TodayEntry[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onCheckIn: (row: TodayEntry) => void;
  onSlip: (row: TodayEntry) => void;
  onReschedule: (row: TodayEntry) => void;
}

/** Today's appointments in time order; the chosen row is the one the keyboard shortcuts act on. */
export function TodayTable({ rows, selectedId, onSelect, onCheckIn, onSlip, onReschedule }: TodayTableProps) {
  const { t } = useTranslation('frontdesk');
  const columns: Column<TodayEntry>[] = [
    {
      key: 'time',
      header: t('today.columns.time'),
      className: 'frontdesk-nowrap',
      cell: (row) => `${row.time}–${row.endTime}`,
    },
    {
      key: 'token',
      header: t('today.columns.token'),
      className: 'frontdesk-token-cell',
      cell: (row) => row.token ?? '',
    },
    {
      key: 'patient',
      header: t('today.columns.patient'),
      rowHeader: true,
      cell: (row) => (
        <>
          {row.patientName} <span className="muted small">{row.patientMrn}</span>
          {row.kind === 'walk_in' && <span className="frontdesk-tag">{t('kind.walk_in')}</span>}
        </>
      ),
    },
    { key: 'doctor', header: t('today.columns.doctor'), cell: (row) => row.providerName },
    {
      key: 'status',
      header: t('today.columns.status'),
      cell: (row) => (
        <>
          <StatusBadge status={row.status} />
          {row.waitingMinutes !== null && (
            <span className="muted small"> · {t('today.waitedMinutes', { count: row.waitingMinutes })}</span>
          )}
        </>
      ),
    },
    {
      key: 'actions',
      header: t('today.columns.actions'),
      className: 'frontdesk-actions',
      cell: (row) => (
        <>
          {row.status === 'booked' && (
            <button
              type="button"
              aria-label={t('today.checkInPatient', { name: row.patientName })}
              onClick={() => onCheckIn(row)}
            >
              {t('today.checkIn')}
            </button>
          )}
          {row.status === 'booked' && row.kind === 'appointment' && (
            <button
              type="button"
              aria-label={t('today.reschedulePatient', { name: row.patientName })}
              onClick={() => onReschedule(row)}
            >
              {t('today.reschedule')}
            </button>
          )}
          <button
            type="button"
            aria-label={t('today.printSlipFor', { name: row.patientName })}
            onClick={() => onSlip(row)}
          >
            {t('today.printSlip')}
          </button>
        </>
      ),
    },
  ];
  return (
    <DataTable
      caption={t('today.listLabel')}
      className="frontdesk-table"
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      selection={{ selectedKey: selectedId, onSelect }}
    />
  );
}
