import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBook, sessionFor, type Book } from './book-support';

let book: Book;
beforeEach(async () => {
  book = await openBook(); // Tuesday 2026-03-10, 10:00 in Berlin
});
afterEach(() => book.app.close());

describe("a patient's upcoming appointments (the chart's Upcoming panel)", () => {
  it('lists booked and checked-in appointments still to come, soonest first, and audits the view', async () => {
    const { app, desk, doctorId, patient } = book;
    const book1 = (date: string, time: string, reason: string) =>
      app.call(desk, 'appointments.book', { patientId: patient.id, providerId: doctorId, date, time, reason });
    const later = await book1('2026-03-17', '09:00', 'Follow-up');
    const today = await book1('2026-03-10', '10:20', 'Cough');
    const cancelled = await book1('2026-03-12', '11:00', 'Dressing');
    await app.call(desk, 'appointments.cancel', { id: cancelled.id, version: 1, reason: 'Feeling better' });
    const seen = await book1('2026-03-10', '10:40', 'Bloods');
    await app.call(desk, 'appointments.checkIn', { id: today.id, version: 1 });

    const upcoming = await app.call(desk, 'appointments.upcomingForPatient', { patientId: patient.id });
    expect(upcoming.map((a) => [a.date, a.time, a.reason, a.status])).toEqual([
      ['2026-03-10', '10:20', 'Cough', 'arrived'],
      ['2026-03-10', '10:40', 'Bloods', 'booked'],
      ['2026-03-17', '09:00', 'Follow-up', 'booked'],
    ]);
    expect(upcoming.map((a) => a.id)).toEqual([today.id, seen.id, later.id]);

    // Once the day has passed, today's are no longer upcoming.
    app.clock.advanceMinutes(60 * 24 * 2);
    const after = await app.call(sessionFor(app, desk.user!), 'appointments.upcomingForPatient', {
      patientId: patient.id,
    });
    expect(after.map((a) => a.id)).toEqual([later.id]);

    const audit = app.core.db.sqlite
      .prepare("SELECT action, details FROM audit_log WHERE patient_id = ? AND details LIKE 'upcoming%'")
      .all(patient.id);
    expect(audit).toEqual([
      { action: 'appointment.view', details: 'upcoming (3)' },
      { action: 'appointment.view', details: 'upcoming (1)' },
    ]);
  });

  it('refuses an unknown patient with a clear message', async () => {
    const result = await book.app.raw(book.desk, 'appointments.upcomingForPatient', {
      patientId: '00000000-0000-4000-8000-000000000000',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/patient was not found/) },
    });
  });
});
