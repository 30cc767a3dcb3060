import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../../api/channel-hooks';
import { useClinicTimeZone } from '../../../app/session-store';
import { errorMessage } from '../../../forms/field-errors';
import { useDateFormat } from '../../../format/use-date-format';
import { DataTable, Notice, TrendPlot, type Column, type TrendDatum } from '../../../ui';
import {
  SHOWN_DECIMALS,
  UNIT_SYMBOL,
  formatVital,
  fromCanonical,
  roundTo,
  shownValue,
  unitIn,
  type TrendPoint,
  type UnitSystem,
  type VitalMeasure,
} from '../../../../../shared/domain/vitals';
import { utcToZoned } from '../../../../../shared/zoned-time';
import { VitalFlagMark } from './VitalFlagMark';

interface VitalsTrendProps {
  patientId: string;
  measure: VitalMeasure;
  units: UnitSystem;
  onClose(): void;
}

/**
 * One measure over time: a line with the normal band shaded (recharts), and the same readings as a
 * table under it, for screen readers and for print. "Print trend" prints this region alone
 * (vitals.css hides the rest of the window on paper).
 */
export function VitalsTrend({ patientId, measure, units, onClose }: VitalsTrendProps) {
  const { t } = useTranslation('vitals');
  const format = useDateFormat();
  const headingId = useId();
  const regionRef = useRef<HTMLElement>(null);
  // Opening a trend brings it into view below the latest set.
  // A block body: an effect returns nothing or its clean-up, never scrollIntoView's own result.
  useEffect(() => {
    regionRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [measure]);
  const zone = useClinicTimeZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const query = useChannelQuery('vitals.trend', { patientId, measure });
  const name = t(`measure.${measure}`);
  const unit = UNIT_SYMBOL[unitIn(measure, units)] ?? '';
  const points = useMemo(() => query.data?.points ?? [], [query.data]);
  const decimals = SHOWN_DECIMALS[measure];

  const data = useMemo(() => {
    const shown = (v: number | null) => (v === null ? null : roundTo(fromCanonical(measure, v, units), decimals));
    const values = points.map((p) => shownValue(measure, p.value, units));
    const bounds = points.flatMap((p) => [shown(p.low), shown(p.high)]).filter((v): v is number => v !== null);
    const all = [...values, ...bounds];
    const pad = all.length ? Math.max(1, (Math.max(...all) - Math.min(...all)) * 0.1) : 1;
    const floor = all.length ? Math.min(...all) - pad : 0;
    const ceiling = all.length ? Math.max(...all) + pad : 1;
    return points.map((p, i): TrendDatum => {
      const low = shown(p.low);
      const high = shown(p.high);
      return {
        at: Date.parse(p.takenAt),
        value: values[i]!,
        // A band open on one side (SpO2 of 95 % and above) is shaded to the edge of the plot.
        band: low === null && high === null ? null : [low ?? floor, high ?? ceiling],
      };
    });
  }, [points, measure, units, decimals]);

  const bandText = (p: TrendPoint) => {
    if (p.low === null && p.high === null) return t('trend.noBand');
    const show = (v: number | null) => (v === null ? '' : formatVital(measure, v, units));
    return p.high === null
      ? `≥ ${show(p.low)}`
      : p.low === null
        ? `≤ ${show(p.high)}`
        : `${show(p.low)} – ${show(p.high)}`;
  };
  const columns: Column<TrendPoint & { index: number }>[] = [
    { key: 'taken', header: t('taken'), rowHeader: true, cell: (p) => format.dateTime(p.takenAt) },
    {
      key: 'value',
      header: `${t('trend.value')} (${unit})`,
      cell: (p) => (
        <>
          {shownValue(measure, p.value, units).toFixed(decimals)} <VitalFlagMark flag={p.flag} />
        </>
      ),
    },
    { key: 'band', header: t('trend.normal'), cell: bandText },
  ];
  const dateOf = (ms: number) => format.date(utcToZoned(new Date(ms), zone).date);
  const rows = useMemo(() => points.map((p, index) => ({ ...p, index })), [points]);

  return (
    <section ref={regionRef} className="vitals-trend" aria-labelledby={headingId}>
      <div className="chart-panel__header">
        <h3 id={headingId}>{t('trend.title', { measure: name })}</h3>
        <div className="vitals-trend__actions">
          <button type="button" onClick={() => window.print()} disabled={!points.length}>
            {t('trend.print')}
          </button>
          <button type="button" onClick={onClose}>
            {t('trend.close')}
          </button>
        </div>
      </div>
      {query.error && <Notice tone="error">{errorMessage(query.error)}</Notice>}
      {!query.data && !query.error && <p role="status">{t('loading')}</p>}
      {query.data && !points.length && <p className="chart-panel__empty">{t('trend.none', { measure: name })}</p>}
      {points.length > 0 && (
        <>
          <TrendPlot
            className="vitals-trend__plot"
            label={t('trend.chartLabel', {
              measure: name,
              count: points.length,
              from: format.dateTime(points[0]!.takenAt),
              to: format.dateTime(points[points.length - 1]!.takenAt),
            })}
            data={data}
            name={name}
            bandName={t('trend.band')}
            valueText={(v) => `${v} ${unit}`}
            tickText={dateOf}
            timeText={(ms) => format.dateTime(new Date(ms).toISOString())}
            height={220}
            yUnit={unit === '%' ? '%' : ''}
            yWidth={48}
            lineColor="var(--vitals-line, #1f4e99)"
            bandColor="var(--vitals-band, #9fd3a6)"
          />
          <div className="vitals-trend__table">
            <DataTable
              caption={t('trend.tableCaption', { measure: name })}
              columns={columns}
              rows={rows}
              rowKey={(p) => String(p.index)}
            />
          </div>
        </>
      )}
    </section>
  );
}
