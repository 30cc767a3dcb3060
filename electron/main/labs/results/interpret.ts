import type { LabComparator, LabFlag, LabRange, LabTest, LabValueType } from '../../../../shared/domain/lab';
import { t } from '../../i18n/translate';
import { convertLabValue, toUcum, type UnitProblem } from './units';

/**
 * What a lab value means (issue 11, part 3), the same for a value typed by a doctor and one
 * imported from a lab: the value in the test's UCUM unit, its flag against the reference range for
 * the patient's sex and age, whether it is critical, and whether it moved far from the patient's
 * previous value (the delta check).
 *
 * - The range printed with the result wins: it is the performing lab's reference interval for its
 *   own method (CLSI EP28). Without one, the clinic's range for the test (catalogue, `LabRange`, each
 *   naming its source) for the patient's sex and age. The clinic's critical limits apply either way:
 *   what interrupts a doctor is the clinic's policy, not the lab's.
 * - The lab's own flag is never overruled downwards: the worse of the lab's flag and ours is kept
 *   (a lab that calls a value critical is believed).
 * - A value with a comparator ("<0.5") is flagged only where the comparator makes the side certain.
 */

export interface PreviousLabValue {
  /** In the test's unit. */
  valueNum: number;
  observedAt: string;
}

export interface LabValueInput {
  /** The test from the catalogue, or null when the code is not one the clinic knows. */
  test: LabTest | null;
  valueType: LabValueType;
  /** As received or typed, in `unit`. */
  valueNum: number | null;
  comparator: LabComparator | null;
  /** As received or typed: UCUM or a common lab spelling ("mg/dl", "K/uL"); '' when none was given. */
  unit: string;
  valueText: string;
  /** The lab's own flag (imports), already mapped to ours. */
  labFlag: LabFlag | null;
  /** The lab's own range, in `unit`. */
  refLow: number | null;
  refHigh: number | null;
  refText: string;
  patient: { sex: string | null; birthDate: string | null };
  /** UTC ISO time the sample was taken. */
  observedAt: string;
  /** The patient's previous numeric value of this test before `observedAt`, in the test's unit. */
  previous: PreviousLabValue | null;
}

export interface InterpretedLabValue {
  valueNum: number | null;
  comparator: LabComparator | null;
  /** UCUM unit of `valueNum`: the test's unit when known, else the unit as received in UCUM. */
  unit: string | null;
  valueText: string;
  originalValue: string;
  originalUnit: string;
  refLow: number | null;
  refHigh: number | null;
  refText: string;
  flag: LabFlag | null;
  critical: boolean;
  deltaNote: string;
}

export type LabValueOutcome = { ok: true; value: InterpretedLabValue } | { ok: false; problem: UnitProblem };

const MS_PER_DAY = 86_400_000;

/** Whole days from a birth date (YYYY-MM-DD) to a UTC ISO time; null when either is missing. */
export function ageInDays(birthDate: string | null, at: string): number | null {
  if (!birthDate) return null;
  const born = Date.parse(`${birthDate}T00:00:00Z`);
  const when = Date.parse(at);
  if (Number.isNaN(born) || Number.isNaN(when)) return null;
  return Math.max(0, Math.floor((when - born) / MS_PER_DAY));
}

/**
 * The range that applies: one for the patient's sex before one for any sex, and the patient's age
 * inside its band. An unknown age takes only a range without an age band.
 */
export function rangeFor(ranges: readonly LabRange[], sex: string | null, ageDays: number | null): LabRange | null {
  const fits = (range: LabRange) => {
    if (range.ageFromDays === null && range.ageToDays === null) return true;
    if (ageDays === null) return false;
    return (range.ageFromDays ?? 0) <= ageDays && (range.ageToDays === null || ageDays < range.ageToDays);
  };
  const ofSex = ranges.find((range) => range.sex === sex && fits(range));
  return ofSex ?? ranges.find((range) => range.sex === 'any' && fits(range)) ?? null;
}

interface Limits {
  low: number | null;
  high: number | null;
  criticalLow: number | null;
  criticalHigh: number | null;
}

/** The flag of a number against limits, honouring a comparator; null when nothing can be said. */
export function flagAgainst(value: number, comparator: LabComparator | null, limits: Limits): LabFlag | null {
  const { low, high, criticalLow, criticalHigh } = limits;
  if (low === null && high === null && criticalLow === null && criticalHigh === null) return null;
  // The true value is at most `value` ('<', '<=') or at least `value` ('>', '>=').
  const atMost = comparator === '<' || comparator === '<=';
  const atLeast = comparator === '>' || comparator === '>=';
  if (!atLeast) {
    if (criticalLow !== null && value <= criticalLow) return 'LL';
    if (low !== null && value < low) return 'L';
  }
  if (!atMost) {
    if (criticalHigh !== null && value >= criticalHigh) return 'HH';
    if (high !== null && value > high) return 'H';
  }
  // Inside the range, unless a comparator leaves the other side open.
  if (atMost && low !== null && value >= low) return null;
  if (atLeast && high !== null && value <= high) return null;
  return 'N';
}

