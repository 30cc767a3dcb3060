import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDoctor, bookWrites, openBook, rows, WEEKDAY_HOURS, type Book } from './book-support';

let book: Book;
beforeEach(async () => {
  book = await openBook();
});
afterEach(() => book.app.close());

describe('editing an appointment where it stands', () => {
  it('changes reason, note and length as a new version with history, change log and audit', async () => {
    const { app, desk, doctorId, patient } = book;
    const a = await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
      reason: 'Check-up',
    });
    const edited = await app.call(desk, 'appointments.update', {
      id: a.id,
      version: 1,
      reason: 'Blood pressure review',
      note: 'Bring readings',
      lengthMinutes: 40,
    });
    expect(edited).toMatchObject({
      version: 2,
      date: '2026-03-11',
      time: '09:00',
      endTime: '09:40',
      lengthMinutes: 40,
      reason: 'Blood pressure review',
      note: 'Bring readings',
    });

    const history = await app.call(desk, 'appointments.history', { id: a.id });
    expect(history[0]).toMatchObject({ version: 2, action: 'edited' });
    expect(history[0]!.changes).toEqual([
      { field: 'Length', from: '20 min', to: '40 min' },
      { field: 'Visit type or reason', from: 'Check-up', to: 'Blood pressure review' },
      { field: 'Note', from: '', to: 'Bring readings' },
    ]);
    expect(rows(app, "SELECT operation, version FROM change_log WHERE entity = 'appointment' ORDER BY seq")).toEqual([
      { operation: 'create', version: 1 },
      { operation: 'update', version: 2 },
    ]);
    expect(rows(app, "SELECT patient_id, details FROM audit_log WHERE action = 'appointment.update'")).toEqual([
      { patient_id: patient.id, details: '2026-03-11: visit type or reason, note, length 20 -> 40 min' },
    ]);

    // Saving the same values again writes nothing; an old version is refused.
    const before = bookWrites(app);
    const same = await app.call(desk, 'appointments.update', {
      id: a.id,
      version: 2,
      reason: 'Blood pressure review',
      note: 'Bring readings',
      lengthMinutes: 40,
    });
    expect(same.version).toBe(2);
    expect(bookWrites(app)).toEqual(before);
    const stale = await app.raw(desk, 'appointments.update', { id: a.id, version: 1, reason: 'x', note: '' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a longer length that runs into the next appointment is refused like a booking; a doctor may overbook it', async () => {
    const { app, admin, desk, doctorId, patient, other } = book;
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
      time: '09:20',
    });
    const before = bookWrites(app);
    const clash = await app.raw(desk, 'appointments.update', {
      id: a.id,
      version: 1,
      reason: '',
      note: '',
      lengthMinutes: 30,
    });
    expect(clash).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/Ana Silva at 09:20–09:40/) },
    });
    const deskOverbook = await app.raw(desk, 'appointments.update', {
      id: a.id,
      version: 1,
      reason: '',
      note: '',
      lengthMinutes: 30,
      overbookReason: 'Needs longer',
    });
    expect(deskOverbook).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(bookWrites(app)).toEqual(before);
    const overbooked = await app.call(admin, 'appointments.update', {
      id: a.id,
      version: 1,
      reason: '',
      note: '',
      lengthMinutes: 30,
      overbookReason: 'Needs longer',
    });
    expect(overbooked).toMatchObject({ endTime: '09:30', overbookReason: 'Needs longer' });
  });

  it('a length past the end of working hours needs a reason; closed visits cannot be edited', async () => {
    const { app, desk, doctorId, patient } = book;
    const a = await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '11:40',
    });
    const outside = await app.raw(desk, 'appointments.update', {
      id: a.id,
      version: 1,
      reason: '',
      note: '',
      lengthMinutes: 40,
    });
    expect(outside).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { outsideHoursReason: expect.any(String) } },
    });
    const longer = await app.call(desk, 'appointments.update', {
      id: a.id,
      version: 1,
      reason: '',
      note: '',
      lengthMinutes: 40,
      outsideHoursReason: 'Doctor agreed to stay',
    });
    expect(longer).toMatchObject({ endTime: '12:20', outsideHoursReason: 'Doctor agreed to stay' });
    await app.call(desk, 'appointments.cancel', { id: a.id, version: 2, reason: 'Patient is travelling' });
    const closed = await app.raw(desk, 'appointments.update', { id: a.id, version: 3, reason: 'New reason', note: '' });
    expect(closed).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/cancelled, so it can no longer be edited/) },
    });
  });
});

