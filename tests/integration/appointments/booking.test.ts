import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser } from '../support';
import { addDoctor, bookWrites, openBook, rows, type Book } from './book-support';

let book: Book;
beforeEach(async () => {
  book = await openBook();
});
afterEach(() => book.app.close());

const NOTHING = { appointments: 0, history: 0, changes: 0, audits: 0 };

describe('booking an appointment', () => {
  it('stores the time in UTC with history, change log and an audit row carrying the patient', async () => {
    const { app, desk, doctorId, patient } = book;
    const a = await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
      reason: 'Check-up',
    });
    expect(a).toMatchObject({
      startUtc: '2026-03-11T08:00:00.000Z',
      endUtc: '2026-03-11T08:20:00.000Z',
      date: '2026-03-11',
      time: '09:00',
      endTime: '09:20',
      lengthMinutes: 20,
      status: 'booked',
      kind: 'appointment',
      patientName: 'José García',
      providerName: 'Dr Amara Okafor',
      version: 1,
    });
    expect(
      rows(app, "SELECT entity, entity_id, operation, version FROM change_log WHERE entity = 'appointment'"),
    ).toEqual([{ entity: 'appointment', entity_id: a.id, operation: 'create', version: 1 }]);
    expect(rows(app, "SELECT action, patient_id FROM audit_log WHERE action = 'appointment.book'")).toEqual([
      { action: 'appointment.book', patient_id: patient.id },
    ]);
    const history = await app.call(desk, 'appointments.history', { id: a.id });
    expect(history).toEqual([expect.objectContaining({ version: 1, action: 'booked', changedByName: 'User desk' })]);
    expect(history[0]!.changes).toContainEqual({ field: 'Date and time', from: '', to: '2026-03-11 09:00' });
  });

  it('refuses a clash, naming the other appointment, and writes nothing', async () => {
    const { app, desk, doctorId, patient, other } = book;
    await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
      lengthMinutes: 30,
    });
    const before = bookWrites(app);
    const clash = await app.raw(desk, 'appointments.book', {
      patientId: other.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:20',
    });
    expect(clash).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/already has José García at 09:00–09:30 on 2026-03-11/),
      },
    });
    expect(bookWrites(app)).toEqual(before);
    // Back to back is not a clash.
    await app.call(desk, 'appointments.book', {
      patientId: other.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:30',
    });
  });

  it('lets a doctor overbook with a reason, recorded; a receptionist is refused', async () => {
    const { app, admin, desk, doctorId, patient, other } = book;
    await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
    });
    const before = bookWrites(app);
    const byDesk = await app.raw(desk, 'appointments.book', {
      patientId: other.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
      overbookReason: 'urgent, doctor agreed',
    });
    expect(byDesk).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/Only a doctor or an administrator can overbook/) },
    });
    expect(bookWrites(app)).toEqual(before);

    const a = await app.call(admin, 'appointments.book', {
      patientId: other.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
      overbookReason: 'Urgent chest pain',
    });
    expect(a.overbookReason).toBe('Urgent chest pain');
    expect(
      rows(app, "SELECT details FROM audit_log WHERE action = 'appointment.book' ORDER BY seq DESC LIMIT 1"),
    ).toEqual([{ details: expect.stringContaining('overbooked: Urgent chest pain') }]);
    // A doctor-only user may overbook too.
    const doc = await addDoctor(book, 'drlee');
    await app.call(admin, 'providers.setSchedule', {
      providerId: doc.id,
      version: null,
      defaultLengthMinutes: 15,
      weeklyHours: [{ weekday: 3, start: '09:00', end: '12:00' }],
    });
    await app.call(doc.session, 'appointments.book', {
      patientId: patient.id,
      providerId: doc.id,
      date: '2026-03-11',
      time: '10:00',
    });
    const mine = await app.call(doc.session, 'appointments.book', {
      patientId: other.id,
      providerId: doc.id,
      date: '2026-03-11',
      time: '10:00',
      overbookReason: 'Squeeze in',
    });
    expect(mine.overbookReason).toBe('Squeeze in');
  });

  it('needs an explicit reason outside working hours, on a day off and on a holiday', async () => {
    const { app, admin, desk, doctorId, patient } = book;
    const base = { patientId: patient.id, providerId: doctorId };
    const evening = await app.raw(desk, 'appointments.book', { ...base, date: '2026-03-11', time: '18:00' });
    expect(evening).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringMatching(/outside Dr Amara Okafor’s working hours \(09:00–12:00, 14:00–17:00\)/),
      },
    });
    const overrun = await app.raw(desk, 'appointments.book', { ...base, date: '2026-03-11', time: '11:50' });
    expect(overrun.ok).toBe(false);
    const sunday = await app.raw(desk, 'appointments.book', { ...base, date: '2026-03-15', time: '10:00' });
    expect(sunday).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no hours that day/) } });

    await app.call(admin, 'providers.addDayOff', { providerId: doctorId, date: '2026-03-12', reason: 'Conference' });
    await app.call(admin, 'holidays.add', { date: '2026-03-13', name: 'Founders Day' });
    const dayOff = await app.raw(desk, 'appointments.book', { ...base, date: '2026-03-12', time: '10:00' });
    expect(dayOff).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/does not work that day \(Day off: Conference\)/) },
    });
    const holiday = await app.raw(desk, 'appointments.book', { ...base, date: '2026-03-13', time: '10:00' });
    expect(holiday).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Clinic holiday: Founders Day/) },
    });
    expect(bookWrites(app).appointments).toBe(0);

    const ok = await app.call(desk, 'appointments.book', {
      ...base,
      date: '2026-03-13',
      time: '10:00',
      outsideHoursReason: 'Post-op check cannot wait',
    });
    expect(ok.outsideHoursReason).toBe('Post-op check cannot wait');
    const inHours = await app.call(desk, 'appointments.book', {
      ...base,
      date: '2026-03-11',
      time: '10:00',
      outsideHoursReason: 'not needed',
    });
    expect(inHours.outsideHoursReason).toBeNull();
  });

  it('refuses the past but records a walk-in who is already here', async () => {
    const { app, desk, doctorId, patient } = book;
    const past = await app.raw(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-10',
      time: '09:40',
    });
    expect(past).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/in the past.*walk-in/) },
    });
    const walkIn = await app.call(desk, 'appointments.walkIn', {
      patientId: patient.id,
      providerId: doctorId,
      arrivedTime: '09:40',
      reason: 'Fever',
    });
    expect(walkIn).toMatchObject({
      kind: 'walk_in',
      status: 'arrived',
      token: 1,
      time: '09:40',
      arrivedAt: '2026-03-10T08:40:00.000Z',
    });
    const future = await app.raw(desk, 'appointments.walkIn', {
      patientId: patient.id,
      providerId: doctorId,
      arrivedTime: '11:00',
    });
    expect(future).toMatchObject({ ok: false, error: { fields: { arrivedTime: 'Later than now' } } });
  });

  it.each([
    [{ lengthMinutes: 0 }, 'lengthMinutes', /cannot be zero or negative/],
    [{ lengthMinutes: -15 }, 'lengthMinutes', /cannot be zero or negative/],
    [{ lengthMinutes: 12.5 }, 'lengthMinutes', /whole minutes/],
    [{ endTime: '09:00' }, 'endTime', /end after it starts/],
    [{ endTime: '08:30' }, 'endTime', /end after it starts/],
    [{ endTime: '10:00', lengthMinutes: 20 }, 'endTime', /not both/],
    [{ time: '9am' }, 'time', /HH:MM/],
    [{ date: '2026-02-30' }, 'date', /real date/],
    [{ overbookReason: '' }, 'overbookReason', /say why/],
    [{ colour: 'red' }, '_', /colour/],
  ])('refuses %j with a message on %s and writes nothing', async (override, field, message) => {
    const { app, desk, doctorId, patient } = book;
    const result = await app.raw(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
      ...override,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(`${result.error.fields?.[field]}`).toMatch(message);
    expect(bookWrites(app)).toEqual(NOTHING);
  });

  it('refuses unknown patients and people who are not doctors, naming the problem', async () => {
    const { app, admin, desk, doctorId, patient } = book;
    const ghost = '0190c0de-0000-7000-8000-000000000000';
    const noPatient = await app.raw(desk, 'appointments.book', {
      patientId: ghost,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
    });
    expect(noPatient).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { patientId: expect.stringMatching(/Unknown patient/) } },
    });
    const noDoctor = await app.raw(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: ghost,
      date: '2026-03-11',
      time: '09:00',
    });
    expect(noDoctor).toMatchObject({
      ok: false,
      error: { fields: { providerId: expect.stringMatching(/Not a doctor/) } },
    });
    const receptionistId = desk.user!.userId;
    const notDoctor = await app.raw(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: receptionistId,
      date: '2026-03-11',
      time: '09:00',
    });
    expect(notDoctor).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not an active user with the doctor role/) },
    });
    const hours = await app.raw(admin, 'providers.setSchedule', {
      providerId: receptionistId,
      version: null,
      defaultLengthMinutes: 15,
      weeklyHours: [],
    });
    expect(hours.ok).toBe(false);
    expect(bookWrites(app)).toEqual(NOTHING);
  });
});

