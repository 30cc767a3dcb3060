import { afterEach, describe, expect, it } from 'vitest';
import { HandlerRegistry } from '../../electron/main/ipc/handler-registry';
import { addUser, openTestApp, patientInput, setUpClinic, type TestApp } from './support';

let app: TestApp;
afterEach(() => app?.close());

describe('IPC dispatcher', () => {
  it('refuses an unknown channel', async () => {
    app = openTestApp();
    const result = await app.raw(app.core.newSession(), 'fs.readFile', { path: '/etc/passwd' });
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: expect.any(String) } });
  });

  it('refuses an invalid payload with field errors and writes nothing', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const before = ['patients', 'change_log', 'audit_log', 'patient_history'].map((t) => app.count(t));
    const result = await app.raw(admin, 'patients.register', {
      patient: {
        givenNames: '',
        familyName: '',
        sex: 'dragon',
        birth: { kind: 'date', date: '2031-02-30' },
        phones: [{ number: '12ab' }],
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.fields).toMatchObject({
      'patient.sex': expect.stringMatching(/female, male, other or unknown/),
      'patient.birth.date': expect.stringMatching(/real date/),
      'patient.phones.0.number': expect.stringMatching(/6 to 15 digits/),
    });
    expect(['patients', 'change_log', 'audit_log', 'patient_history'].map((t) => app.count(t))).toEqual(before);
  });

  it('refuses unknown extra fields (strict inputs)', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const result = await app.raw(admin, 'patients.search', { text: 'a', sql: 'DROP TABLE patients' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');
  });

  it('requires sign-in for everything but status, setup and sign-in', async () => {
    app = openTestApp();
    await setUpClinic(app);
    const anonymous = app.core.newSession();
    const result = await app.raw(anonymous, 'patients.search', { text: 'a' });
    expect(result.ok === false && result.error.code).toBe('UNAUTHENTICATED');
    expect((await app.raw(anonymous, 'app.status', {})).ok).toBe(true);
  });

  it('gives FORBIDDEN to a role that may not call a channel, enforced in main', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const reception = await addUser(app, admin, 'frontdesk', ['receptionist']);
    for (const channel of ['users.list', 'audit.list', 'settings.update'] as const) {
      const input = channel === 'settings.update' ? { clinicName: 'X', timeZone: 'UTC' } : {};
      const result = await app.raw(reception, channel, input);
      expect(result.ok === false && result.error.code, channel).toBe('FORBIDDEN');
    }
    // ...but the front desk registers and finds patients.
    expect((await app.raw(reception, 'patients.register', { patient: patientInput() })).ok).toBe(true);
    expect((await app.raw(reception, 'patients.search', { text: 'gar' })).ok).toBe(true);
  });

  it('an admin without a clinical or front-desk role cannot read patients', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const itAdmin = await addUser(app, admin, 'itadmin', ['admin']);
    const result = await app.raw(itAdmin, 'patients.search', { text: '' });
    expect(result.ok === false && result.error.code).toBe('FORBIDDEN');
  });

  it('role changes and disabling take effect on the next call', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const doc = await addUser(app, admin, 'drlee', ['doctor']);
    const users = await app.call(admin, 'users.list', {});
    const lee = users.find((u) => u.username === 'drlee')!;
    await app.call(admin, 'users.setDisabled', { id: lee.id, disabled: true });
    const result = await app.raw(doc, 'patients.search', { text: '' });
    expect(result.ok === false && result.error.code).toBe('UNAUTHENTICATED');
  });

  it('locks an idle session; only sign-in unlocks it', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app); // idle lock defaults to 10 minutes
    app.clock.advanceMinutes(11);
    const locked = await app.raw(admin, 'patients.search', { text: '' });
    expect(locked.ok === false && locked.error.code).toBe('SESSION_LOCKED');
    const status = await app.call(admin, 'app.status', {});
    expect(status).toMatchObject({ locked: true, session: null, lockedUsername: 'admin' });
    await app.call(admin, 'auth.signIn', { username: 'admin', password: 'correct horse battery' });
    expect((await app.raw(admin, 'patients.search', { text: '' })).ok).toBe(true);
    const actions = (
      app.core.db.sqlite.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]
    ).map((r) => r.action);
    expect(actions).toContain('auth.idle_lock');
  });

  it('activity keeps a session unlocked', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    for (let i = 0; i < 4; i++) {
      app.clock.advanceMinutes(8);
      expect((await app.raw(admin, 'session.touch', {})).ok).toBe(true);
    }
  });

  it('refuses to register a channel twice', () => {
    const registry = new HandlerRegistry().register('session.touch', () => null);
    expect(() => registry.register('session.touch', () => null)).toThrow(/registered twice/);
  });
});

describe('a full disk', () => {
  it('says the disk is full, saves nothing, and works again once there is room', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const sqlite = app.core.db.sqlite;
    const counts = () => ({
      patients: app.count('patients'),
      changes: app.count('change_log'),
      audit: app.count('audit_log'),
    });
    // SQLite's own cap on the file's size gives the same SQLITE_FULL a full disk does: register
    // patients until the file has no room left.
    sqlite.pragma(`max_page_count = ${(sqlite.pragma('page_count', { simple: true }) as number) + 4}`);
    const patient = (n: number) => ({
      patient: patientInput({ givenNames: `Kofi ${n}`, familyName: 'Boateng', notes: 'x'.repeat(1900), phones: [] }),
    });
    let before = counts();
    let result = await app.raw(admin, 'patients.register', patient(0));
    for (let n = 1; result.ok && n < 100; n++) {
      before = counts();
      result = await app.raw(admin, 'patients.register', patient(n));
    }
    expect(result).toEqual({
      ok: false,
      error: { code: 'DISK_FULL', message: 'The disk is full, so nothing was saved. Free some space, then try again.' },
    });
    expect(counts()).toEqual(before);

    sqlite.pragma('max_page_count = 1073741823');
    await app.call(admin, 'patients.register', patient(100));
    expect(app.count('patients')).toBe(before.patients + 1);
  });
});