const SEVERITY: Record<LabFlag, number> = { N: 0, L: 1, H: 1, A: 1, LL: 2, HH: 2, AA: 2 };

/** The worse of two flags; ours wins a tie (it knows the clinic's range). */
export function worseFlag(ours: LabFlag | null, lab: LabFlag | null): LabFlag | null {
  if (ours === null) return lab;
  if (lab === null) return ours;
  return SEVERITY[lab] > SEVERITY[ours] ? lab : ours;
}

export const isCriticalFlag = (flag: LabFlag | null) => flag === 'LL' || flag === 'HH' || flag === 'AA';

/** Six significant digits: a converted value keeps its precision without binary noise. */
function tidy(value: number): number {
  return Number(value.toPrecision(6));
}

function formatNumber(value: number): string {
  return String(tidy(value));
}

/** The delta note, in words, when the value moved beyond the test's delta limit. */
export function deltaNoteFor(
  value: number,
  previous: PreviousLabValue | null,
  deltaPercent: number | null | undefined,
): string {
  if (!previous || !deltaPercent || previous.valueNum === 0) return '';
  const change = ((value - previous.valueNum) / Math.abs(previous.valueNum)) * 100;
  if (Math.abs(change) < deltaPercent) return '';
  return t('labs.delta', {
    change: `${change > 0 ? '+' : ''}${Math.round(change)}`,
    previous: formatNumber(previous.valueNum),
    date: previous.observedAt.slice(0, 10),
  });
}

export function interpretLabValue(input: LabValueInput): LabValueOutcome {
  const { test } = input;
  const originalValue =
    input.valueNum === null ? input.valueText : `${input.comparator ?? ''}${formatNumber(input.valueNum)}`;
  const base = {
    comparator: input.comparator,
    valueText: input.valueText,
    originalValue,
    originalUnit: input.unit,
    refText: input.refText,
  };

  if (input.valueType !== 'numeric' || input.valueNum === null) {
    const flag = input.labFlag;
    return {
      ok: true,
      value: {
        ...base,
        valueNum: null,
        unit: null,
        refLow: null,
        refHigh: null,
        flag,
        critical: isCriticalFlag(flag),
        deltaNote: '',
      },
    };
  }

  // The unit the value is kept in: the test's, or the received one when the test is unknown.
  const target = test?.unit ?? null;
  let valueNum = input.valueNum;
  let unit: string | null;
  let refLow = input.refLow;
  let refHigh = input.refHigh;
  if (input.unit.trim() === '') {
    // No unit given: the value is kept as it came, and compared with nothing but the lab's own range.
    unit = null;
  } else if (target === null) {
    unit = toUcum(input.unit);
    if (unit === null) return { ok: false, problem: { code: 'unitUnknown', unit: input.unit } };
  } else {
    const molarMass = test?.molarMass ?? null;
    const converted = convertLabValue(input.valueNum, input.unit, target, molarMass);
    if (!converted.ok) return converted;
    valueNum = tidy(converted.value);
    unit = target;
    const convertLimit = (limit: number | null) => {
      if (limit === null) return null;
      const result = convertLabValue(limit, input.unit, target, molarMass);
      return result.ok ? tidy(result.value) : null;
    };
    refLow = convertLimit(input.refLow);
    refHigh = convertLimit(input.refHigh);
  }

  const clinicRange =
    test && unit === target
      ? rangeFor(test.ranges, input.patient.sex, ageInDays(input.patient.birthDate, input.observedAt))
      : null;
  const labSentRange = refLow !== null || refHigh !== null;
  if (clinicRange && !labSentRange) {
    refLow = clinicRange.low;
    refHigh = clinicRange.high;
  }
  const ours = flagAgainst(valueNum, input.comparator, {
    low: refLow,
    high: refHigh,
    criticalLow: clinicRange?.criticalLow ?? null,
    criticalHigh: clinicRange?.criticalHigh ?? null,
  });
  const flag = worseFlag(ours, input.labFlag);
  const deltaNote =
    unit !== null && unit === target && input.comparator === null
      ? deltaNoteFor(valueNum, input.previous, test?.deltaPercent)
      : '';
  return {
    ok: true,
    value: { ...base, valueNum, unit, refLow, refHigh, flag, critical: isCriticalFlag(flag), deltaNote },
  };
}
