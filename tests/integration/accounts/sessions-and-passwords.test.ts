// Every sign-in and password change runs scrypt at OWASP parameters (slow on a busy machine): long timeouts.
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { setPasswordWorkFactorForTests } from '../../../electron/main/accounts/password';
import { TEST_PASSWORD_WORK_FACTOR } from '../../setup/password-work-factor';
import { MAX_FAILED_SIGN_INS } from '../../../electron/main/accounts/auth-service';
import { passwordProblem } from '../../../electron/main/accounts/password-policy';
import type { Session } from '../../../electron/main/ipc/session';
import { ADMIN_PASSWORD, addUser, openTestApp, setUpClinic, TestClock, type TestApp } from '../support';

let app: TestApp;
afterEach(() => app?.close());

const DESK_PASSWORD = 'quiet harbour lamp 1';

function userRow(username: string) {
  return app.core.db.sqlite
    .prepare('SELECT id, version, password_hash, session_epoch, must_change_password FROM users WHERE username = ?')
    .get(username) as {
    id: string;
    version: number;
    password_hash: string;
    session_epoch: number;
    must_change_password: number;
  };
}

async function userId(admin: Session, username: string): Promise<string> {
  return (await app.call(admin, 'users.list', {})).find((u) => u.username === username)!.id;
}

function auditActions(): string[] {
  return (app.core.db.sqlite.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map(
    (r) => r.action,
  );
}

describe('an administrator ends sessions', { timeout: 120_000 }, () => {
  it('a password reset ends every open session of that user, and only theirs', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const desk = await addUser(app, admin, 'desk', ['receptionist']);
    const deskElsewhere = app.core.newSession();
    await app.call(deskElsewhere, 'auth.signIn', { username: 'desk', password: DESK_PASSWORD });
    const doctor = await addUser(app, admin, 'drlee', ['doctor']);
    expect((await app.raw(desk, 'patients.search', { text: 'a' })).ok).toBe(true);

    await app.call(admin, 'users.resetPassword', {
      id: await userId(admin, 'desk'),
      newPassword: 'given by the office',
    });

    for (const session of [desk, deskElsewhere]) {
      const refused = await app.raw(session, 'patients.search', { text: 'a' });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/session was ended.*Sign in again/) },
      });
      // Ended for good: the window shows the sign-in screen, not the shell.
      expect((await app.call(session, 'app.status', {})).session).toBeNull();
    }
    expect((await app.raw(doctor, 'patients.search', { text: 'a' })).ok).toBe(true);
    expect((await app.raw(admin, 'users.list', {})).ok).toBe(true);
  });

  it('disabling ends open sessions; enabling again does not bring them back', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const desk = await addUser(app, admin, 'desk', ['receptionist']);
    const id = await userId(admin, 'desk');
    const epochBefore = userRow('desk').session_epoch;
    await app.call(admin, 'users.setDisabled', { id, disabled: true });
    expect(userRow('desk').session_epoch).toBe(epochBefore + 1);
    await app.call(admin, 'users.setDisabled', { id, disabled: false });
    const refused = await app.raw(desk, 'patients.search', { text: 'a' });
    expect(refused.ok === false && refused.error.code).toBe('UNAUTHENTICATED');
    // Signing in again works (the password was not changed).
    const again = app.core.newSession();
    expect((await app.raw(again, 'auth.signIn', { username: 'desk', password: DESK_PASSWORD })).ok).toBe(true);
    expect((await app.raw(again, 'patients.search', { text: 'a' })).ok).toBe(true);
  });

  it('a refused reset (common password) changes nothing and ends no session', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const desk = await addUser(app, admin, 'desk', ['receptionist']);
    const before = userRow('desk');
    const refused = await app.raw(admin, 'users.resetPassword', { id: before.id, newPassword: 'password1234' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { newPassword: expect.stringMatching(/most common passwords/) } },
    });
    expect(userRow('desk')).toEqual(before);
    expect((await app.raw(desk, 'patients.search', { text: 'a' })).ok).toBe(true);
  });
});

