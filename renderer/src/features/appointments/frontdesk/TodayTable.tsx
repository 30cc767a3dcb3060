import { useTranslation } from 'react-i18next';
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
  return (
    <table className="frontdesk-table" aria-label={t('today.listLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('today.columns.time')}</th>
          <th scope="col">{t('today.columns.token')}</th>
          <th scope="col">{t('today.columns.patient')}</th>
          <th scope="col">{t('today.columns.doctor')}</th>
          <th scope="col">{t('today.columns.status')}</th>
          <th scope="col">{t('today.columns.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const selected = row.id === selectedId;
          return (
            <tr
              key={row.id}
              aria-current={selected ? 'true' : undefined}
              className={selected ? 'frontdesk-table__row--selected' : undefined}
              onClick={() => onSelect(row.id)}
            >
              <td className="frontdesk-nowrap">
                {row.time}–{row.endTime}
              </td>
              <td className="frontdesk-token-cell">{row.token ?? ''}</td>
              <th scope="row">
                {row.patientName} <span className="muted small">{row.patientMrn}</span>
                {row.kind === 'walk_in' && <span className="frontdesk-tag">{t('kind.walk_in')}</span>}
              </th>
              <td>{row.providerName}</td>
              <td>
                <StatusBadge status={row.status} />
                {row.waitingMinutes !== null && (
                  <span className="muted small"> · {t('today.waitedMinutes', { count: row.waitingMinutes })}</span>
                )}
              </td>
              <td className="frontdesk-actions">
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
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
