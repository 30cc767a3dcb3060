import { useTranslation } from 'react-i18next';
import type { LabFlag, LabResultView } from '../../../../shared/domain/lab';
import { DataTable, type Column } from '../../ui';

/** A value as entered or converted, with its comparator: "<0.5", "10.5", "Positive". */
export function resultValue(r: LabResultView): string {
  if (r.valueType !== 'numeric' || r.valueNum === null) return r.valueText;
  return `${r.comparator ?? ''}${r.valueNum}`;
}

/** Flag words a person reads; the letters stay beside them (labs print them). */
export function FlagBadge({ flag }: { flag: LabFlag | null }) {
  const { t } = useTranslation('labs');
  if (!flag || flag === 'N') return null;
  const critical = flag === 'LL' || flag === 'HH' || flag === 'AA';
  return (
    <span className={`lab-flag${critical ? ' lab-flag--critical' : ''}`}>
      {flag} · {t(`flag.${flag}`)}
    </span>
  );
}

/** The results of one report: test, result, unit, flag, reference range, notes. */
export function LabResultsTable({ caption, results }: { caption: string; results: readonly LabResultView[] }) {
  const { t } = useTranslation('labs');
  const columns: Column<LabResultView>[] = [
    { key: 'test', header: t('results.test'), rowHeader: true, cell: (r) => r.name },
    { key: 'value', header: t('results.value'), cell: (r) => resultValue(r), className: 'lab-results__value' },
    { key: 'unit', header: t('results.unit'), cell: (r) => r.unit ?? '' },
    { key: 'flag', header: t('results.flag'), cell: (r) => <FlagBadge flag={r.flag} /> },
    { key: 'range', header: t('results.range'), cell: (r) => r.refText },
    {
      key: 'notes',
      header: t('results.notes'),
      cell: (r) =>
        [
          r.deltaNote,
          r.comment,
          r.originalUnit && r.originalUnit !== r.unit
            ? t('results.entered', { value: r.originalValue, unit: r.originalUnit })
            : '',
        ]
          .filter(Boolean)
          .join(' · '),
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={results}
      rowKey={(r) => r.id}
      className="lab-results"
      scroll
      rowClassName={(r) => (r.flag && r.flag !== 'N' ? 'lab-results__abnormal' : undefined)}
    />
  );
}
