import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { patientInput } from '../support';
import { addDoctor, openBook, rows, sessionFor, type Book } from './book-support';

let book: Book;
beforeEach(async () => {
  book = await openBook(); // Tuesday 2026-03-10, 10:00 in Berlin
});
afterEach(() => book.app.close());

describe('status flow', () => {
  it('booked → arrived (with the time and a token) → with doctor → done', async () => {
    const { app, desk, admin, doctorId, patient } = book;
    const a = await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-10',
      time: '10:20',
    });
    app.clock.advanceMinutes(15);
    const arrived = await app.call(desk, 'appointments.checkIn', { id: a.id, version: 1 });
    expect(arrived).toMatchObject({ status: 'arrived', arrivedAt: '2026-03-10T09:15:00.000Z', token: 1 });
    const tooSoon = await app.raw(admin, 'appointments.advance', { id: a.id, version: 2, status: 'done' });
    expect(tooSoon).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'José García’s appointment is arrived, so it cannot be marked done. Call the patient in first.',
      },
    });
    const inRoom = await app.call(admin, 'appointments.advance', { id: a.id, version: 2, status: 'with_doctor' });
    const done = await app.call(admin, 'appointments.advance', { id: a.id, version: 3, status: 'done' });
    expect([inRoom.status, done.status, done.doneAt]).toEqual(['with_doctor', 'done', '2026-03-10T09:15:00.000Z']);
    const afterDone = await app.raw(desk, 'appointments.cancel', { id: a.id, version: 4, reason: 'Changed mind' });
    expect(afterDone).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/is done, so it cannot be marked cancelled. It can no longer change./) },
    });
    const history = await app.call(desk, 'appointments.history', { id: a.id });
    expect(history.map((h) => h.action)).toEqual(['done', 'called in', 'checked in', 'booked']);
    expect(
      rows(
        app,
        "SELECT action FROM audit_log WHERE action IN ('appointment.check_in', 'appointment.status') ORDER BY seq",
      ),
    ).toEqual([{ action: 'appointment.check_in' }, { action: 'appointment.status' }, { action: 'appointment.status' }]);
  });

  it('does not check in an appointment on another day', async () => {
    const { app, desk, doctorId, patient } = book;
    const a = await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '10:20',
    });
    const result = await app.raw(desk, 'appointments.checkIn', { id: a.id, version: 1 });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/on 2026-03-11; a patient can only be checked in on the day/) },
    });
  });
});

describe('walk-ins, tokens and the doctor’s queue', () => {
  it('gives tokens 1, 2, 3 for the day and starts again at 1 the next day', async () => {
    const { app, desk, doctorId, patient, other } = book;
    const third = await app.call(desk, 'patients.register', {
      patient: patientInput({ givenNames: 'Mia', familyName: 'Wong', phones: [] }),
    });
    const tokens = [];
    for (const p of [patient, other, third]) {
      tokens.push(
        (await app.call(desk, 'appointments.walkIn', { patientId: p.id, providerId: doctorId, reason: 'Walk-in' }))
          .token,
      );
      app.clock.advanceMinutes(2);
    }
    expect(tokens).toEqual([1, 2, 3]);
    app.clock.advanceMinutes(24 * 60);
    const nextMorning = sessionFor(app, desk.user!); // yesterday's session has idle-locked
    const tomorrow = await app.call(nextMorning, 'appointments.walkIn', {
      patientId: patient.id,
      providerId: doctorId,
    });
    expect(tomorrow).toMatchObject({ token: 1, date: '2026-03-11' });
  });

  it('lists who is waiting in arrival order with how long; call next takes the first in', async () => {
    const { app, desk, admin, doctorId, patient, other } = book;
    const booked = await app.call(desk, 'appointments.book', {
      patientId: other.id,
      providerId: doctorId,
      date: '2026-03-10',
      time: '10:40',
    });
    await app.call(desk, 'appointments.walkIn', {
      patientId: patient.id,
      providerId: doctorId,
      arrivedTime: '09:50',
      reason: 'Cough',
    }); // token 1
    app.clock.advanceMinutes(10);
    await app.call(desk, 'appointments.checkIn', { id: booked.id, version: 1 }); // token 2, arrived 10:10
    app.clock.advanceMinutes(5);

    const queue = await app.call(desk, 'appointments.queue', { providerId: doctorId });
    expect(queue.waiting.map((q) => [q.patientName, q.token, q.waitingMinutes])).toEqual([
      ['José García', 1, 25],
      ['Ana Silva', 2, 5],
    ]);
    const first = await app.call(admin, 'appointments.callNext', {});
    expect(first).toMatchObject({
      patientName: 'José García',
      status: 'with_doctor',
      withDoctorAt: '2026-03-10T09:15:00.000Z',
    });
    const after = await app.call(admin, 'appointments.queue', { providerId: doctorId });
    expect([after.waiting.map((q) => q.patientName), after.withDoctor.map((q) => q.patientName)]).toEqual([
      ['Ana Silva'],
      ['José García'],
    ]);

    // Another doctor's "call next" only looks at their own queue; a receptionist cannot call next.
    const lee = await addDoctor(book, 'drlee');
    expect(await app.call(lee.session, 'appointments.callNext', {})).toBeNull();
    expect(await app.raw(desk, 'appointments.callNext', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await app.call(admin, 'appointments.callNext', {});
    expect(await app.call(sessionFor(app, admin.user!), 'appointments.callNext', {})).toBeNull();
  });
});

describe('the receptionist’s today', () => {
  it('counts expected, checked in, waiting, with doctor and done, and searches by name, MRN or phone', async () => {
    const { app, desk, admin, doctorId, patient, other } = book;
    const a = await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-10',
      time: '10:20',
    });
    await app.call(desk, 'appointments.book', {
      patientId: other.id,
      providerId: doctorId,
      date: '2026-03-10',
      time: '11:00',
    });
    await app.call(desk, 'appointments.checkIn', { id: a.id, version: 1 });
    await app.call(admin, 'appointments.callNext', {});
    await app.call(desk, 'appointments.walkIn', { patientId: other.id, providerId: doctorId });

    const today = await app.call(desk, 'appointments.today', {});
    expect(today.date).toBe('2026-03-10');
    expect(today.counts).toEqual({
      expected: 1,
      checkedIn: 2,
      waiting: 1,
      withDoctor: 1,
      done: 0,
      noShow: 0,
      cancelled: 0,
    });
    const bySurname = await app.call(desk, 'appointments.today', { text: 'silva' });
    expect(bySurname.appointments.map((x) => `${x.patientName} ${x.kind}`).sort()).toEqual([
      'Ana Silva appointment',
      'Ana Silva walk_in',
    ]);
    expect(
      (await app.call(desk, 'appointments.today', { text: 'garcia' })).appointments.map((x) => x.patientName),
    ).toEqual(['José García']);
    expect((await app.call(desk, 'appointments.today', { text: '2345678' })).appointments).toHaveLength(2);
    expect((await app.call(desk, 'appointments.today', { text: patient.mrn })).appointments).toHaveLength(1);
    expect((await app.call(desk, 'appointments.today', { text: 'nobody' })).appointments).toHaveLength(0);
  });
});
