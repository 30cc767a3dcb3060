import { describe, expect, it } from 'vitest';
import appointments from '../../../renderer/src/i18n/en/appointments.json';
import frontdesk from '../../../renderer/src/i18n/en/frontdesk.json';
import { APPOINTMENT_STATUSES } from '../../../shared/domain/appointment';
import { APPOINTMENT_STATUS_WORDS } from '../../../shared/format/appointment-status';
import { ageSexText, ageText } from '../../../shared/format/age';
import { PRINTED_STATUS } from '../../../electron/main/printing/print-sources';
import { ageLabel } from '../../../renderer/src/features/patients/patient-display';

describe('one vocabulary across screens and printouts', () => {
  it('gives each appointment state one word: the book, Today, the queue and the printed day list', () => {
    expect(appointments.status).toEqual(APPOINTMENT_STATUS_WORDS);
    expect(PRINTED_STATUS).toEqual(APPOINTMENT_STATUS_WORDS);
    // No second set of words for the same states (Today once said "Waiting" where Day said "Arrived").
    expect('status' in frontdesk).toBe(false);
    expect(Object.keys(APPOINTMENT_STATUS_WORDS).sort()).toEqual([...APPOINTMENT_STATUSES].sort());
    expect(new Set(Object.values(APPOINTMENT_STATUS_WORDS)).size).toBe(APPOINTMENT_STATUSES.length);
    expect(APPOINTMENT_STATUS_WORDS.arrived).toBe('Waiting');
  });

  it('writes an age one way: "41 y", "7 mo", "12 d", "~41 y" when estimated, and "41 y / M" beside the sex', () => {
    expect(ageText('1985-06-01', '2026-12-01')).toBe('41 y');
    expect(ageText('2026-05-01', '2026-12-01')).toBe('7 mo');
    expect(ageText('2026-11-19', '2026-12-01')).toBe('12 d');
    expect(ageText('1985-06-01', '2026-12-01', true)).toBe('~41 y');
    expect(ageText('2027-01-01', '2026-12-01')).toBe('');
    expect(ageSexText('2018-03-01', '2026-12-01', false, 'male')).toBe('8 y / M');
    expect(ageSexText(null, '2026-12-01', false, 'female')).toBe('— / F');
    // The screen's label is the same text as the printout's.
    const now = new Date('2026-12-01T10:00:00Z');
    expect(ageLabel('2018-03-01', 'Asia/Kolkata', now)).toBe(ageText('2018-03-01', '2026-12-01'));
  });
});
