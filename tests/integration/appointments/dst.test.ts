import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from '../support';
import { bookWrites, openBook, type Book } from './book-support';

const NY = 'America/New_York';
let book: Book;
afterEach(() => book?.app.close());

/** New York: clocks go forward at 02:00 on 2026-03-08 and back at 02:00 on 2026-11-01. */
describe('appointments across daylight-saving changes (America/New_York)', () => {
  it('keeps 09:00 local on the day after spring forward, stored as the right UTC instant', async () => {
    book = await openBook(NY, new TestClock(Date.parse('2026-03-01T15:00:00Z')));
    const { app, desk, doctorId, patient, other } = book;
    const before = await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-06',
      time: '09:00',
    });
    const after = await app.call(desk, 'appointments.book', {
      patientId: other.id,
      providerId: doctorId,
      date: '2026-03-09',
      time: '09:00',
    });
    expect(before).toMatchObject({ startUtc: '2026-03-06T14:00:00.000Z', time: '09:00' });
    expect(after).toMatchObject({ startUtc: '2026-03-09T13:00:00.000Z', time: '09:00', endTime: '09:20' });
    const day = await app.call(desk, 'appointments.day', { date: '2026-03-09' });
    expect(day.providers[0]!.blocks.map((b) => `${b.start}-${b.end}`)).toEqual(['09:00-12:00', '14:00-17:00']);
    expect(day.providers[0]!.blocks[0]!.startUtc).toBe('2026-03-09T13:00:00.000Z');
  });

  it('keeps a weekly series at 09:00 local across the change', async () => {
    book = await openBook(NY, new TestClock(Date.parse('2026-03-01T15:00:00Z')));
    const { app, desk, doctorId, patient } = book;
    const series = await app.call(desk, 'appointments.bookSeries', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-02',
      time: '09:00',
      repeat: { every: 1, unit: 'weeks', count: 3 },
    });
    expect(series.appointments.map((a) => [a.date, a.time, a.startUtc])).toEqual([
      ['2026-03-02', '09:00', '2026-03-02T14:00:00.000Z'],
      ['2026-03-09', '09:00', '2026-03-09T13:00:00.000Z'],
      ['2026-03-16', '09:00', '2026-03-16T13:00:00.000Z'],
    ]);
  });

  it('refuses 02:30 on the spring-forward day as a time that does not exist', async () => {
    book = await openBook(NY, new TestClock(Date.parse('2026-03-01T15:00:00Z')));
    const { app, desk, doctorId, patient } = book;
    const result = await app.raw(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-08',
      time: '02:30',
      outsideHoursReason: 'Night clinic test',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringMatching(
          /02:30 does not exist on 2026-03-08 in America\/New_York: the clocks go forward/,
        ),
      },
    });
    expect(bookWrites(app).appointments).toBe(0);
  });

  it('refuses 01:30 on the fall-back day as ambiguous unless the earlier or later one is chosen', async () => {
    book = await openBook(NY, new TestClock(Date.parse('2026-10-20T15:00:00Z')));
    const { app, desk, doctorId, patient, other } = book;
    const base = { providerId: doctorId, date: '2026-11-01', time: '01:30', outsideHoursReason: 'Night clinic test' };
    const result = await app.raw(desk, 'appointments.book', { ...base, patientId: patient.id });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { time: expect.stringMatching(/01:30 happens twice on 2026-11-01.*earlier or the later/) },
      },
    });
    expect(bookWrites(app).appointments).toBe(0);

    const earlier = await app.call(desk, 'appointments.book', { ...base, patientId: patient.id, dstChoice: 'earlier' });
    const later = await app.call(desk, 'appointments.book', { ...base, patientId: other.id, dstChoice: 'later' });
    expect([earlier.startUtc, later.startUtc]).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']);
    expect([earlier.time, later.time]).toEqual(['01:30', '01:30']);
  });
});
