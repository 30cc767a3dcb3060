import { describe, expect, it } from 'vitest';
import {
  POSSIBLE_RANGE,
  REFERENCE_RANGES,
  ageInMonths,
  flagOf,
  referenceRange,
} from '../../../shared/domain/vitals-ranges';
import { VITAL_MEASURES } from '../../../shared/domain/vitals-units';

describe('vital signs reference ranges', () => {
  it('flags adult blood pressure by the AHA/ACC 2017 categories', () => {
    const adult = 40 * 12;
    expect(flagOf('systolic', 119, adult)).toBeNull();
    expect(flagOf('systolic', 120, adult)).toBe('high'); // "elevated"
    expect(flagOf('systolic', 150, adult)).toBe('high');
    expect(flagOf('systolic', 85, adult)).toBe('low');
    expect(flagOf('diastolic', 80, adult)).toBe('high');
    expect(flagOf('diastolic', 79, adult)).toBeNull();
  });

  it('does not judge a young child’s blood pressure (needs height-centile tables)', () => {
    expect(referenceRange('systolic', 5 * 12)).toBeNull();
    expect(flagOf('systolic', 130, 5 * 12)).toBeNull();
    expect(flagOf('systolic', 130, 13 * 12)).toBe('high');
  });

  it('uses the PALS bands for children’s pulse and breathing', () => {
    expect(flagOf('pulse', 150, 6)).toBeNull(); // infant 100-180
    expect(flagOf('pulse', 150, 30 * 12)).toBe('high');
    expect(flagOf('pulse', 55, 30 * 12)).toBe('low');
    expect(flagOf('respiratoryRate', 40, 3)).toBeNull(); // infant 30-53
    expect(flagOf('respiratoryRate', 40, 8 * 12)).toBe('high'); // school-age 18-25
  });

  it('flags fever, low saturation, adult BMI and a child’s low MUAC', () => {
    expect(flagOf('temperature', 38.2, 400)).toBe('high');
    expect(flagOf('temperature', 35.5, 2)).toBe('low');
    expect(flagOf('temperature', 37, 2)).toBeNull();
    expect(flagOf('spo2', 94, 300)).toBe('low');
    expect(flagOf('spo2', 100, 300)).toBeNull();
    expect(flagOf('bmi', 31, 300)).toBe('high');
    expect(flagOf('bmi', 31, 10 * 12)).toBeNull(); // children need BMI-for-age charts
    expect(flagOf('muac', 11.2, 24)).toBe('low');
    expect(flagOf('muac', 11.2, 10 * 12)).toBeNull();
  });

  it('has one band per measure and age, with its source, inside the possible range', () => {
    for (const measure of VITAL_MEASURES) {
      for (let months = 0; months < 100 * 12; months++) {
        const matches = REFERENCE_RANGES.filter(
          (r) => r.measure === measure && months >= r.fromMonths && (r.toMonths === null || months < r.toMonths),
        );
        expect(matches.length, `${measure} at ${months} months`).toBeLessThanOrEqual(1);
      }
    }
    for (const r of REFERENCE_RANGES) {
      expect(r.source.length).toBeGreaterThan(10);
      const { min, max } = POSSIBLE_RANGE[r.measure];
      if (r.low !== null) expect(r.low).toBeGreaterThanOrEqual(min);
      if (r.high !== null) expect(r.high).toBeLessThanOrEqual(max);
    }
  });

  it('counts age in completed months on the day measured', () => {
    expect(ageInMonths('2020-01-31', '2020-02-29')).toBe(0);
    expect(ageInMonths('2020-01-31', '2020-03-01')).toBe(1);
    expect(ageInMonths('2000-06-15', '2026-06-14')).toBe(25 * 12 + 11);
    expect(ageInMonths('2026-06-15', '2026-06-14')).toBeNull();
  });
});
