import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/domain/audit';
import { useDateFormat } from '../../format/use-date-format';
import { DataTable, type Column } from '../../ui';
import { auditActionLabel, auditOutcomeLabel } from './audit-labels';

/** Audit rows, newest first; times on the clinic's clock (seconds tell apart rows of one minute), the UTC instant in a tooltip. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation('admin');
  const format = useDateFormat();
  const columns: Column<AuditEntry>[] = [
    {
      key: 'time',
      header: t('audit.colTime'),
      className: 'admin-nowrap',
      cell: (e) => (
        <time dateTime={e.at} title={e.at}>
          {format.dateTime(e.at, { seconds: true })}
        </time>
      ),
    },
    { key: 'user', header: t('audit.colUser'), cell: (e) => e.username },
    {
      key: 'action',
      header: t('audit.colAction'),
      className: 'admin-nowrap',
      cell: (e) => auditActionLabel(t, e.action),
    },
    {
      key: 'patient',
      header: t('audit.colPatient'),
      className: 'admin-patient',
      cell: (e) => e.patientLabel || e.patientId || '',
    },
    {
      key: 'outcome',
      header: t('audit.colOutcome'),
      cell: (e) => (
        <span className={`admin-outcome admin-outcome--${e.outcome}`}>{auditOutcomeLabel(t, e.outcome)}</span>
      ),
    },
    { key: 'details', header: t('audit.colDetails'), className: 'admin-details', cell: (e) => e.details },
  ];
  return (
    <DataTable
      caption={t('audit.tableCaption')}
      className="admin-table admin-table--audit"
      columns={columns}
      rows={entries}
      rowKey={(e) => String(e.seq)}
      scroll
    />
  );
}
