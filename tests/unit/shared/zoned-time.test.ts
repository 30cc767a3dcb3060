import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  clinicDayBounds,
  daysBetween,
  isoWeekday,
  utcToZoned,
  zonedToUtc,
  zonedToUtcLenient,
} from '../../../shared/zoned-time';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';

describe('clinic wall time to UTC', () => {
  it('keeps 09:00 local on both sides of the spring-forward change', () => {
    expect(zonedToUtc('2026-03-06', '09:00', NY)).toEqual({ ok: true, utc: '2026-03-06T14:00:00.000Z' });
    expect(zonedToUtc('2026-03-09', '09:00', NY)).toEqual({ ok: true, utc: '2026-03-09T13:00:00.000Z' });
    expect(zonedToUtc('2026-03-27', '09:00', BERLIN)).toEqual({ ok: true, utc: '2026-03-27T08:00:00.000Z' });
    expect(zonedToUtc('2026-03-30', '09:00', BERLIN)).toEqual({ ok: true, utc: '2026-03-30T07:00:00.000Z' });
  });

  it('refuses a time skipped by spring forward, naming the problem', () => {
    const r = zonedToUtc('2026-03-08', '02:30', NY);
    expect(r).toMatchObject({ ok: false, problem: 'nonexistent' });
    if (!r.ok) expect(r.message).toMatch(/02:30 does not exist on 2026-03-08.*clocks go forward/);
    expect(zonedToUtc('2026-03-29', '02:00', BERLIN)).toMatchObject({ ok: false, problem: 'nonexistent' });
  });

  it('refuses a time that happens twice at fall back unless told which one', () => {
    const r = zonedToUtc('2026-11-01', '01:30', NY);
    expect(r).toMatchObject({
      ok: false,
      problem: 'ambiguous',
      candidates: ['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z'],
    });
    if (!r.ok) expect(r.message).toMatch(/happens twice.*earlier or the later/);
    expect(zonedToUtc('2026-11-01', '01:30', NY, 'earlier')).toEqual({ ok: true, utc: '2026-11-01T05:30:00.000Z' });
    expect(zonedToUtc('2026-11-01', '01:30', NY, 'later')).toEqual({ ok: true, utc: '2026-11-01T06:30:00.000Z' });
    expect(zonedToUtc('2026-10-25', '02:30', BERLIN)).toMatchObject({ ok: false, problem: 'ambiguous' });
    // An explicit choice on an ordinary time changes nothing.
    expect(zonedToUtc('2026-11-02', '01:30', NY, 'later')).toEqual({ ok: true, utc: '2026-11-02T06:30:00.000Z' });
  });

  it.each([
    ['2026-02-30', '09:00'],
    ['2026-03-10', '24:00'],
    ['2026-03-10', '9:00'],
    ['10/03/2026', '09:00'],
  ])('refuses the impossible %s %s', (date, time) => {
    expect(zonedToUtc(date, time, NY)).toMatchObject({ ok: false, problem: 'invalid' });
  });

  it('works in zones without daylight saving and with half-hour offsets', () => {
    expect(zonedToUtc('2026-03-08', '02:30', 'Asia/Kolkata')).toEqual({ ok: true, utc: '2026-03-07T21:00:00.000Z' });
    expect(zonedToUtc('2026-07-01', '00:00', 'UTC')).toEqual({ ok: true, utc: '2026-07-01T00:00:00.000Z' });
  });

  it('has a lenient form for boundaries: skipped times move forward, repeated ones take the earlier', () => {
    expect(zonedToUtcLenient('2026-03-08', '02:30', NY)).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(zonedToUtcLenient('2026-11-01', '01:30', NY)).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('UTC to clinic wall time', () => {
  it('round-trips, including the second 01:30 of a fall-back day', () => {
    expect(utcToZoned('2026-03-09T13:00:00.000Z', NY)).toEqual({ date: '2026-03-09', time: '09:00' });
    expect(utcToZoned('2026-11-01T06:30:00.000Z', NY)).toEqual({ date: '2026-11-01', time: '01:30' });
    expect(utcToZoned('2026-03-29T23:30:00.000Z', BERLIN)).toEqual({ date: '2026-03-30', time: '01:30' });
  });

  it.each([
    [NY, '2026-11-01T04:00:00Z'],
    [NY, '2026-03-08T05:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T13:00:00Z'], // half-hour daylight saving ends at 02:00 local
    ['Asia/Kathmandu', '2026-01-01T00:00:00Z'],
  ])('agrees with Intl minute by minute through a change in %s', (timeZone, from) => {
    const fmt = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (let ms = Date.parse(from); ms < Date.parse(from) + 4 * 3_600_000; ms += 60_000) {
      const w = utcToZoned(new Date(ms), timeZone);
      expect(`${w.date} ${w.time}`, new Date(ms).toISOString()).toBe(fmt.format(new Date(ms)));
    }
  });

  it('gives 23- and 25-hour days their real length', () => {
    const hours = (b: { startUtc: string; endUtc: string }) =>
      (Date.parse(b.endUtc) - Date.parse(b.startUtc)) / 3_600_000;
    expect(hours(clinicDayBounds('2026-03-08', NY))).toBe(23);
    expect(hours(clinicDayBounds('2026-11-01', NY))).toBe(25);
    expect(hours(clinicDayBounds('2026-06-01', NY))).toBe(24);
  });
});

describe('calendar arithmetic', () => {
  it('adds days and months, clamping to the end of a shorter month', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(daysBetween('2026-03-01', '2026-03-08')).toBe(7);
    expect(isoWeekday('2026-03-09')).toBe(1); // Monday
    expect(isoWeekday('2026-03-08')).toBe(7); // Sunday
  });
});

/**
 * The conversions reuse one offset per UTC day (per hour on a day with a change), so they are
 * checked here minute by minute against Intl itself, over whole days with and without a change,
 * twice: once with nothing cached for those days and once from the cache.
 */
describe('cached offsets agree with Intl through whole days', () => {
  const MINUTE = 60_000;

  /** Every UTC minute whose wall time falls on `date`, grouped by wall time: the reference answer. */
  function referenceDay(date: string, timeZone: string): Map<string, number[]> {
    const fmt = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const byWall = new Map<string, number[]>();
    const from = Date.parse(`${date}T00:00:00Z`) - 16 * 3_600_000;
    for (let ms = from; ms < from + 56 * 3_600_000; ms += MINUTE) {
      const wall = fmt.format(new Date(ms));
      if (wall.startsWith(date)) byWall.set(wall, [...(byWall.get(wall) ?? []), ms]);
    }
    return byWall;
  }

  function checkDay(date: string, timeZone: string, hoursLong: number): void {
    const reference = referenceDay(date, timeZone);
    const instants = [...reference.values()].flat().sort((a, b) => a - b);
    expect(instants.length / 60, `${date} in ${timeZone} is ${hoursLong} hours long`).toBe(hoursLong);
    for (let pass = 0; pass < 2; pass++) {
      for (const ms of instants) {
        const w = utcToZoned(new Date(ms), timeZone);
        expect(reference.get(`${w.date} ${w.time}`), new Date(ms).toISOString()).toContain(ms);
      }
      for (let minute = 0; minute < 24 * 60; minute++) {
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        const expected = (reference.get(`${date} ${time}`) ?? []).map((ms) => new Date(ms).toISOString());
        const r = zonedToUtc(date, time, timeZone);
        if (expected.length === 1) expect(r, `${date} ${time}`).toEqual({ ok: true, utc: expected[0] });
        else if (expected.length === 0)
          expect(r, `${date} ${time}`).toMatchObject({ ok: false, problem: 'nonexistent' });
        else expect(r, `${date} ${time}`).toMatchObject({ ok: false, problem: 'ambiguous', candidates: expected });
        if (expected.length) expect(zonedToUtcLenient(date, time, timeZone), `${date} ${time}`).toBe(expected[0]);
      }
      const bounds = clinicDayBounds(date, timeZone);
      expect(bounds.startUtc).toBe(new Date(instants[0]!).toISOString());
      expect(bounds.endUtc).toBe(new Date(instants[instants.length - 1]! + MINUTE).toISOString());
    }
  }

  it.each([
    [NY, '2027-03-14', 23],
    [NY, '2027-11-07', 25],
    [NY, '2027-06-09', 24],
    [BERLIN, '2027-03-28', 23],
    [BERLIN, '2027-10-31', 25],
    [BERLIN, '2027-01-12', 24],
    ['Asia/Kolkata', '2027-03-28', 24],
    ['Asia/Kathmandu', '2027-10-31', 24],
    ['Australia/Lord_Howe', '2027-04-04', 24.5], // clocks go back half an hour
    ['Australia/Lord_Howe', '2027-10-03', 23.5], // and forward half an hour
    ['America/Santiago', '2027-09-05', 23], // midnight itself is skipped
    ['America/Santiago', '2027-04-03', 25], // 23:00 happens twice, just before midnight
  ])('in %s on %s (%s hours)', (timeZone, date, hours) => {
    checkDay(date, timeZone, hours);
  });
});
