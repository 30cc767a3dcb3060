import { describe, expect, it } from 'vitest';
import type { LabRange, LabTest } from '../../../shared/domain/lab';
import {
  ageInDays,
  flagAgainst,
  interpretLabValue,
  rangeFor,
  type LabValueInput,
} from '../../../electron/main/labs/results/interpret';
import { convertLabValue, toUcum, unitProblemMessage } from '../../../electron/main/labs/results/units';

const range = (over: Partial<LabRange>): LabRange => ({
  sex: 'any',
  ageFromDays: null,
  ageToDays: null,
  low: null,
  high: null,
  criticalLow: null,
  criticalHigh: null,
  source: 'test',
  ...over,
});

const glucose: LabTest = {
  code: '1558-6',
  system: 'http://loinc.org',
  name: 'Fasting glucose',
  kind: 'test',
  unit: 'mmol/L',
  valueType: 'numeric',
  ranges: [range({ low: 3.9, high: 5.5, criticalLow: 2.5, criticalHigh: 25 })],
  members: [],
  deltaPercent: 50,
  molarMass: 180.16,
  origin: 'catalogue',
  hidden: false,
};

const haemoglobin: LabTest = {
  ...glucose,
  code: '718-7',
  name: 'Haemoglobin',
  unit: 'g/dL',
  molarMass: null,
  deltaPercent: null,
  ranges: [
    range({ sex: 'female', ageFromDays: 6570, low: 12, high: 15.5, criticalLow: 7 }),
    range({ sex: 'male', ageFromDays: 6570, low: 13.5, high: 17.5, criticalLow: 7 }),
    range({ sex: 'any', ageFromDays: 365, ageToDays: 6570, low: 11, high: 14.5, criticalLow: 7 }),
  ],
};

const input = (over: Partial<LabValueInput>): LabValueInput => ({
  test: glucose,
  valueType: 'numeric',
  valueNum: 5,
  comparator: null,
  unit: 'mmol/L',
  valueText: '',
  labFlag: null,
  refLow: null,
  refHigh: null,
  refText: '',
  patient: { sex: 'female', birthDate: '1980-05-01' },
  observedAt: '2026-11-30T08:00:00.000Z',
  previous: null,
  ...over,
});

function interpreted(over: Partial<LabValueInput>) {
  const outcome = interpretLabValue(input(over));
  if (!outcome.ok) throw new Error(`unexpected problem ${outcome.problem.code}`);
  return outcome.value;
}

describe('lab units', () => {
  it('reads the spellings labs use and refuses what UCUM does not know', () => {
    expect(toUcum('mg/dl')).toBe('mg/dL');
    expect(toUcum('K/uL')).toBe('10*3/uL');
    expect(toUcum('x10^9/L')).toBe('10*9/L');
    expect(toUcum('mIU/mL')).toBe('m[IU]/mL');
    expect(toUcum('10*3/uL')).toBe('10*3/uL');
    expect(toUcum('furlongs per fortnight')).toBeNull();
    expect(toUcum('')).toBeNull();
  });

  it('converts mass to amount of substance with the molar mass, and refuses a unit of another kind', () => {
    const glucoseMmol = convertLabValue(90, 'mg/dL', 'mmol/L', 180.16);
    expect(glucoseMmol.ok && glucoseMmol.value).toBeCloseTo(4.9956, 3);
    const grams = convertLabValue(140, 'g/L', 'g/dL');
    expect(grams.ok && grams.value).toBeCloseTo(14, 9);
    const wrongKind = convertLabValue(5, 'mg', 'mmol/L', 180.16);
    expect(wrongKind).toEqual({ ok: false, problem: { code: 'unitNotConvertible', unit: 'mg', to: 'mmol/L' } });
    expect(unitProblemMessage({ code: 'unitUnknown', unit: 'bananas' })).toContain('"bananas"');
    // Conversions are kept as factors; a scale with its own zero (temperature) is no lab unit and is refused.
    expect(convertLabValue(37, 'Cel', '[degF]').ok).toBe(false);
    const again = convertLabValue(180, 'mg/dL', 'mmol/L', 180.16);
    expect(again.ok && again.value).toBeCloseTo(9.9911, 3);
  });
});