describe('a password an administrator set must be changed at the next sign-in', { timeout: 120_000 }, () => {
  it('after create: only changing it, signing out, touch and lock pass until it is changed', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    await app.call(admin, 'users.create', {
      username: 'nurse',
      displayName: 'Nina Ortiz',
      password: 'given by the office',
      roles: ['receptionist'],
    });
    expect((await app.call(admin, 'users.list', {})).find((u) => u.username === 'nurse')!.mustChangePassword).toBe(
      true,
    );
    const nurse = app.core.newSession();
    const info = await app.call(nurse, 'auth.signIn', { username: 'nurse', password: 'given by the office' });
    expect(info.mustChangePassword).toBe(true);
    expect((await app.call(nurse, 'app.status', {})).session?.mustChangePassword).toBe(true);

    const search = await app.raw(nurse, 'patients.search', { text: 'a' });
    expect(search).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_CHANGE_REQUIRED', message: expect.stringMatching(/Choose a new password first/) },
    });
    expect((await app.raw(nurse, 'settings.get', {})).ok).toBe(false);
    expect((await app.raw(nurse, 'session.touch', {})).ok).toBe(true);

    // Refusals, each with its own field message, change nothing.
    const before = userRow('nurse');
    const wrongCurrent = await app.raw(nurse, 'auth.changePassword', {
      currentPassword: 'not the one',
      newPassword: 'a brand new secret',
    });
    expect(wrongCurrent).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { currentPassword: 'That is not your current password' } },
    });
    const same = await app.raw(nurse, 'auth.changePassword', {
      currentPassword: 'given by the office',
      newPassword: 'given by the office',
    });
    expect(same).toMatchObject({ ok: false, error: { fields: { newPassword: expect.stringMatching(/different/) } } });
    const withName = await app.raw(nurse, 'auth.changePassword', {
      currentPassword: 'given by the office',
      newPassword: 'ninaortiz2026!',
    });
    expect(withName).toMatchObject({
      ok: false,
      error: { fields: { newPassword: 'The password must not contain the person’s name' } },
    });
    const withUsername = await app.raw(nurse, 'auth.changePassword', {
      currentPassword: 'given by the office',
      newPassword: 'i am the NURSE here',
    });
    expect(withUsername).toMatchObject({
      ok: false,
      error: { fields: { newPassword: 'The password must not contain the user name' } },
    });
    const tooShort = await app.raw(nurse, 'auth.changePassword', {
      currentPassword: 'given by the office',
      newPassword: 'short',
    });
    expect(tooShort).toMatchObject({
      ok: false,
      error: { fields: { newPassword: expect.stringMatching(/at least/) } },
    });
    expect(userRow('nurse')).toEqual(before);

    const changed = await app.call(nurse, 'auth.changePassword', {
      currentPassword: 'given by the office',
      newPassword: 'my own secret words',
    });
    expect(changed.mustChangePassword).toBe(false);
    expect((await app.raw(nurse, 'patients.search', { text: 'a' })).ok).toBe(true);
    expect(userRow('nurse').must_change_password).toBe(0);
    expect(auditActions()).toContain('auth.password_change');

    const next = app.core.newSession();
    expect((await app.raw(next, 'auth.signIn', { username: 'nurse', password: 'given by the office' })).ok).toBe(false);
    const signedIn = await app.call(next, 'auth.signIn', { username: 'nurse', password: 'my own secret words' });
    expect(signedIn.mustChangePassword).toBe(false);
  });

  it('after a reset too; the setup administrator chose their own and is not asked', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    expect((await app.call(admin, 'app.status', {})).session?.mustChangePassword).toBe(false);
    await addUser(app, admin, 'desk', ['receptionist']);
    await app.call(admin, 'users.resetPassword', {
      id: await userId(admin, 'desk'),
      newPassword: 'given by the office',
    });
    const desk = app.core.newSession();
    expect(
      (await app.call(desk, 'auth.signIn', { username: 'desk', password: 'given by the office' })).mustChangePassword,
    ).toBe(true);
    expect((await app.raw(desk, 'patients.search', { text: 'a' })).ok).toBe(false);
    // Signing out is allowed.
    expect((await app.raw(desk, 'auth.signOut', {})).ok).toBe(true);
  });

  it('changing one’s own password ends one’s other sessions but not this one', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const desk = await addUser(app, admin, 'desk', ['receptionist']);
    const other = app.core.newSession();
    await app.call(other, 'auth.signIn', { username: 'desk', password: DESK_PASSWORD });
    const epoch = userRow('desk').session_epoch;
    await app.call(desk, 'auth.changePassword', { currentPassword: DESK_PASSWORD, newPassword: 'another long secret' });
    expect(userRow('desk').session_epoch).toBe(epoch + 1);
    expect((await app.raw(desk, 'patients.search', { text: 'a' })).ok).toBe(true);
    const ended = await app.raw(other, 'patients.search', { text: 'a' });
    expect(ended.ok === false && ended.error.code).toBe('UNAUTHENTICATED');
    expect((await app.raw(admin, 'users.list', {})).ok).toBe(true);
  });
});

