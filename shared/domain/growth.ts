import { z } from 'zod';
import { idSchema } from './common';

/**
 * Growth charts for children (issue 9, part 3): the CDC 2000 growth charts (resources/growth/SOURCE.md,
 * US public domain) as LMS parameters, and the arithmetic that turns them into centile curves and a
 * child's own centiles (Cole & Green's LMS method, as CDC publishes it for these files).
 *
 * A table row holds, for one sex at one age, L (the Box-Cox power), M (the median) and S (the
 * coefficient of variation). The measurement at z-score z is M·(1 + L·S·z)^(1/L), or M·e^(S·z) when
 * L is 0; a measurement X has z = ((X/M)^L − 1)/(L·S), or ln(X/M)/S when L is 0.
 */

/** The measures that have a growth chart, named as the vitals measures they plot. */
export const GROWTH_MEASURES = ['weight', 'height', 'headCircumference'] as const;
export type GrowthMeasure = (typeof GROWTH_MEASURES)[number];

/** CDC's two sets of charts: birth to 36 months (length lying down), and 2 to 20 years (stature). */
export const GROWTH_RANGES = ['infant', 'child'] as const;
export type GrowthRange = (typeof GROWTH_RANGES)[number];

/** CDC's file for each chart; head circumference is charted to 36 months only. */
export const GROWTH_TABLE: Record<GrowthRange, Partial<Record<GrowthMeasure, GrowthTableName>>> = {
  infant: { weight: 'wtageinf', height: 'lenageinf', headCircumference: 'hcageinf' },
  child: { weight: 'wtage', height: 'statage' },
};
export type GrowthTableName = 'wtageinf' | 'lenageinf' | 'hcageinf' | 'wtage' | 'statage';

/** The ages each set covers, in months. */
export const GROWTH_AGE_MONTHS: Record<GrowthRange, { from: number; to: number }> = {
  infant: { from: 0, to: 36 },
  child: { from: 24, to: 240 },
};

/** The centile curves drawn: CDC's clinical charts with the 3rd and 97th as the outer lines. */
export const GROWTH_CENTILES = [3, 10, 25, 50, 75, 90, 97] as const;

export type GrowthSex = 'male' | 'female';

/** One row of a CDC LMS table: [age in months, L, M, S]. */
export type LmsRow = readonly [agemos: number, l: number, m: number, s: number];
export type LmsTables = Record<GrowthTableName, Record<GrowthSex, readonly LmsRow[]>>;

export interface Lms {
  l: number;
  m: number;
  s: number;
}

/** The measurement at z-score z. */
export function valueAtZ({ l, m, s }: Lms, z: number): number {
  return l === 0 ? m * Math.exp(s * z) : m * Math.pow(1 + l * s * z, 1 / l);
}

/** The z-score of a measurement. */
export function zOfValue({ l, m, s }: Lms, value: number): number {
  return l === 0 ? Math.log(value / m) / s : (Math.pow(value / m, l) - 1) / (l * s);
}

/** The measurement at a centile (0 < centile < 100). */
export function valueAtCentile(lms: Lms, centile: number): number {
  return valueAtZ(lms, normalQuantile(centile / 100));
}

/** The centile (0-100) of a measurement. */
export function centileOfValue(lms: Lms, value: number): number {
  return normalCdf(zOfValue(lms, value)) * 100;
}

/**
 * L, M and S at an age in months, straight from a row where the table has one and interpolated
 * linearly between the two rows around it otherwise (CDC lists each month at its midpoint, so a
 * child's exact age falls between rows). Null outside the table's ages.
 */
export function lmsAt(rows: readonly LmsRow[], ageMonths: number): Lms | null {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last || ageMonths < first[0] || ageMonths > last[0]) return null;
  let hi = rows.findIndex((r) => r[0] >= ageMonths);
  if (hi < 0) hi = rows.length - 1;
  const b = rows[hi]!;
  if (b[0] === ageMonths || hi === 0) return { l: b[1], m: b[2], s: b[3] };
  const a = rows[hi - 1]!;
  const t = (ageMonths - a[0]) / (b[0] - a[0]);
  return { l: a[1] + t * (b[1] - a[1]), m: a[2] + t * (b[2] - a[2]), s: a[3] + t * (b[3] - a[3]) };
}

/** Days in an average month (365.25 / 12), as CDC counts a child's age in months. */
export const DAYS_PER_MONTH = 30.4375;

/** The standard normal distribution function Φ(z), through erfc below (relative error about 1e-16). */
export function normalCdf(z: number): number {
  return z < 0 ? erfc(-z / Math.SQRT2) / 2 : 1 - erfc(z / Math.SQRT2) / 2;
}

/** Φ⁻¹(p): Acklam's rational approximation refined by one Halley step (relative error < 1e-13). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`centile out of range: ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  // One Halley step on Φ(x) − p brings the approximation (1e-9) to double precision.
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/**
 * The complementary error function for x ≥ 0: a Chebyshev fit of erfc(x)·e^(x²) (Numerical Recipes,
 * 3rd ed., §6.2.2, accurate to about 1.2e-16).
 */
function erfc(x: number): number {
  const cof = [
    -1.3026537197817094, 0.6419697923564902, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4,
    3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8,
    -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12,
    -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16,
    -2.8e-17,
  ];
  const t = 2 / (2 + x);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = cof.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + cof[j]!;
    dd = tmp;
  }
  return t * Math.exp(-x * x + 0.5 * (cof[0]! + ty * d) - dd);
}

// ---- The channel (shared/chart-contract/growth.ts) ----

export const growthInputSchema = z.strictObject({
  patientId: idSchema,
  measure: z.enum(GROWTH_MEASURES),
  /** Which of CDC's two sets; main picks by the child's age today when absent. */
  range: z.enum(GROWTH_RANGES).optional(),
});
export type GrowthInput = z.input<typeof growthInputSchema>;

export const growthPointSchema = z.object({
  takenAt: z.string(),
  /** Age when measured, in months (days / 30.4375). */
  ageMonths: z.number(),
  /** In the canonical unit (kg or cm). */
  value: z.number(),
  /** The child's centile (0-100) against the chart's sex and age. */
  centile: z.number(),
  zScore: z.number(),
});
export type GrowthPoint = z.infer<typeof growthPointSchema>;

export const growthChartSchema = z.object({
  measure: z.enum(GROWTH_MEASURES),
  range: z.enum(GROWTH_RANGES),
  /**
   * 'ok': curves and points follow; 'sexNotRecorded': CDC's charts are by sex, and the patient's
   * is recorded as other or unknown; 'noChart': no chart of this measure for the range (head
   * circumference after 36 months).
   */
  status: z.enum(['ok', 'sexNotRecorded', 'noChart']),
  sex: z.enum(['male', 'female']).nullable(),
  /** CDC's file the curves come from (resources/growth/). */
  table: z.string().nullable(),
  fromMonths: z.number(),
  toMonths: z.number(),
  centiles: z.array(z.number()),
  /** One row per age of CDC's table: the measurement at each of `centiles`, in the same order. */
  curves: z.array(z.object({ ageMonths: z.number(), values: z.array(z.number()) })),
  /** The child's measurements within the range, oldest first. */
  points: z.array(growthPointSchema),
  /** The birth date was estimated from an age: ages (and so centiles) may be months off. */
  birthDateEstimated: z.boolean(),
});
export type GrowthChart = z.infer<typeof growthChartSchema>;
