import { describe, expect, it } from 'vitest';
import { ageLabel } from '../../../renderer/src/features/patients/patient-display';

describe('a patient’s age on screen', () => {
  // 20:00 UTC on 22 November 2026 is already 23 November in Kathmandu (UTC+05:45).
  const now = new Date('2026-11-22T20:00:00Z');

  it('turns over on the clinic’s day, whatever zone the computer is set to', () => {
    expect(ageLabel('2000-11-23', 'Asia/Kathmandu', now)).toBe('26 y');
    expect(ageLabel('2000-11-23', 'UTC', now)).toBe('25 y');
    expect(ageLabel('2000-11-23', 'America/Santiago', now)).toBe('25 y');
  });

  it('shows nothing for a date it cannot use', () => {
    expect(ageLabel('not a date', 'UTC', now)).toBe('');
  });
});
