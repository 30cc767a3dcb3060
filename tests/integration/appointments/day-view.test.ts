import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { patientInput } from '../support';
import { addDoctor, openBook, rows, type Book } from './book-support';

let book: Book;
beforeEach(async () => {
  book = await openBook(); // Tuesday 2026-03-10, 10:00 in Berlin
});
afterEach(() => book.app.close());

describe('the day view', () => {
  it('shows one column per doctor with working blocks, appointments and free slots', async () => {
    const { app, admin, desk, doctorId, patient, other } = book;
    const lee = await addDoctor(book, 'drlee');
    await app.call(admin, 'providers.setSchedule', {
      providerId: lee.id,
      version: null,
      defaultLengthMinutes: 30,
      weeklyHours: [{ weekday: 3, start: '09:00', end: '11:00' }],
    });
    await app.call(admin, 'providers.addDayOff', { providerId: lee.id, date: '2026-03-12', reason: 'Course' });
    await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:20',
      lengthMinutes: 40,
    });
    const cancelled = await app.call(desk, 'appointments.book', {
      patientId: other.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '11:00',
    });
    await app.call(desk, 'appointments.cancel', { id: cancelled.id, version: 1, reason: 'Feeling better' });
    await app.call(desk, 'appointments.book', {
      patientId: other.id,
      providerId: lee.id,
      date: '2026-03-11',
      time: '09:30',
    });

    const day = await app.call(desk, 'appointments.day', { date: '2026-03-11' });
    expect(day).toMatchObject({ date: '2026-03-11', timeZone: 'Europe/Berlin', holiday: null });
    const [okafor, drLee] = day.providers;
    expect([okafor!.providerName, drLee!.providerName]).toEqual(['Dr Amara Okafor', 'User drlee']);
    expect(okafor!.blocks.map((b) => `${b.start}-${b.end}`)).toEqual(['09:00-12:00', '14:00-17:00']);
    expect(okafor!.appointments.map((a) => [a.time, a.status])).toEqual([
      ['09:20', 'booked'],
      ['11:00', 'cancelled'],
    ]);
    // 20-minute slots from 09:00; 09:20-10:00 is taken; the cancelled 11:00 is free again.
    expect(okafor!.freeSlots.slice(0, 8).map((s) => s.start)).toEqual([
      '09:00',
      '10:00',
      '10:20',
      '10:40',
      '11:00',
      '11:20',
      '11:40',
      '14:00',
    ]);
    expect(okafor!.freeSlots).toHaveLength(9 - 2 + 9);
    expect(drLee!.freeSlots.map((s) => `${s.start}-${s.end}`)).toEqual(['09:00-09:30', '10:00-10:30', '10:30-11:00']);

    const closed = await app.call(desk, 'appointments.day', { date: '2026-03-12' });
    expect(closed.providers[1]).toMatchObject({ closedReason: 'Day off: Course', blocks: [], freeSlots: [] });
    await app.call(admin, 'holidays.add', { date: '2026-03-13', name: 'Founders Day' });
    const holiday = await app.call(desk, 'appointments.day', { date: '2026-03-13' });
    expect(holiday.holiday).toBe('Founders Day');
    expect(holiday.providers.map((p) => p.closedReason)).toEqual([
      'Clinic holiday: Founders Day',
      'Clinic holiday: Founders Day',
    ]);
  });

  it('offers no free slots already past today', async () => {
    const { app, desk } = book;
    const day = await app.call(desk, 'appointments.day', { date: '2026-03-10' });
    expect(day.providers[0]!.freeSlots[0]!.start).toBe('10:00');
  });

  it('the week view gives one doctor seven days', async () => {
    const { app, desk, doctorId, patient } = book;
    await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-13',
      time: '15:00',
    });
    const week = await app.call(desk, 'appointments.week', { providerId: doctorId, startDate: '2026-03-09' });
    expect(week.days.map((d) => [d.date, d.blocks.length, d.appointments.length])).toEqual([
      ['2026-03-09', 2, 0],
      ['2026-03-10', 2, 0],
      ['2026-03-11', 2, 0],
      ['2026-03-12', 2, 0],
      ['2026-03-13', 2, 1],
      ['2026-03-14', 0, 0],
      ['2026-03-15', 0, 0],
    ]);
  });
});

describe('reminders', () => {
  it('lists a day’s booked appointments with phone numbers and exports CSV that cannot run formulas', async () => {
    const { app, desk, doctorId, other } = book;
    const evil = await app.call(desk, 'patients.register', {
      patient: patientInput({
        givenNames: '=HYPERLINK("http://x.example")',
        familyName: 'Evil',
        phones: [{ kind: 'home', number: '030 1234567' }],
      }),
    });
    await app.call(desk, 'appointments.book', {
      patientId: evil.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
      reason: '+SUM(A1)',
    });
    await app.call(desk, 'appointments.book', {
      patientId: other.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '10:00',
    });
    const list = await app.call(desk, 'appointments.reminders', { date: '2026-03-11' });
    expect(list.map((r) => [r.time, r.patientName, r.phone])).toEqual([
      ['09:00', '=HYPERLINK("http://x.example") Evil', '030 1234567'],
      ['10:00', 'Ana Silva', '+49 151 2345678'],
    ]);
    const csv = await app.call(desk, 'appointments.remindersCsv', { date: '2026-03-11' });
    expect(csv).toMatchObject({ filename: 'chartbook-reminders-2026-03-11.csv', rows: 2 });
    // Read back as a mail-merge or SMS tool would: phone numbers as typed, formulas neutralised.
    const records = parse(csv.csv, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => [r['Patient'], r['Phone'], r['Visit type or reason']])).toEqual([
      ['\'=HYPERLINK("http://x.example") Evil', '030 1234567', "'+SUM(A1)"],
      ['Ana Silva', '+49 151 2345678', ''],
    ]);
    expect(rows(app, "SELECT action, details FROM audit_log WHERE action = 'appointment.reminders_export'")).toEqual([
      { action: 'appointment.reminders_export', details: '2026-03-11: 2 rows' },
    ]);
  });
});