describe('doctors’ hours, days off and holidays', () => {
  it('are set by administrators only and read by everyone signed in', async () => {
    const { app, admin, desk, doctorId } = book;
    const denied = await app.raw(desk, 'providers.setSchedule', {
      providerId: doctorId,
      version: 1,
      defaultLengthMinutes: 30,
      weeklyHours: [],
    });
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await app.raw(desk, 'holidays.add', { date: '2026-12-25', name: 'Christmas' })).ok).toBe(false);
    const list = await app.call(desk, 'providers.list', {});
    expect(list).toEqual([expect.objectContaining({ providerId: doctorId, defaultLengthMinutes: 20, version: 1 })]);
    expect(list[0]!.weeklyHours).toHaveLength(10);

    const stale = await app.raw(admin, 'providers.setSchedule', {
      providerId: doctorId,
      version: null,
      defaultLengthMinutes: 30,
      weeklyHours: [],
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const updated = await app.call(admin, 'providers.setSchedule', {
      providerId: doctorId,
      version: 1,
      defaultLengthMinutes: 30,
      weeklyHours: [{ weekday: 1, start: '08:00', end: '13:00' }],
    });
    expect(updated).toMatchObject({ version: 2, defaultLengthMinutes: 30 });

    const dayOff = await app.call(admin, 'providers.addDayOff', {
      providerId: doctorId,
      date: '2026-04-01',
      reason: 'Leave',
    });
    expect(
      await app.call(desk, 'providers.daysOff', { providerId: doctorId, from: '2026-04-01', to: '2026-04-30' }),
    ).toEqual([dayOff]);
    await app.call(admin, 'providers.removeDayOff', { id: dayOff.id });
    expect(
      await app.call(desk, 'providers.daysOff', { providerId: doctorId, from: '2026-04-01', to: '2026-04-30' }),
    ).toEqual([]);
    const xmas = await app.call(admin, 'holidays.add', { date: '2026-12-25', name: 'Christmas' });
    expect(await app.call(desk, 'holidays.list', { from: '2026-12-01', to: '2026-12-31' })).toEqual([xmas]);
    expect(
      rows(
        app,
        "SELECT entity, operation FROM change_log WHERE entity IN ('provider_schedule', 'provider_day_off', 'clinic_holiday') ORDER BY seq",
      ),
    ).toEqual([
      { entity: 'provider_schedule', operation: 'create' },
      { entity: 'provider_schedule', operation: 'update' },
      { entity: 'provider_day_off', operation: 'create' },
      { entity: 'provider_day_off', operation: 'delete' },
      { entity: 'clinic_holiday', operation: 'create' },
    ]);
  });

  it('refuses blocks that end before they start or overlap', async () => {
    const { app, admin, doctorId } = book;
    const result = await app.raw(admin, 'providers.setSchedule', {
      providerId: doctorId,
      version: 1,
      defaultLengthMinutes: 20,
      weeklyHours: [
        { weekday: 1, start: '12:00', end: '09:00' },
        { weekday: 2, start: '09:00', end: '12:00' },
        { weekday: 2, start: '11:00', end: '13:00' },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        fields: {
          'weeklyHours.0.end': 'The block must end after it starts',
          'weeklyHours.2.start': 'This block overlaps block 2 on the same day',
        },
      },
    });
  });

  it('a receptionist cannot be given hours, and an admin without the doctor role cannot call next', async () => {
    const { app, admin } = book;
    const office = await addUser(app, admin, 'office', ['admin']);
    expect(await app.raw(office, 'appointments.callNext', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
