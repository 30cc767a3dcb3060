import { describe, expect, it } from 'vitest';
import { ageOn, birthDateFromEstimatedAge, formatAge, parseIsoDate, todayIn } from '../../../shared/dates';

describe('calendar dates', () => {
  it.each(['2025-02-29', '2026-13-01', '2026-04-31', '2026-1-1', 'yesterday', '0000-00-00'])(
    'rejects impossible %s',
    (d) => {
      expect(parseIsoDate(d)).toBeNull();
    },
  );

  it('accepts leap days in leap years', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2000-02-29')).not.toBeNull();
    expect(parseIsoDate('1900-02-29')).toBeNull();
  });

  it('computes completed age, including for a leap-day birthday', () => {
    expect(ageOn('1980-02-29', '2026-02-28')).toEqual({ years: 45, months: 11, days: 30 });
    // In a common year a 29 February birthday is reached on 1 March.
    expect(ageOn('1980-02-29', '2026-03-01')).toEqual({ years: 46, months: 0, days: 0 });
    expect(ageOn('2026-01-15', '2026-03-10')).toEqual({ years: 0, months: 1, days: 23 });
    expect(ageOn('2026-03-11', '2026-03-10')).toBeNull();
  });

  it('formats ages the way clinicians write them', () => {
    expect(formatAge({ years: 34, months: 2, days: 1 })).toBe('34 y');
    expect(formatAge({ years: 1, months: 3, days: 0 })).toBe('15 mo');
    expect(formatAge({ years: 0, months: 0, days: 12 })).toBe('12 d');
  });

  it('derives a birth date from an estimated age', () => {
    expect(birthDateFromEstimatedAge(40, '2026-03-10')).toBe('1986-03-10');
    expect(birthDateFromEstimatedAge(1, '2024-02-29')).toBe('2023-02-28');
  });

  it("gives today's date in the clinic's zone", () => {
    const instant = new Date('2026-03-10T23:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-03-10');
    expect(todayIn('Asia/Tokyo', instant)).toBe('2026-03-11');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-03-10');
  });
});
