import { afterEach, describe, expect, it } from 'vitest';
import { addUser, openTestApp, setUpClinic, type TestApp } from '../support';

let app: TestApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

const userRow = (a: TestApp, username: string) =>
  a.core.db.sqlite
    .prepare('SELECT qualifications, registration_number, version FROM users WHERE username = ?')
    .get(username) as { qualifications: string; registration_number: string; version: number };

describe('a doctor’s printed credentials (qualifications, registration number)', { timeout: 120_000 }, () => {
  it('an administrator sets them when adding and editing a doctor; editing only name and roles keeps them', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const created = await app.call(admin, 'users.create', {
      username: 'mehta',
      displayName: 'Dr Priya Mehta',
      password: 'kettle orchard violin 7',
      roles: ['doctor'],
      qualifications: '  MBBS, MD (Medicine)  ',
      registrationNumber: 'MMC 2011/04/1234',
    });
    expect(created).toMatchObject({ qualifications: 'MBBS, MD (Medicine)', registrationNumber: 'MMC 2011/04/1234' });
    expect(userRow(app, 'mehta')).toMatchObject({
      qualifications: 'MBBS, MD (Medicine)',
      registration_number: 'MMC 2011/04/1234',
    });

    // An older caller that edits only the name and roles leaves them as they were.
    const renamed = await app.call(admin, 'users.update', {
      id: created.id,
      version: created.version,
      displayName: 'Dr Priya S. Mehta',
      roles: ['doctor'],
    });
    expect(renamed).toMatchObject({ qualifications: 'MBBS, MD (Medicine)', registrationNumber: 'MMC 2011/04/1234' });

    const edited = await app.call(admin, 'users.update', {
      id: created.id,
      version: renamed.version,
      displayName: 'Dr Priya S. Mehta',
      roles: ['doctor'],
      qualifications: 'MBBS, DNB (Family Medicine)',
      registrationNumber: '',
    });
    expect(edited).toMatchObject({ qualifications: 'MBBS, DNB (Family Medicine)', registrationNumber: '' });
    // Through the record writer: the change is in the change log and audited.
    const audit = app.core.db.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'user.update'")
      .get() as { n: number };
    expect(audit.n).toBe(2);
  });

  it('refuses control and bidi-override characters and over-long text, naming the field; nothing written', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const doctor = await addUser(app, admin, 'rao', ['doctor']);
    const own = await app.call(doctor, 'users.own', {});
    const before = userRow(app, 'rao');
    const changes = app.count('change_log');
    const cases: [Record<string, unknown>, string][] = [
      [{ qualifications: 'MBBS\u202E DM', registrationNumber: '' }, 'qualifications'],
      [{ qualifications: 'MBBS\nMD', registrationNumber: '' }, 'qualifications'],
      [{ qualifications: 'M'.repeat(121), registrationNumber: '' }, 'qualifications'],
      [{ qualifications: '', registrationNumber: 'R'.repeat(41) }, 'registrationNumber'],
      [{ qualifications: '', registrationNumber: 'MMC <1234>' }, 'registrationNumber'],
    ];
    for (const [input, field] of cases) {
      const refused = await app.raw(doctor, 'users.updateOwnCredentials', { version: own.version, ...input });
      expect(refused, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!refused.ok) expect(Object.keys(refused.error.fields ?? {}), JSON.stringify(input)).toContain(field);
    }
    expect(userRow(app, 'rao')).toEqual(before);
    expect(app.count('change_log')).toBe(changes);

    // A zero-width space (pasted) has no meaning in a credential: removed, as in every text field.
    const saved = await app.call(doctor, 'users.updateOwnCredentials', {
      version: own.version,
      qualifications: 'MBBS\u200B, MD',
      registrationNumber: 'MMC 1234',
    });
    expect(saved.qualifications).toBe('MBBS, MD');
  });

  it('a doctor edits their own; a receptionist may not; a stale version is a conflict', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const doctor = await addUser(app, admin, 'rao', ['doctor']);
    const desk = await addUser(app, admin, 'desk', ['receptionist']);
    const own = await app.call(doctor, 'users.own', {});
    expect(own).toMatchObject({ username: 'rao', qualifications: '', registrationNumber: '' });
    const saved = await app.call(doctor, 'users.updateOwnCredentials', {
      version: own.version,
      qualifications: 'MBBS',
      registrationNumber: 'KMC 55/2019',
    });
    expect(saved).toMatchObject({ username: 'rao', qualifications: 'MBBS', registrationNumber: 'KMC 55/2019' });
    expect((await app.call(doctor, 'users.own', {})).version).toBe(saved.version);

    const stale = await app.raw(doctor, 'users.updateOwnCredentials', {
      version: own.version,
      qualifications: 'MBBS, MD',
      registrationNumber: 'KMC 55/2019',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const deskOwn = await app.call(desk, 'users.own', {});
    const refused = await app.raw(desk, 'users.updateOwnCredentials', {
      version: deskOwn.version,
      qualifications: 'MBBS',
      registrationNumber: '',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(userRow(app, 'desk')).toMatchObject({ qualifications: '', registration_number: '' });
  });
});
