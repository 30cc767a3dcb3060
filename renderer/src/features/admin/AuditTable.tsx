import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/domain/audit';
import { auditActionLabel, auditOutcomeLabel } from './audit-labels';
import { useDateFormat } from '../../format/use-date-format';

/** Audit rows, newest first; times on the clinic's clock (seconds tell apart rows of one minute), the UTC instant in a tooltip. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation('admin');
  const format = useDateFormat();
  return (
    <div className="admin-table-scroll">
      <table className="admin-table admin-table--audit">
        <caption className="visually-hidden">{t('audit.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.colTime')}</th>
            <th scope="col">{t('audit.colUser')}</th>
            <th scope="col">{t('audit.colAction')}</th>
            <th scope="col">{t('audit.colPatient')}</th>
            <th scope="col">{t('audit.colOutcome')}</th>
            <th scope="col">{t('audit.colDetails')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td className="admin-nowrap">
                <time dateTime={e.at} title={e.at}>
                  {format.dateTime(e.at, { seconds: true })}
                </time>
              </td>
              <td>{e.username}</td>
              <td className="admin-nowrap">{auditActionLabel(t, e.action)}</td>
              <td className="admin-patient">{e.patientLabel || e.patientId || ''}</td>
              <td className={`admin-outcome admin-outcome--${e.outcome}`}>{auditOutcomeLabel(t, e.outcome)}</td>
              <td className="admin-details">{e.details}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
