/**
 * Vital signs' units: every measure is stored in one canonical UCUM unit, and people type and read
 * them in the clinic's (or their own) system, metric or US. The conversion from what was typed to
 * what is stored happens once, here, in main (electron/main/chart/vitals/vitals-service.ts); the
 * renderer converts only to show a stored value.
 *
 * Factors are the exact definitions: the international avoirdupois pound is 0.45359237 kg and the
 * international inch 2.54 cm (International Yard and Pound Agreement, 1959; UCUM [lb_av], [in_i]);
 * °F = °C × 9/5 + 32 (UCUM [degF]).
 */

/** Every measure of a set of vitals; BMI is computed by main from weight and height, never typed. */
export const VITAL_MEASURES = [
  'systolic',
  'diastolic',
  'pulse',
  'temperature',
  'respiratoryRate',
  'spo2',
  'weight',
  'height',
  'bmi',
  'pain',
  'headCircumference',
  'muac',
] as const;
export type VitalMeasure = (typeof VITAL_MEASURES)[number];

/** The measures a person types (all but BMI). */
export const ENTERED_MEASURES = [
  'systolic',
  'diastolic',
  'pulse',
  'temperature',
  'respiratoryRate',
  'spo2',
  'weight',
  'height',
  'pain',
  'headCircumference',
  'muac',
] as const satisfies readonly VitalMeasure[];
export type EnteredMeasure = (typeof ENTERED_MEASURES)[number];

/** Measures kept as whole numbers (INTEGER columns of the vitals table). */
export const WHOLE_MEASURES: ReadonlySet<VitalMeasure> = new Set([
  'systolic',
  'diastolic',
  'pulse',
  'respiratoryRate',
  'spo2',
  'pain',
]);

export const UNIT_SYSTEMS = ['metric', 'us'] as const;
export type UnitSystem = (typeof UNIT_SYSTEMS)[number];

/** The unit each measure is stored in (UCUM codes, as FHIR's vital-signs profile asks). */
export const CANONICAL_UNIT: Record<VitalMeasure, string> = {
  systolic: 'mm[Hg]',
  diastolic: 'mm[Hg]',
  pulse: '/min',
  temperature: 'Cel',
  respiratoryRate: '/min',
  spo2: '%',
  weight: 'kg',
  height: 'cm',
  bmi: 'kg/m2',
  pain: '{score}',
  headCircumference: 'cm',
  muac: 'cm',
};

type Conversion = {
  /** UCUM code of the unit typed and shown in the US system. */
  usUnit: string;
  toCanonical: (us: number) => number;
  fromCanonical: (canonical: number) => number;
};

const LB_KG = 0.45359237;
const IN_CM = 2.54;

const POUNDS: Conversion = { usUnit: '[lb_av]', toCanonical: (lb) => lb * LB_KG, fromCanonical: (kg) => kg / LB_KG };
const INCHES: Conversion = { usUnit: '[in_i]', toCanonical: (i) => i * IN_CM, fromCanonical: (cm) => cm / IN_CM };
const FAHRENHEIT: Conversion = {
  usUnit: '[degF]',
  toCanonical: (f) => ((f - 32) * 5) / 9,
  fromCanonical: (c) => (c * 9) / 5 + 32,
};

/**
 * Measures whose US unit differs from the metric one. MUAC stays in centimetres in both systems: the
 * tapes and the WHO cut-offs are in centimetres everywhere.
 */
const US_CONVERSIONS: Partial<Record<VitalMeasure, Conversion>> = {
  weight: POUNDS,
  height: INCHES,
  headCircumference: INCHES,
  temperature: FAHRENHEIT,
};

/**
 * Decimal places a stored value keeps: 1 g, 0.01 cm, 0.01 °C, finer than any scale, tape or
 * thermometer, and coarse enough that a value typed in either system reads back as typed (to the
 * shown precision) after one conversion there and one back.
 */