describe('rescheduling to another doctor', () => {
  it('moves the appointment to the other doctor, checked against that doctor’s book and hours', async () => {
    const { app, admin, desk, doctorId, patient, other } = book;
    const second = await addDoctor(book, 'drlee');
    await app.call(admin, 'providers.setSchedule', {
      providerId: second.id,
      version: null,
      defaultLengthMinutes: 20,
      weeklyHours: WEEKDAY_HOURS.filter((b) => b.start === '09:00'),
    });
    const a = await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
    });
    await app.call(desk, 'appointments.book', {
      patientId: other.id,
      providerId: second.id,
      date: '2026-03-11',
      time: '09:00',
    });

    const before = bookWrites(app);
    const clash = await app.raw(desk, 'appointments.reschedule', {
      id: a.id,
      version: 1,
      date: '2026-03-11',
      time: '09:10',
      providerId: second.id,
    });
    expect(clash).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/Ana Silva at 09:00–09:20/) },
    });
    // The second doctor works mornings only: the afternoon is outside their hours, though the first doctor works then.
    const afternoon = await app.raw(desk, 'appointments.reschedule', {
      id: a.id,
      version: 1,
      date: '2026-03-11',
      time: '14:00',
      providerId: second.id,
    });
    expect(afternoon).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { outsideHoursReason: expect.any(String) } },
    });
    expect(bookWrites(app)).toEqual(before);

    const moved = await app.call(desk, 'appointments.reschedule', {
      id: a.id,
      version: 1,
      date: '2026-03-11',
      time: '09:20',
      providerId: second.id,
    });
    expect(moved.appointments).toEqual([expect.objectContaining({ version: 2, providerId: second.id, time: '09:20' })]);
    const history = await app.call(desk, 'appointments.history', { id: a.id });
    expect(history[0]!.changes).toContainEqual({
      field: 'Doctor',
      from: 'Dr Amara Okafor',
      to: expect.not.stringMatching(/Okafor/),
    });
    // The first doctor's slot is free again.
    await app.call(desk, 'appointments.book', {
      patientId: other.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
    });
  });

  it('a series moves to another doctor one appointment at a time', async () => {
    const { app, admin, desk, doctorId, patient } = book;
    const second = await addDoctor(book, 'drlee');
    await app.call(admin, 'providers.setSchedule', {
      providerId: second.id,
      version: null,
      defaultLengthMinutes: 20,
      weeklyHours: WEEKDAY_HOURS,
    });
    const { appointments } = await app.call(desk, 'appointments.bookSeries', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
      repeat: { every: 1, unit: 'weeks', count: 3 },
    });
    const first = appointments[0]!;
    const all = await app.raw(desk, 'appointments.reschedule', {
      id: first.id,
      version: 1,
      date: '2026-03-11',
      time: '09:00',
      providerId: second.id,
      scope: 'following',
    });
    expect(all).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { scope: expect.any(String) } } });
    const one = await app.call(desk, 'appointments.reschedule', {
      id: first.id,
      version: 1,
      date: '2026-03-11',
      time: '09:00',
      providerId: second.id,
      scope: 'this',
    });
    expect(one.appointments.map((x) => x.providerId)).toEqual([second.id]);
    expect(rows(app, 'SELECT provider_id FROM appointments WHERE id = ?', appointments[1]!.id)).toEqual([
      { provider_id: doctorId },
    ]);
  });
});
