import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * The tooltip in the app's colours (recharts draws it white with grey text, which the dark theme
 * cannot read): the surface, the text and the border of the theme in use.
 */
export const CHART_TOOLTIP_STYLE = {
  contentStyle: { background: 'var(--surface)', borderColor: 'var(--border)', color: 'var(--text)' },
  labelStyle: { color: 'var(--text)', fontWeight: 600 },
} as const;

/** One reading on a trend: when (ms since the epoch), its value, and the normal band then ([low, high]). */
export interface TrendDatum {
  at: number;
  value: number | null;
  band: [number, number] | null;
}

interface TrendPlotProps {
  data: readonly TrendDatum[];
  /** The figure's accessible name: what, how many readings, from when to when. */
  label: string;
  /** The line's name in the tooltip. */
  name: string;
  /** The band's name (drawn, never read out in the tooltip). */
  bandName: string;
  /** A value as the tooltip says it, with its unit. */
  valueText(value: number): string;
  /** An axis tick: the date of an instant. */
  tickText(ms: number): string;
  /** The tooltip's heading: the date and time of an instant. */
  timeText(ms: number): string;
  className: string;
  height: number;
  yUnit?: string;
  yWidth: number;
  /** CSS colours (custom properties with fallbacks) of the line and the band. */
  lineColor: string;
  bandColor: string;
}

/**
 * A measure over time (recharts): the values as a line over the shaded normal band, on a time
 * axis. The vitals and lab trends draw with it; each puts the same readings in a table beside it,
 * for screen readers and exact values.
 */
export function TrendPlot(props: TrendPlotProps) {
  return (
    <figure className={props.className} role="img" aria-label={props.label}>
      <ResponsiveContainer width="100%" height={props.height}>
        <ComposedChart data={props.data as TrendDatum[]} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(ms: number) => props.tickText(ms)}
          />
          <YAxis domain={['auto', 'auto']} unit={props.yUnit ?? ''} width={props.yWidth} />
          <Tooltip
            {...CHART_TOOLTIP_STYLE}
            labelFormatter={(ms) => props.timeText(Number(ms))}
            formatter={(v, _name, item) =>
              item.dataKey === 'value' ? [props.valueText(Number(v)), props.name] : [null, null]
            }
          />
          <Area
            dataKey="band"
            name={props.bandName}
            stroke="none"
            fill={props.bandColor}
            fillOpacity={0.35}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            dataKey="value"
            name={props.name}
            stroke={props.lineColor}
            strokeWidth={2}
            dot={{ r: 2 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