const STORED_DECIMALS: Record<VitalMeasure, number> = {
  systolic: 0,
  diastolic: 0,
  pulse: 0,
  temperature: 2,
  respiratoryRate: 0,
  spo2: 0,
  weight: 3,
  height: 2,
  bmi: 1,
  pain: 0,
  headCircumference: 2,
  muac: 2,
};

/** Decimal places shown to people. */
export const SHOWN_DECIMALS: Record<VitalMeasure, number> = {
  systolic: 0,
  diastolic: 0,
  pulse: 0,
  temperature: 1,
  respiratoryRate: 0,
  spo2: 0,
  weight: 1,
  height: 1,
  bmi: 1,
  pain: 0,
  headCircumference: 1,
  muac: 1,
};

/** Rounds half away from zero at `decimals` places, immune to binary noise such as 1.005 * 100 = 100.49999. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(scaled + scaled * Number.EPSILON * 4) / factor;
  return value < 0 ? -rounded : rounded;
}

/** The UCUM unit a measure is typed and shown in, in a unit system. */
export function unitIn(measure: VitalMeasure, system: UnitSystem): string {
  return system === 'us' ? (US_CONVERSIONS[measure]?.usUnit ?? CANONICAL_UNIT[measure]) : CANONICAL_UNIT[measure];
}

/** A typed value in the canonical unit, rounded as stored. The one conversion on the way in. */
export function toCanonical(measure: VitalMeasure, value: number, system: UnitSystem): number {
  const conversion = system === 'us' ? US_CONVERSIONS[measure] : undefined;
  return roundTo(conversion ? conversion.toCanonical(value) : value, STORED_DECIMALS[measure]);
}

/** A stored (canonical) value in a unit system, not rounded (see formatVital / shownValue). */
export function fromCanonical(measure: VitalMeasure, value: number, system: UnitSystem): number {
  const conversion = system === 'us' ? US_CONVERSIONS[measure] : undefined;
  return conversion ? conversion.fromCanonical(value) : value;
}

/** A stored value as people read it in a unit system: converted and rounded to the shown precision. */
export function shownValue(measure: VitalMeasure, value: number, system: UnitSystem): number {
  return roundTo(fromCanonical(measure, value, system), SHOWN_DECIMALS[measure]);
}

/** Feet and inches (5 ft 7.5 in) as inches, for a height typed the US way. */
export function feetAndInches(feet: number, inches: number): number {
  return feet * 12 + inches;
}

/** Inches as whole feet and the inches left over, rounded to the shown precision (67.5 in -> 5 ft 7.5 in). */
export function toFeetAndInches(totalInches: number): { feet: number; inches: number } {
  const rounded = roundTo(totalInches, 1);
  const feet = Math.floor(rounded / 12);
  return { feet, inches: roundTo(rounded - feet * 12, 1) };
}

/**
 * Body mass index in kg/m2 from weight in kg and height in cm (WHO definition: weight / height²),
 * to one decimal as it is read.
 */
export function bodyMassIndex(weightKg: number, heightCm: number): number {
  const metres = heightCm / 100;
  return roundTo(weightKg / (metres * metres), 1);
}

/** Short unit symbols people read beside a value. */
export const UNIT_SYMBOL: Record<string, string> = {
  'mm[Hg]': 'mmHg',
  '/min': '/min',
  Cel: '°C',
  '[degF]': '°F',
  '%': '%',
  kg: 'kg',
  '[lb_av]': 'lb',
  cm: 'cm',
  '[in_i]': 'in',
  'kg/m2': 'kg/m²',
  '{score}': '/10',
};

/** A stored value as text in a unit system, with its unit symbol: "98.6 °F", "120 mmHg", "7 /10", "5 ft 7.0 in". */
export function formatVital(measure: VitalMeasure, value: number, system: UnitSystem): string {
  if (measure === 'height' && system === 'us') {
    const { feet, inches } = toFeetAndInches(fromCanonical('height', value, 'us'));
    return `${feet} ft ${inches.toFixed(1)} in`;
  }
  const unit = UNIT_SYMBOL[unitIn(measure, system)] ?? '';
  const text = shownValue(measure, value, system).toFixed(SHOWN_DECIMALS[measure]);
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}
