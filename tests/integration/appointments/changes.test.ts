import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookWrites, openBook, rows, type Book } from './book-support';

let book: Book;
beforeEach(async () => {
  book = await openBook();
});
afterEach(() => book.app.close());

describe('rescheduling, cancelling and no-shows', () => {
  it('reschedule, then cancel with a reason: each a new version with history, change log and audit', async () => {
    const { app, desk, doctorId, patient } = book;
    const a = await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
    });
    const moved = await app.call(desk, 'appointments.reschedule', {
      id: a.id,
      version: 1,
      date: '2026-03-12',
      time: '14:30',
      lengthMinutes: 40,
    });
    expect(moved.appointments).toEqual([
      expect.objectContaining({
        version: 2,
        date: '2026-03-12',
        time: '14:30',
        endTime: '15:10',
        startUtc: '2026-03-12T13:30:00.000Z',
      }),
    ]);
    const stale = await app.raw(desk, 'appointments.cancel', { id: a.id, version: 1, reason: 'Patient is travelling' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const cancelled = await app.call(desk, 'appointments.cancel', {
      id: a.id,
      version: 2,
      reason: 'Patient is travelling',
    });
    expect(cancelled.appointments[0]).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Patient is travelling',
      cancelledAt: '2026-03-10T09:00:00.000Z',
      version: 3,
    });

    const history = await app.call(desk, 'appointments.history', { id: a.id });
    expect(history.map((h) => [h.version, h.action])).toEqual([
      [3, 'cancelled'],
      [2, 'rescheduled'],
      [1, 'booked'],
    ]);
    expect(history[1]!.changes).toEqual([
      { field: 'Date and time', from: '2026-03-11 09:00', to: '2026-03-12 14:30' },
      { field: 'Length', from: '20 min', to: '40 min' },
    ]);
    expect(history[0]!.changes).toEqual([
      { field: 'Status', from: 'booked', to: 'cancelled' },
      { field: 'Cancellation reason', from: '', to: 'Patient is travelling' },
    ]);
    expect(rows(app, "SELECT operation, version FROM change_log WHERE entity = 'appointment' ORDER BY seq")).toEqual([
      { operation: 'create', version: 1 },
      { operation: 'update', version: 2 },
      { operation: 'update', version: 3 },
    ]);
    expect(
      rows(
        app,
        "SELECT action, patient_id FROM audit_log WHERE action IN ('appointment.book', 'appointment.reschedule', 'appointment.cancel', 'appointment.history_view') ORDER BY seq",
      ),
    ).toEqual(
      ['appointment.book', 'appointment.reschedule', 'appointment.cancel', 'appointment.history_view'].map(
        (action) => ({ action, patient_id: patient.id }),
      ),
    );
    // The freed slot can be booked again; a cancelled appointment cannot be rescheduled.
    await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-12',
      time: '14:30',
    });
    const again = await app.raw(desk, 'appointments.reschedule', {
      id: a.id,
      version: 3,
      date: '2026-03-13',
      time: '10:00',
    });
    expect(again).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Only a booked appointment can be rescheduled; this one is cancelled/) },
    });
  });

  it('a reschedule onto another appointment is refused, naming it, and changes nothing', async () => {
    const { app, desk, doctorId, patient, other } = book;
    const a = await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
    });
    await app.call(desk, 'appointments.book', {
      patientId: other.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '10:00',
    });
    const before = bookWrites(app);
    const result = await app.raw(desk, 'appointments.reschedule', {
      id: a.id,
      version: 1,
      date: '2026-03-11',
      time: '09:50',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/Ana Silva at 10:00–10:20/) },
    });
    expect(bookWrites(app)).toEqual(before);
    // Lengthening in place does not clash with itself.
    const longer = await app.call(desk, 'appointments.reschedule', {
      id: a.id,
      version: 1,
      date: '2026-03-11',
      time: '09:00',
      lengthMinutes: 60,
    });
    expect(longer.appointments[0]!.endTime).toBe('10:00');
  });

  it('marks a no-show once the appointment has passed', async () => {
    const { app, desk, doctorId, patient } = book;
    const a = await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-10',
      time: '11:00',
    });
    app.clock.advanceMinutes(120);
    const noShow = await app.call(desk, 'appointments.markNoShow', { id: a.id, version: 1 });
    expect(noShow).toMatchObject({ status: 'no_show', noShowAt: '2026-03-10T11:00:00.000Z' });
    expect(rows(app, "SELECT action, patient_id FROM audit_log WHERE action = 'appointment.no_show'")).toEqual([
      { action: 'appointment.no_show', patient_id: patient.id },
    ]);
    const checkIn = await app.raw(desk, 'appointments.checkIn', { id: a.id, version: 2 });
    expect(checkIn).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/is a no-show, so it cannot be marked arrived/) },
    });
  });
});

