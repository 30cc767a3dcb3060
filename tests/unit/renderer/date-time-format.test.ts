import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from '../../../renderer/src/format/date-time';

describe('dates and times on screen', () => {
  // 20:30:15 UTC on 22 November 2026: already the 23rd in Kathmandu (UTC+05:45) and Auckland (UTC+13).
  const instant = '2026-11-22T20:30:15.000Z';

  it('shows an instant on the clinic’s clock, whatever zone the computer is in', () => {
    expect(formatDateTime(instant, 'UTC', 'en')).toBe('22 Nov 2026 20:30');
    expect(formatDateTime(instant, 'Asia/Kathmandu', 'en')).toBe('23 Nov 2026 02:15');
    expect(formatDateTime(instant, 'Pacific/Auckland', 'en')).toBe('23 Nov 2026 09:30');
    expect(formatDateTime(instant, 'America/Santiago', 'en')).toBe('22 Nov 2026 17:30');
    expect(formatTime(instant, 'America/Los_Angeles')).toBe('12:30');
    expect(formatTime(instant, 'Asia/Kathmandu', { seconds: true })).toBe('02:15:15');
  });

  it('follows daylight saving: the same UTC hour is a different clinic hour in summer', () => {
    expect(formatTime('2026-01-15T12:00:00Z', 'Europe/Berlin')).toBe('13:00');
    expect(formatTime('2026-07-15T12:00:00Z', 'Europe/Berlin')).toBe('14:00');
  });

  it('writes a calendar date with the month in the user’s words, never shifted by a zone', () => {
    expect(formatDate('1990-05-03', 'en')).toBe('03 May 1990');
    expect(formatDate('2026-11-30', 'en', { weekday: true })).toBe('Mon 30 Nov 2026');
    expect(formatDate('2026-11-30', 'en', { weekday: true, year: false })).toBe('Mon 30 Nov');
    expect(formatDate('1990-05-03', 'de')).toBe('03 Mai 1990');
    expect(formatDate('1990-05-03', 'fr')).toBe('03 mai 1990');
  });

  it('shows text it cannot read as a date unchanged rather than inventing one', () => {
    expect(formatDate('not a date', 'en')).toBe('not a date');
    expect(formatDate('2026-02-30', 'en')).toBe('2026-02-30');
    expect(formatDateTime('garbage', 'UTC', 'en')).toBe('garbage');
  });
});
