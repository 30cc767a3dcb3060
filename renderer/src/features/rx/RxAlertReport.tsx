import { useTranslation } from 'react-i18next';
import type { AlertReportRow } from '../../../../shared/domain/prescription';
import { useChannelQuery } from '../../api/channel-hooks';
import { errorMessage } from '../../forms/field-errors';
import { DataTable, Notice, type Column } from '../../ui';

/**
 * For administrators: how often each prescription safety rule was shown and overridden, so the
 * clinic can see which rules help (issue 10). Counts only, no patient data.
 */
export function RxAlertReport() {
  const { t } = useTranslation('rx');
  const report = useChannelQuery('rxReport.alerts', {});
  const columns: Column<AlertReportRow>[] = [
    { key: 'rule', header: t('report.rule'), cell: (r) => r.ruleId, rowHeader: true },
    { key: 'kind', header: t('report.kind'), cell: (r) => r.kind },
    {
      key: 'severity',
      header: t('report.severity'),
      cell: (r) => t(`alert.${r.severity}`, { defaultValue: r.severity }),
    },
    { key: 'shown', header: t('report.shown'), cell: (r) => r.shown },
    { key: 'overridden', header: t('report.overridden'), cell: (r) => r.overridden },
    {
      key: 'rate',
      header: t('report.rate'),
      cell: (r) => (r.shown > 0 ? `${Math.round((100 * r.overridden) / r.shown)}%` : '—'),
    },
  ];
  return (
    <section className="rx-report" aria-label={t('report.title')}>
      <h3>{t('report.title')}</h3>
      <p className="admin-screen__intro">{t('report.intro')}</p>
      {report.error && <Notice tone="error">{errorMessage(report.error)}</Notice>}
      {report.data && report.data.length === 0 && <p className="admin-empty">{t('report.empty')}</p>}
      {report.data && report.data.length > 0 && (
        <DataTable caption={t('report.title')} columns={columns} rows={report.data} rowKey={(r) => r.ruleId} />
      )}
    </section>
  );
}
