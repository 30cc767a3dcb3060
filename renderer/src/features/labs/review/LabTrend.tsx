import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../../api/channel-hooks';
import { useClinicTimeZone } from '../../../app/session-store';
import { errorMessage } from '../../../forms/field-errors';
import { useDateFormat } from '../../../format/use-date-format';
import { DataTable, Notice, TrendPlot, type Column, type TrendDatum } from '../../../ui';
import { labRangeText, labValueText, type LabTrendPoint } from '../../../../../shared/domain/lab-review';
import { utcToZoned } from '../../../../../shared/zoned-time';
import { LabFlagMark } from './LabFlagMark';

/**
 * One test over time (issue 11, part 6): its values as a line over the reference band each result
 * was judged by (recharts, as the vitals trend), and the same results as a table, for screen readers
 * and for reading exact values. Results in another unit than the test's are left off the plot (the
 * table shows them as they are).
 */
export function LabTrend({
  patientId,
  code,
  name,
  onClose,
}: {
  patientId: string;
  code: string;
  name: string;
  onClose(): void;
}) {
  const { t } = useTranslation('labreview');
  const format = useDateFormat();
  const headingId = useId();
  const regionRef = useRef<HTMLElement>(null);
  // Opening a trend brings it into view; the effect returns nothing (React would call a return value on close).
  useEffect(() => {
    regionRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [code]);
  const zone = useClinicTimeZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const query = useChannelQuery('labs.review.trend', { patientId, code });
  const points = useMemo(() => query.data?.points ?? [], [query.data]);
  const unit = query.data?.unit ?? null;
  const plotted = useMemo(
    () =>
      points
        .filter((p) => p.valueNum !== null && p.unit === unit)
        .map((p): TrendDatum => ({
          at: Date.parse(p.observedAt),
          value: p.valueNum,
          band: p.refLow === null && p.refHigh === null ? null : [p.refLow ?? 0, p.refHigh ?? p.valueNum! * 1.2],
        })),
    [points, unit],
  );
  const columns: Column<LabTrendPoint>[] = [
    { key: 'taken', header: t('trend.taken'), rowHeader: true, cell: (p) => format.dateTime(p.observedAt) },
    {
      key: 'value',
      header: t('trend.value'),
      cell: (p) => (
        <>
          {labValueText(p)} <LabFlagMark flag={p.flag} critical={p.critical} />
        </>
      ),
    },
    { key: 'range', header: t('trend.range'), cell: (p) => labRangeText(p) },
  ];
  const dateOf = (ms: number) => format.date(utcToZoned(new Date(ms), zone).date);
  const shownName = query.data?.name ?? name;
  return (
    <section ref={regionRef} className="lab-trend" aria-labelledby={headingId}>
      <div className="chart-panel__header">
        <h3 id={headingId}>{t('trend.title', { name: shownName })}</h3>
        <button type="button" onClick={onClose}>
          {t('trend.close')}
        </button>
      </div>
      {query.error && <Notice tone="error">{errorMessage(query.error)}</Notice>}
      {!query.data && !query.error && <p role="status">{t('loading')}</p>}
      {query.data && points.length === 0 && (
        <p className="chart-panel__empty">{t('trend.none', { name: shownName })}</p>
      )}
      {plotted.length > 0 && (
        <TrendPlot
          className="lab-trend__plot"
          label={t('trend.chartLabel', {
            name: shownName,
            count: plotted.length,
            from: format.dateTime(points[0]!.observedAt),
            to: format.dateTime(points[points.length - 1]!.observedAt),
          })}
          data={plotted}
          name={shownName}
          bandName={t('trend.band')}
          valueText={(v) => `${v} ${unit ?? ''}`.trim()}
          tickText={dateOf}
          timeText={(ms) => format.dateTime(new Date(ms).toISOString())}
          height={200}
          yWidth={52}
          lineColor="var(--lab-line, #1f4e99)"
          bandColor="var(--lab-band, #9fd3a6)"
        />
      )}
      {points.length > 0 && (
        <div className="lab-trend__table">
          <DataTable
            caption={t('trend.tableCaption', { name: shownName })}
            columns={columns}
            rows={[...points].reverse()}
            rowKey={(p) => p.resultId}
          />
        </div>
      )}
    </section>
  );
}
