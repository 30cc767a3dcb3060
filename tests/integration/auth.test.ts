import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { setPasswordWorkFactorForTests } from '../../electron/main/accounts/password';
import { TEST_PASSWORD_WORK_FACTOR } from '../setup/password-work-factor';
import { MAX_FAILED_SIGN_INS } from '../../electron/main/accounts/auth-service';
import { ADMIN_PASSWORD, openTestApp, setUpClinic, TestClock, type TestApp } from './support';

let app: TestApp;
afterEach(() => app?.close());

function auditActions(app: TestApp): string[] {
  return (app.core.db.sqlite.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map(
    (r) => r.action,
  );
}

describe('first-run setup, sign-in and lockout', () => {
  it('sets up the clinic once, with the admin signed in', async () => {
    app = openTestApp();
    const status = await app.call(app.core.newSession(), 'app.status', {});
    expect(status.setupRequired).toBe(true);
    const admin = await setUpClinic(app);
    expect(admin.user?.roles).toEqual(['admin', 'doctor']);
    const again = await app.raw(app.core.newSession(), 'setup.complete', {
      clinic: { clinicName: 'Other', timeZone: 'UTC' },
      admin: { username: 'mallory', displayName: 'M', password: 'long enough pass', alsoDoctor: false },
    });
    expect(again.ok === false && again.error.code).toBe('ALREADY_SET_UP');
    expect(auditActions(app)).toEqual(['setup.complete', 'auth.sign_in']);
  });

  it('stores passwords as scrypt hashes at OWASP parameters, never in plain text', async () => {
    setPasswordWorkFactorForTests(); // the app's own, not the test setup's lower one
    onTestFinished(() => setPasswordWorkFactorForTests(TEST_PASSWORD_WORK_FACTOR));
    app = openTestApp();
    await setUpClinic(app);
    const row = app.core.db.sqlite.prepare('SELECT password_hash FROM users').get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$17\$8\$1\$/);
    expect(row.password_hash).not.toContain(ADMIN_PASSWORD);
  });

  it('refuses a wrong password with a plain message and audits it', async () => {
    app = openTestApp();
    await setUpClinic(app);
    const result = await app.raw(app.core.newSession(), 'auth.signIn', {
      username: 'ADMIN',
      password: 'wrong password!',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', message: expect.stringMatching(/do not match/) },
    });
    const unknown = await app.raw(app.core.newSession(), 'auth.signIn', {
      username: 'nobody',
      password: 'whatever123',
    });
    expect(unknown.ok === false && unknown.error.code).toBe('INVALID_CREDENTIALS');
    expect(auditActions(app).filter((a) => a === 'auth.sign_in_failed')).toHaveLength(2);
  });

  it('locks an account after repeated failures; the lock survives a restart and expires', async () => {
    const clock = new TestClock();
    app = openTestApp(undefined, clock);
    await setUpClinic(app);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      await app.raw(app.core.newSession(), 'auth.signIn', { username: 'admin', password: `wrong ${i} attempt` });
    }
    app.close();
    app = openTestApp(app.dir, clock); // restart on the same data folder

    const refused = await app.raw(app.core.newSession(), 'auth.signIn', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED', message: expect.stringMatching(/locked until/) },
    });
    expect(auditActions(app)).toContain('auth.lockout');

    clock.advanceMinutes(16);
    expect(
      (await app.raw(app.core.newSession(), 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD })).ok,
    ).toBe(true);
  });

  it('an admin password reset unlocks a locked account', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    await app.call(admin, 'users.create', {
      username: 'nurse',
      displayName: 'N',
      password: 'first password',
      roles: ['receptionist'],
    });
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      await app.raw(app.core.newSession(), 'auth.signIn', { username: 'nurse', password: `nope nope ${i}` });
    }
    const nurse = (await app.call(admin, 'users.list', {})).find((u) => u.username === 'nurse')!;
    expect(nurse.lockedUntil).not.toBeNull();
    await app.call(admin, 'users.resetPassword', { id: nurse.id, newPassword: 'second password' });
    expect(
      (await app.raw(app.core.newSession(), 'auth.signIn', { username: 'nurse', password: 'second password' })).ok,
    ).toBe(true);
  });

  it('signs out and audits sign-out', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    await app.call(admin, 'auth.signOut', {});
    expect(admin.user).toBeNull();
    expect(auditActions(app).at(-1)).toBe('auth.sign_out');
  });

  it('keeps the last active administrator', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const me = (await app.call(admin, 'users.list', {}))[0]!;
    const demote = await app.raw(admin, 'users.update', {
      id: me.id,
      version: me.version,
      displayName: me.displayName,
      roles: ['doctor'],
      currentPassword: ADMIN_PASSWORD,
    });
    expect(demote).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { roles: expect.any(String) } } });
    const disable = await app.raw(admin, 'users.setDisabled', { id: me.id, disabled: true });
    expect(disable.ok).toBe(false);
  });

  it('refuses a user name already taken, whatever its case', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const result = await app.raw(admin, 'users.create', {
      username: 'Admin',
      displayName: 'Another',
      password: 'long enough pass',
      roles: ['doctor'],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { username: expect.stringMatching(/taken/) } },
    });
  });
});
