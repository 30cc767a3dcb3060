import { ageOn } from '../dates';
import type { VitalMeasure } from './vitals-units';

/**
 * Two tables, both in canonical units (vitals-units.ts):
 *
 * 1. POSSIBLE_RANGE: what a set of vitals may hold at all. A value outside it is refused as a typing
 *    or unit mistake (a pulse typed into the systolic field, 98.6 typed as °C). These are data-entry
 *    limits chosen by Chartbook, not clinical references: each is set beyond what a clinic's
 *    instruments read from a living person, with the reason beside it.
 * 2. REFERENCE_RANGES: the normal band by age. A value outside it is saved and flagged low or high.
 *    Each row names its source.
 */

export interface PossibleRange {
  min: number;
  max: number;
}

export const POSSIBLE_RANGE: Record<VitalMeasure, PossibleRange> = {
  // A cuff's scale ends at 300 mmHg: a reading there is off the scale. Below 40 no cuff reading is taken.
  systolic: { min: 40, max: 280 },
  // Also refused at or above the systolic (vitals-service.ts).
  diastolic: { min: 20, max: 200 },
  // Beyond the extremes of a neonate's tachycardia and an athlete's or blocked heart's bradycardia.
  pulse: { min: 20, max: 300 },
  // Clinical thermometers read about 32-42 °C; 25-45 leaves room for deep hypothermia and heat stroke.
  temperature: { min: 25, max: 45 },
  // A newborn breathes up to about 60-80 /min; 4 is agonal breathing.
  respiratoryRate: { min: 4, max: 100 },
  // Pulse oximeters are not calibrated below about 50-70 %; above 100 % is not a saturation.
  spo2: { min: 50, max: 100 },
  // The smallest surviving preterm babies weigh about 0.3 kg; the heaviest people recorded about 600 kg.
  weight: { min: 0.2, max: 650 },
  // Preterm babies measure from about 20 cm; the tallest person recorded was 272 cm.
  height: { min: 20, max: 275 },
  // Never typed; main refuses a weight and height whose BMI falls outside this (one of them is wrong).
  bmi: { min: 5, max: 250 },
  // The 0-10 numeric rating scale.
  pain: { min: 0, max: 10 },
  // Preterm newborns from about 20 cm to large adult heads.
  headCircumference: { min: 20, max: 70 },
  // Severely wasted infants from about 6 cm to large adult arms.
  muac: { min: 5, max: 60 },
};

export type VitalFlag = 'low' | 'high';

export interface ReferenceRange {
  measure: VitalMeasure;
  /** Age in completed months, from (inclusive) ... */
  fromMonths: number;
  /** ... to (exclusive); null: no upper age. */
  toMonths: number | null;
  /** The lowest and highest normal value (inclusive), in the canonical unit; null: no bound that side. */
  low: number | null;
  high: number | null;
  source: string;
}

const ADULT = 216; // 18 years, in months
const PALS = 'AHA PALS Provider Manual (2020), normal heart and respiratory rates by age (awake)';
const AHA_BP =
  'AHA/ACC 2017 high blood pressure guideline: normal < 120/80 mmHg; hypotension below 90/60 by common clinical use';
const AAP_BP =
  'AAP 2017 clinical practice guideline (Flynn et al.): from 13 years the adult thresholds apply; younger children need height-centile tables, not held here';
const COMMON = 'Common clinical reference (as in standard nursing and medical texts)';

/**
 * The normal bands. Not flagged, for lack of an age-appropriate reference held here: blood pressure
 * under 13 years (needs AAP height-centile tables), BMI under 20 years and weight, height and head
 * circumference at any age (need growth charts), and pain (a score, not a measurement with a normal band).
 */