describe('new passwords are checked against the person and a list of common passwords', { timeout: 120_000 }, () => {
  it('at setup, creating a user and resetting, with a message on the field', async () => {
    app = openTestApp();
    const setup = await app.raw(app.core.newSession(), 'setup.complete', {
      clinic: { clinicName: 'Riverside', timeZone: 'Europe/Berlin' },
      admin: { username: 'okafor', displayName: 'Dr Amara Okafor', password: 'Okafor is my name', alsoDoctor: true },
    });
    expect(setup).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'admin.password': 'The password must not contain the user name' } },
    });
    expect(app.count('users')).toBe(0);

    const admin = await setUpClinic(app);
    const common = await app.raw(admin, 'users.create', {
      username: 'nurse',
      displayName: 'Nina Ortiz',
      password: 'Qwertyuiop',
      roles: ['receptionist'],
    });
    expect(common).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { password: expect.stringMatching(/most common passwords/) } },
    });
    const named = await app.raw(admin, 'users.create', {
      username: 'nurse',
      displayName: 'Nina Ortiz',
      password: 'ORTIZ of the clinic',
      roles: ['receptionist'],
    });
    expect(named).toMatchObject({ ok: false, error: { fields: { password: expect.stringMatching(/name/) } } });
    expect(app.count('users')).toBe(1);
  });

  it('knows the list: common passwords with spaces or capitals are still common', () => {
    const owner = { username: 'nurse', displayName: 'Nina Ortiz' };
    for (const p of ['1234567890', 'password123', 'Pass Word 123', 'iloveyou12', 'QWERTYUIOP']) {
      expect(passwordProblem(p, owner), p).toMatch(/most common/);
    }
    for (const p of ['correct horse battery', 'quiet harbour lamp 1', 'Dr is short']) {
      expect(passwordProblem(p, { username: 'admin', displayName: 'Dr Amara Okafor' }), p).toBeNull();
    }
  });
});

describe('sign-in says nothing about the account until the password is right', { timeout: 120_000 }, () => {
  const timed = async (run: () => Promise<unknown>): Promise<{ ms: number; result: unknown }> => {
    const start = performance.now();
    const result = await run();
    return { ms: performance.now() - start, result };
  };

  it('disabled, locked and unknown accounts answer a wrong password like a good account does', async () => {
    setPasswordWorkFactorForTests(); // the app's own: every answer must pay the real hash
    onTestFinished(() => setPasswordWorkFactorForTests(TEST_PASSWORD_WORK_FACTOR));
    const clock = new TestClock();
    app = openTestApp(undefined, clock);
    const admin = await setUpClinic(app);
    await addUser(app, admin, 'gone', ['receptionist']);
    await addUser(app, admin, 'locked', ['receptionist']);
    await app.call(admin, 'users.setDisabled', { id: await userId(admin, 'gone'), disabled: true });
    const signIn = (username: string, password: string) =>
      app.raw(app.core.newSession(), 'auth.signIn', { username, password });

    // Five wrong passwords lock the account; the fifth says nothing about it.
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      const r = await signIn('locked', `wrong guess ${i}`);
      expect(r.ok === false && r.error.code).toBe('INVALID_CREDENTIALS');
    }
    expect(userRow('locked').must_change_password).toBe(0);

    const generic = {
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', message: expect.stringMatching(/do not match/) },
    };
    const answers = [];
    for (const username of ['admin', 'gone', 'locked', 'nobody']) {
      const { ms, result } = await timed(() => signIn(username, 'wrong password here'));
      expect(result, username).toMatchObject(generic);
      answers.push(JSON.stringify(result));
      // Every answer ran the password hash (scrypt at N=2^17 takes well over 20 ms).
      expect(ms, username).toBeGreaterThan(20);
    }
    expect(new Set(answers).size).toBe(1);

    // Only the right password hears why it cannot sign in.
    expect(await signIn('gone', DESK_PASSWORD)).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_DISABLED', message: expect.stringMatching(/disabled/) },
    });
    const { ms, result } = await timed(() => signIn('locked', DESK_PASSWORD));
    expect(ms).toBeGreaterThan(20);
    // 09:00 UTC + 15 minutes, on the clinic's clock (Berlin, UTC+1 in March).
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED', message: expect.stringMatching(/locked until 10:15 \(Europe\/Berlin time\)/) },
    });
    // A wrong password while locked does not extend the lock; after it ends, the right one works.
    await signIn('locked', 'wrong again here');
    clock.advanceMinutes(16);
    expect((await signIn('locked', DESK_PASSWORD)).ok).toBe(true);
    expect((await signIn('admin', ADMIN_PASSWORD)).ok).toBe(true);
  });
});

describe('the idle lock', { timeout: 120_000 }, () => {
  it('the core can lock an idle session without a call, and says when it would', async () => {
    const clock = new TestClock();
    app = openTestApp(undefined, clock);
    const admin = await setUpClinic(app);
    const deadline = app.core.idleDeadlineMs(admin);
    expect(deadline).toBe(clock.ms + 10 * 60_000);
    clock.advanceMinutes(10);
    expect(app.core.lockIfIdle(admin)).toBe(false);
    clock.advanceMinutes(1);
    expect(app.core.lockIfIdle(admin)).toBe(true);
    expect(admin.locked).toBe(true);
    expect(app.core.idleDeadlineMs(admin)).toBeNull();
    expect(app.core.lockIfIdle(admin)).toBe(false);
    expect(auditActions()).toContain('auth.idle_lock');
    const refused = await app.raw(admin, 'users.list', {});
    expect(refused.ok === false && refused.error.code).toBe('SESSION_LOCKED');
  });
});