describe('recurring series', () => {
  const repeatBase = (b: Book) => ({
    patientId: b.patient.id,
    providerId: b.doctorId,
    time: '10:00',
    reason: 'Physiotherapy',
  });

  it('books by count and by end date, every N days, weeks or months', async () => {
    const { app, desk } = book;
    const weekly = await app.call(desk, 'appointments.bookSeries', {
      ...repeatBase(book),
      date: '2026-03-11',
      repeat: { every: 1, unit: 'weeks', count: 4 },
    });
    expect(weekly.appointments.map((a) => a.date)).toEqual(['2026-03-11', '2026-03-18', '2026-03-25', '2026-04-01']);
    expect(new Set(weekly.appointments.map((a) => a.seriesId))).toEqual(new Set([weekly.seriesId]));
    const byDate = await app.call(desk, 'appointments.bookSeries', {
      ...repeatBase(book),
      time: '14:00',
      date: '2026-03-11',
      repeat: { every: 7, unit: 'days', until: '2026-03-25' },
    });
    expect(byDate.appointments.map((a) => a.date)).toEqual(['2026-03-11', '2026-03-18', '2026-03-25']);
    // Monthly from the 31st keeps to the month's last day when it is shorter, and returns to the 31st.
    const monthly = await app.call(desk, 'appointments.bookSeries', {
      ...repeatBase(book),
      time: '16:00',
      date: '2026-03-31',
      repeat: { every: 1, unit: 'months', count: 3 },
      outsideHoursReason: 'Monthly review, weekend agreed',
    });
    expect(monthly.appointments.map((a) => a.date)).toEqual(['2026-03-31', '2026-04-30', '2026-05-31']);
    expect(monthly.appointments.map((a) => a.outsideHoursReason)).toEqual([
      null,
      null,
      'Monthly review, weekend agreed',
    ]);
  });

  it('refuses a series with no end, and a series with one bad date, writing nothing', async () => {
    const { app, desk } = book;
    const noEnd = await app.raw(desk, 'appointments.bookSeries', {
      ...repeatBase(book),
      date: '2026-03-11',
      repeat: { every: 1, unit: 'weeks' },
    });
    expect(noEnd).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'repeat.count': expect.stringMatching(/needs an end/) } },
    });
    // Weekly on Wednesdays into a day off: the whole series is refused, naming the date.
    await app.call(book.admin, 'providers.addDayOff', {
      providerId: book.doctorId,
      date: '2026-03-25',
      reason: 'Training',
    });
    const blocked = await app.raw(desk, 'appointments.bookSeries', {
      ...repeatBase(book),
      date: '2026-03-11',
      repeat: { every: 1, unit: 'weeks', count: 4 },
    });
    expect(blocked).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^For the appointment on 2026-03-25: .*Day off: Training/) },
    });
    expect(bookWrites(app).appointments).toBe(0);
    expect(rows(app, 'SELECT count(*) AS n FROM appointment_series')).toEqual([{ n: 0 }]);
  });

  it('“this and following”: reschedules, changes length and cancels the rest of the series, leaving earlier ones alone', async () => {
    const { app, desk } = book;
    const s = await app.call(desk, 'appointments.bookSeries', {
      ...repeatBase(book),
      date: '2026-03-11',
      repeat: { every: 1, unit: 'weeks', count: 4 },
    });
    const third = s.appointments[2]!;
    const moved = await app.call(desk, 'appointments.reschedule', {
      id: third.id,
      version: 1,
      date: '2026-03-26',
      time: '15:00',
      lengthMinutes: 45,
      scope: 'following',
    });
    expect(moved.appointments.map((a) => [a.date, a.time, a.lengthMinutes])).toEqual([
      ['2026-03-26', '15:00', 45],
      ['2026-04-02', '15:00', 45],
    ]);
    const second = s.appointments[1]!;
    const onlyThis = await app.call(desk, 'appointments.reschedule', {
      id: second.id,
      version: 1,
      date: '2026-03-18',
      time: '11:00',
      scope: 'this',
    });
    expect(onlyThis.appointments).toHaveLength(1);

    const cancelled = await app.call(desk, 'appointments.cancel', {
      id: second.id,
      version: 2,
      reason: 'Course shortened',
      scope: 'following',
    });
    expect(cancelled.appointments.map((a) => [a.date, a.status])).toEqual([
      ['2026-03-18', 'cancelled'],
      ['2026-03-26', 'cancelled'],
      ['2026-04-02', 'cancelled'],
    ]);
    const first = await app.call(desk, 'appointments.get', { id: s.appointments[0]!.id });
    expect(first).toMatchObject({ status: 'booked', time: '10:00', version: 1 });
  });
});
