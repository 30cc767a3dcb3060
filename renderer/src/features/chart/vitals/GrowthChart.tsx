import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage } from '../../../forms/field-errors';
import { useDateFormat } from '../../../format/use-date-format';
import { CHART_TOOLTIP_STYLE, type Column, DataTable, Notice } from '../../../ui';
import {
  GROWTH_MEASURES,
  GROWTH_RANGES,
  type GrowthMeasure,
  type GrowthPoint,
  type GrowthRange,
} from '../../../../../shared/domain/growth';
import {
  SHOWN_DECIMALS,
  UNIT_SYMBOL,
  fromCanonical,
  roundTo,
  unitIn,
  type UnitSystem,
} from '../../../../../shared/domain/vitals';

interface GrowthChartProps {
  patientId: string;
  units: UnitSystem;
}

/** A curve's key in the plotted rows: c3, c10, ... c97. */
const curveKey = (centile: number) => `c${centile}`;

/**
 * A child's growth chart (CDC 2000, resources/growth/SOURCE.md): the centile curves for the child's
 * sex and the child's own measurements on them, and the same measurements with their centiles in a
 * table, for screen readers and for reading exact values. Weight, length or height, and head
 * circumference; birth to 36 months or 2 to 20 years.
 */
export function GrowthChart({ patientId, units }: GrowthChartProps) {
  const { t } = useTranslation('growth');
  const { t: tv } = useTranslation('vitals');
  const format = useDateFormat();
  const headingId = useId();
  const [measure, setMeasure] = useState<GrowthMeasure>('weight');
  const [range, setRange] = useState<GrowthRange | undefined>(undefined);
  const query = useChannelQuery('vitals.growth', range ? { patientId, measure, range } : { patientId, measure });
  const chart = query.data;
  const shownRange = chart?.range ?? range;
  const decimals = SHOWN_DECIMALS[measure];
  const unit = UNIT_SYMBOL[unitIn(measure, units)] ?? '';
  const inYears = chart?.range === 'child';
  const shown = (v: number) => roundTo(fromCanonical(measure, v, units), decimals + 1);

  const curveRows = useMemo(
    () =>
      (chart?.curves ?? []).map((row) => {
        const out: Record<string, number> = { age: inYears ? row.ageMonths / 12 : row.ageMonths };
        chart!.centiles.forEach((c, i) => (out[curveKey(c)] = shown(row.values[i]!)));
        return out;
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- shown depends on measure and units only
    [chart, inYears, measure, units],
  );
  const pointRows = useMemo(
    () =>
      (chart?.points ?? []).map((p) => ({
        age: inYears ? p.ageMonths / 12 : p.ageMonths,
        child: roundTo(fromCanonical(measure, p.value, units), decimals),
        takenAt: p.takenAt,
      })),
    [chart, inYears, measure, units, decimals],
  );

  const name = t(`measure.${measure}`);
  const sexWord = chart?.sex ? t(`sex.${chart.sex}`) : '';
  const title = chart?.sex
    ? t('title', { measure: name, sex: sexWord, range: t(`range.${chart.range}`) })
    : t('titleNoSex', { measure: name });
  const ageText = (months: number) =>
    months < 24
      ? t('ageMonths', { months: Math.floor(months) })
      : t('ageYears', { years: Math.floor(months / 12), months: Math.floor(months % 12) });
  const centileText = (c: number) => (c < 0.1 ? '< 0.1' : c > 99.9 ? '> 99.9' : c.toFixed(1));
  const columns: Column<GrowthPoint>[] = [
    { key: 'taken', header: tv('taken'), rowHeader: true, cell: (p) => format.dateTime(p.takenAt) },
    { key: 'age', header: t('age'), cell: (p) => ageText(p.ageMonths) },
    {
      key: 'value',
      header: `${name} (${unit})`,
      cell: (p) => roundTo(fromCanonical(measure, p.value, units), decimals).toFixed(decimals),
    },
    { key: 'centile', header: t('centile'), cell: (p) => centileText(p.centile) },
  ];
  const last = curveRows.length - 1;
  const valueTicks = useMemo(
    () => roundTicks([...curveRows.flatMap((r) => Object.values(r).slice(1)), ...pointRows.map((p) => p.child)]),
    [curveRows, pointRows],
  );

  return (
    <section className="vitals-growth" aria-labelledby={headingId}>
      <div className="chart-panel__header">
        <h3 id={headingId}>{title}</h3>
        <div className="vitals-growth__choices">
          <div role="group" aria-label={t('measureChoice')} className="vitals-growth__choice">
            {GROWTH_MEASURES.map((m) => (
              <button key={m} type="button" aria-pressed={measure === m} onClick={() => setMeasure(m)}>
                {t(`measure.${m}`)}
              </button>
            ))}
          </div>
          <div role="group" aria-label={t('rangeChoice')} className="vitals-growth__choice">
            {GROWTH_RANGES.map((r) => (
              <button key={r} type="button" aria-pressed={shownRange === r} onClick={() => setRange(r)}>
                {t(`range.${r}`)}
              </button>
            ))}
          </div>
        </div>
      </div>
      {query.error && <Notice tone="error">{errorMessage(query.error)}</Notice>}
      {!chart && !query.error && <p role="status">{t('loading')}</p>}
      {chart?.status === 'sexNotRecorded' && <p className="chart-panel__empty">{t('sexNotRecorded')}</p>}
      {chart?.status === 'noChart' && <p className="chart-panel__empty">{t('noChart')}</p>}
      {chart?.status === 'ok' && (
        <>
          {chart.birthDateEstimated && <p className="vitals-growth__note">{t('birthDateEstimated')}</p>}
          <figure
            className="vitals-growth__plot"
            role="img"
            aria-label={t('chartLabel', {
              title,
              count: chart.points.length,
              centiles: chart.centiles.join(', '),
            })}
          >
            <ResponsiveContainer width="100%" height={260}>
              <ComposedChart margin={{ top: 8, right: 36, bottom: 14, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
                <XAxis
                  dataKey="age"
                  type="number"
                  domain={inYears ? [2, 20] : [0, 36]}
                  ticks={
                    inYears ? [2, 4, 6, 8, 10, 12, 14, 16, 18, 20] : [0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36]
                  }
                  allowDuplicatedCategory={false}
                  label={{ value: inYears ? t('axisYears') : t('axisMonths'), position: 'insideBottom', offset: -8 }}
                />
                <YAxis
                  domain={[valueTicks[0] ?? 'auto', valueTicks[valueTicks.length - 1] ?? 'auto']}
                  ticks={valueTicks}
                  width={60}
                  unit={` ${unit}`}
                />
                <Tooltip
                  {...CHART_TOOLTIP_STYLE}
                  labelFormatter={(age) =>
                    inYears
                      ? t('tooltipYears', { age: Number(age).toFixed(1) })
                      : t('tooltipMonths', { age: Number(age).toFixed(1) })
                  }
                  formatter={(v, key) =>
                    key === 'child'
                      ? [`${String(v)} ${unit}`, t('child')]
                      : [`${String(v)} ${unit}`, t('centileN', { n: String(key).slice(1) })]
                  }
                />
                {chart.centiles.map((c) => (
                  <Line
                    key={c}
                    data={curveRows}
                    dataKey={curveKey(c)}
                    name={t('centileN', { n: c })}
                    stroke={c === 50 ? 'var(--text)' : 'var(--text-muted)'}
                    strokeWidth={c === 50 ? 1.5 : 1}
                    strokeDasharray={c === 50 ? undefined : '4 3'}
                    dot={false}
                    activeDot={false}
                    isAnimationActive={false}
                    label={({ x, y, index }: { x?: number | string; y?: number | string; index?: number }) =>
                      index === last ? (
                        <text x={Number(x) + 4} y={Number(y) + 3} fontSize={10} fill="var(--text-muted)">
                          {c}
                        </text>
                      ) : null
                    }
                  />
                ))}
                <Line
                  data={pointRows}
                  dataKey="child"
                  name={t('child')}
                  stroke="var(--accent)"
                  strokeWidth={2}
                  dot={{ r: 3 }}
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          </figure>
          {chart.points.length === 0 ? (
            <p className="chart-panel__empty">{t(`none.${measure}`)}</p>
          ) : (
            <div className="vitals-growth__table">
              <DataTable
                caption={t('tableCaption', { measure: name })}
                columns={columns}
                rows={chart.points}
                rowKey={(p) => p.takenAt}
              />
            </div>
          )}
          <p className="vitals-growth__source">{t('source')}</p>
        </>
      )}
    </section>
  );
}

/** Evenly spaced round ticks (steps of 1, 2, 5, 10, 20, 25 or 50) around the values, at most seven. */
function roundTicks(values: number[]): number[] {
  if (!values.length) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => Math.ceil(max / s) - Math.floor(min / s) <= 6) ?? 100;
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= Math.ceil(max / step) * step; v += step) ticks.push(v);
  return ticks;
}
