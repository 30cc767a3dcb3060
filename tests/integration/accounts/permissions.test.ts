import { afterEach, describe, expect, it } from 'vitest';
import { addUser, openTestApp, setUpClinic, type TestApp } from '../support';
import { openBook, rows, type Book } from '../appointments/book-support';

let app: TestApp | undefined;
let book: Book | undefined;
afterEach(() => {
  app?.close();
  book?.app.close();
  app = book = undefined;
});

describe('the front desk checks patients in; the doctor moves them on', { timeout: 120_000 }, () => {
  it('a receptionist may check in but not call in or finish a visit; the refusal changes nothing', async () => {
    book = await openBook(); // Tuesday 2026-03-10, 10:00 in Berlin
    const { app: b, desk, admin, doctorId, patient } = book;
    const a = await b.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-10',
      time: '10:20',
    });
    const arrived = await b.call(desk, 'appointments.checkIn', { id: a.id, version: 1 });
    expect(arrived.status).toBe('arrived');

    const before = rows(b, 'SELECT * FROM appointments WHERE id = ?', a.id);
    const changesBefore = b.count('change_log');
    for (const status of ['with_doctor', 'done'] as const) {
      const refused = await b.raw(desk, 'appointments.advance', { id: a.id, version: 2, status });
      expect(refused, status).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(rows(b, 'SELECT * FROM appointments WHERE id = ?', a.id)).toEqual(before);
    expect(b.count('change_log')).toBe(changesBefore);

    // The doctor (here the admin, also a doctor) calls the patient in and finishes.
    const inRoom = await b.call(admin, 'appointments.advance', { id: a.id, version: 2, status: 'with_doctor' });
    const done = await b.call(admin, 'appointments.advance', { id: a.id, version: 3, status: 'done' });
    expect([inRoom.status, done.status]).toEqual(['with_doctor', 'done']);
  });
});

describe('patients’ names in the audit trail', { timeout: 120_000 }, () => {
  it('an administrator without a clinical role sees record numbers; a doctor-administrator sees names', async () => {
    book = await openBook();
    const { app: b, admin: doctorAdmin, desk, doctorId, patient: p } = book;
    const itAdmin = await addUser(b, doctorAdmin, 'itadmin', ['admin']);
    await b.call(desk, 'appointments.walkIn', { patientId: p.id, providerId: doctorId });
    await b.call(desk, 'patients.get', { id: p.id });

    const seen = await b.call(doctorAdmin, 'audit.list', { patientId: p.id });
    const walkIn = seen.entries.find((e) => e.action === 'appointment.walk_in')!;
    expect(seen.entries.find((e) => e.action === 'patient.create')!.patientLabel).toBe(`José García (${p.mrn})`);
    expect(walkIn.details).toMatch(/José García/);

    const hidden = await b.call(itAdmin, 'audit.list', { patientId: p.id });
    expect(hidden.entries.map((e) => e.action)).toEqual(seen.entries.map((e) => e.action));
    for (const entry of hidden.entries) {
      expect(entry.patientLabel).toBe(p.mrn);
      expect(entry.patientId).toBe(p.id);
      expect(`${entry.patientLabel} ${entry.details}`).not.toMatch(/José|García/i);
    }
    expect(hidden.entries.find((e) => e.action === 'appointment.walk_in')!.details).toContain(p.mrn);
    const csv = await b.call(itAdmin, 'audit.exportCsv', { patientId: p.id });
    expect(csv.csv).toContain(p.mrn);
    expect(csv.csv).not.toMatch(/José|García/);
    expect((await b.call(doctorAdmin, 'audit.exportCsv', { patientId: p.id })).csv).toContain('José García');
  });
});

describe('granting yourself a role', { timeout: 120_000 }, () => {
  async function me(admin: Parameters<TestApp['call']>[0], username: string) {
    return (await app!.call(admin, 'users.list', {})).find((u) => u.username === username)!;
  }

  it('needs your password again, is refused without it (changing nothing), and is audited as its own action', async () => {
    app = openTestApp();
    const first = await setUpClinic(app);
    const office = await addUser(app, first, 'office', ['admin'], 'quiet harbour lamp 1');
    const self = await me(office, 'office');
    const grant = {
      id: self.id,
      version: self.version,
      displayName: self.displayName,
      roles: ['admin', 'doctor'] as const,
    };

    const without = await app.raw(office, 'users.update', { ...grant, roles: [...grant.roles] });
    expect(without).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { currentPassword: 'Enter your password to change your own roles' } },
    });
    const wrong = await app.raw(office, 'users.update', {
      ...grant,
      roles: [...grant.roles],
      currentPassword: 'not my password',
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { currentPassword: 'That is not your current password' } },
    });
    expect(await me(office, 'office')).toEqual(self);
    expect((await app.raw(office, 'patients.search', { text: 'a' })).ok).toBe(false);

    const granted = await app.call(office, 'users.update', {
      ...grant,
      roles: [...grant.roles],
      currentPassword: 'quiet harbour lamp 1',
    });
    expect(granted.roles).toEqual(['admin', 'doctor']);
    expect((await app.raw(office, 'patients.search', { text: 'a' })).ok).toBe(true);
    const audit = app.core.db.sqlite
      .prepare("SELECT username, details FROM audit_log WHERE action = 'user.own_roles'")
      .all() as { username: string; details: string }[];
    expect(audit).toEqual([{ username: 'office', details: 'office: roles admin -> admin, doctor' }]);

    // Renaming oneself without touching roles, and changing someone else's roles, need no password.
    expect(
      (
        await app.raw(office, 'users.update', {
          id: self.id,
          version: granted.version,
          displayName: 'Office Manager',
          roles: ['admin', 'doctor'],
        })
      ).ok,
    ).toBe(true);
    const firstAdmin = await me(office, 'admin');
    const other = await app.raw(office, 'users.update', {
      id: firstAdmin.id,
      version: firstAdmin.version,
      displayName: firstAdmin.displayName,
      roles: ['admin'],
    });
    expect(other.ok).toBe(true);
    expect(
      (
        app.core.db.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'user.update'").get() as {
          n: number;
        }
      ).n,
    ).toBe(2);
  });
});