describe('reference ranges', () => {
  it('takes the range of the patient’s sex and age band, then one for any sex', () => {
    const adult = ageInDays('1980-05-01', '2026-11-30T08:00:00Z');
    expect(rangeFor(haemoglobin.ranges, 'female', adult)?.low).toBe(12);
    expect(rangeFor(haemoglobin.ranges, 'male', adult)?.low).toBe(13.5);
    expect(rangeFor(haemoglobin.ranges, 'female', 3000)?.low).toBe(11);
    // An adult of unrecorded sex has no adult range here; a baby under a year has none at all.
    expect(rangeFor(haemoglobin.ranges, 'unknown', adult)).toBeNull();
    expect(rangeFor(haemoglobin.ranges, 'male', 100)).toBeNull();
    expect(rangeFor(haemoglobin.ranges, 'male', null)).toBeNull();
  });

  it('flags low, high and critical, and only the certain side of a comparator', () => {
    const limits = { low: 3.9, high: 5.5, criticalLow: 2.5, criticalHigh: 25 };
    expect(flagAgainst(5, null, limits)).toBe('N');
    expect(flagAgainst(3.8, null, limits)).toBe('L');
    expect(flagAgainst(2.5, null, limits)).toBe('LL');
    expect(flagAgainst(5.6, null, limits)).toBe('H');
    expect(flagAgainst(30, null, limits)).toBe('HH');
    expect(flagAgainst(2, '<', limits)).toBe('LL');
    // "<5": the value may be anywhere below 5, normal or low: nothing certain.
    expect(flagAgainst(5, '<', limits)).toBeNull();
    expect(flagAgainst(30, '>', limits)).toBe('HH');
    expect(flagAgainst(4, '>', limits)).toBeNull();
    expect(flagAgainst(4, null, { low: null, high: null, criticalLow: null, criticalHigh: null })).toBeNull();
  });
});

describe('interpreting a value', () => {
  it('keeps the value in the test’s unit and as received, flagged from the clinic’s range when the lab sent none', () => {
    const value = interpreted({ valueNum: 126, unit: 'mg/dl' });
    expect(value.unit).toBe('mmol/L');
    expect(value.valueNum).toBeCloseTo(6.99378, 4);
    expect(value.originalValue).toBe('126');
    expect(value.originalUnit).toBe('mg/dl');
    expect(value.refLow).toBe(3.9);
    expect(value.refHigh).toBe(5.5);
    expect(value.flag).toBe('H');
    expect(value.critical).toBe(false);
  });

  it('flags against the range the lab printed (converted), with the clinic’s critical limits', () => {
    const value = interpreted({ valueNum: 95, unit: 'mg/dL', refLow: 60, refHigh: 90 });
    expect(value.refLow).toBeCloseTo(3.3304, 3);
    expect(value.refHigh).toBeCloseTo(4.9956, 3);
    // 5.27 mmol/L is normal by the clinic's range but high by the lab's, which wins.
    expect(value.flag).toBe('H');
    expect(interpreted({ valueNum: 30, unit: 'mg/dL', refLow: 60, refHigh: 90 })).toMatchObject({
      flag: 'LL',
      critical: true,
    });
  });

  it('uses the lab’s range, converted, when the clinic has none for the patient', () => {
    const value = interpreted({
      test: haemoglobin,
      patient: { sex: 'male', birthDate: '2026-06-01' },
      valueNum: 95,
      unit: 'g/L',
      refLow: 100,
      refHigh: 140,
    });
    expect(value.valueNum).toBe(9.5);
    expect(value.refLow).toBe(10);
    expect(value.refHigh).toBe(14);
    expect(value.flag).toBe('L');
  });

  it('never lowers what the lab said: a critical flag from the lab stays critical', () => {
    const value = interpreted({ valueNum: 5.2, labFlag: 'HH' });
    expect(value.flag).toBe('HH');
    expect(value.critical).toBe(true);
    expect(interpreted({ valueNum: 1.9 }).critical).toBe(true);
  });

  it('notes a value far from the previous one (delta check), and not a small change', () => {
    const previous = { valueNum: 5, observedAt: '2026-06-01T08:00:00.000Z' };
    expect(interpreted({ valueNum: 9, previous }).deltaNote).toBe('Changed +80% since 2026-06-01 (was 5)');
    expect(interpreted({ valueNum: 6, previous }).deltaNote).toBe('');
    expect(interpreted({ test: haemoglobin, unit: 'g/dL', valueNum: 20, previous }).deltaNote).toBe('');
  });

  it('refuses a unit it does not know or cannot convert, for a known and an unknown test', () => {
    expect(interpretLabValue(input({ unit: 'spoons' }))).toEqual({
      ok: false,
      problem: { code: 'unitUnknown', unit: 'spoons' },
    });
    expect(interpretLabValue(input({ unit: 'mg' }))).toEqual({
      ok: false,
      problem: { code: 'unitNotConvertible', unit: 'mg', to: 'mmol/L' },
    });
    expect(interpretLabValue(input({ test: null, unit: 'spoons' })).ok).toBe(false);
  });

  it('keeps an unknown test’s value as sent, flagged from the lab’s range', () => {
    const value = interpreted({ test: null, valueNum: 12, unit: 'U/L', refLow: 0, refHigh: 10 });
    expect(value).toMatchObject({ valueNum: 12, unit: 'U/L', flag: 'H', critical: false });
  });

  it('keeps text results as text with the lab’s flag', () => {
    const value = interpreted({ valueType: 'text', valueNum: null, valueText: 'Positive', labFlag: 'A' });
    expect(value).toMatchObject({
      valueNum: null,
      valueText: 'Positive',
      originalValue: 'Positive',
      flag: 'A',
      critical: false,
    });
  });
});