export const REFERENCE_RANGES: readonly ReferenceRange[] = [
  // Blood pressure (AHA/ACC 2017 for adults; AAP 2017 applies the same from 13 years).
  { measure: 'systolic', fromMonths: 156, toMonths: null, low: 90, high: 119, source: `${AHA_BP}; ${AAP_BP}` },
  { measure: 'diastolic', fromMonths: 156, toMonths: null, low: 60, high: 79, source: `${AHA_BP}; ${AAP_BP}` },
  // Heart rate (PALS 2020 for children; adults 60-100, AHA).
  { measure: 'pulse', fromMonths: 0, toMonths: 1, low: 100, high: 205, source: `${PALS}: neonate` },
  { measure: 'pulse', fromMonths: 1, toMonths: 12, low: 100, high: 180, source: `${PALS}: infant` },
  { measure: 'pulse', fromMonths: 12, toMonths: 36, low: 98, high: 140, source: `${PALS}: toddler` },
  { measure: 'pulse', fromMonths: 36, toMonths: 72, low: 80, high: 120, source: `${PALS}: preschooler` },
  { measure: 'pulse', fromMonths: 72, toMonths: 144, low: 75, high: 118, source: `${PALS}: school-age` },
  { measure: 'pulse', fromMonths: 144, toMonths: null, low: 60, high: 100, source: `${PALS}: adolescent; AHA adults` },
  // Respiratory rate (PALS 2020 for children; adults 12-20, common clinical reference).
  { measure: 'respiratoryRate', fromMonths: 0, toMonths: 12, low: 30, high: 53, source: `${PALS}: infant` },
  { measure: 'respiratoryRate', fromMonths: 12, toMonths: 36, low: 22, high: 37, source: `${PALS}: toddler` },
  { measure: 'respiratoryRate', fromMonths: 36, toMonths: 72, low: 20, high: 28, source: `${PALS}: preschooler` },
  { measure: 'respiratoryRate', fromMonths: 72, toMonths: 144, low: 18, high: 25, source: `${PALS}: school-age` },
  { measure: 'respiratoryRate', fromMonths: 144, toMonths: ADULT, low: 12, high: 20, source: `${PALS}: adolescent` },
  { measure: 'respiratoryRate', fromMonths: ADULT, toMonths: null, low: 12, high: 20, source: `${COMMON}: adults` },
  // Temperature: 36.0-37.5 °C at any age; 38.0 °C and above is fever in most guidelines.
  { measure: 'temperature', fromMonths: 0, toMonths: null, low: 36, high: 37.5, source: COMMON },
  // Oxygen saturation at sea level: 95 % and above.
  { measure: 'spo2', fromMonths: 0, toMonths: null, low: 95, high: null, source: COMMON },
  // BMI for adults (WHO adult BMI classification: 18.5-24.9 normal). Children need BMI-for-age charts.
  {
    measure: 'bmi',
    fromMonths: 240,
    toMonths: null,
    low: 18.5,
    high: 24.9,
    source: 'WHO adult BMI classification (WHO Technical Report Series 894, 2000)',
  },
  // MUAC for children 6-59 months: below 12.5 cm is acute malnutrition (below 11.5 cm severe).
  {
    measure: 'muac',
    fromMonths: 6,
    toMonths: 60,
    low: 12.5,
    high: null,
    source: 'WHO/UNICEF joint statement on child growth standards and severe acute malnutrition (2009)',
  },
];

/** Age in completed months on a date (YYYY-MM-DD), or null when the date is before the birth date. */
export function ageInMonths(birthDate: string, onDate: string): number | null {
  const age = ageOn(birthDate, onDate);
  return age ? age.years * 12 + age.months : null;
}

/** The normal band of a measure at an age, or null where none is held (see REFERENCE_RANGES). */
export function referenceRange(measure: VitalMeasure, ageMonths: number): ReferenceRange | null {
  for (const r of REFERENCE_RANGES) {
    if (r.measure === measure && ageMonths >= r.fromMonths && (r.toMonths === null || ageMonths < r.toMonths)) {
      return r;
    }
  }
  return null;
}

/** 'low' or 'high' when a value is outside the normal band at that age; null when normal or not judged. */
export function flagOf(measure: VitalMeasure, value: number, ageMonths: number): VitalFlag | null {
  return flagAgainst(referenceRange(measure, ageMonths), value);
}

/** 'low' or 'high' when a value is outside a normal band; null inside it or without one. */
export function flagAgainst(range: ReferenceRange | null, value: number): VitalFlag | null {
  if (range?.low != null && value < range.low) return 'low';
  if (range?.high != null && value > range.high) return 'high';
  return null;
}
