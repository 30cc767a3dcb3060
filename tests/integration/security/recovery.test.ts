import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../../electron/main/core-thread/core-client';
import { formatRecoveryKey, generateMasterKey, parseRecoveryKey } from '../../../electron/main/security/clinic-keys';
import { KEY_FILE, keyFileMasterKey } from '../../../electron/main/security/key-file';
import { call, signIn, startTestCore } from '../core-thread/core-thread-support';
import { ADMIN_PASSWORD, addUser, openTestApp, setUpClinic } from '../support';

const running: CoreClient[] = [];
afterEach(async () => {
  for (const core of running.splice(0)) await core.close();
});

/** A set-up clinic whose key file is gone (a new computer, a reinstalled system): its recovery key and folder. */
async function clinicWithoutKey(): Promise<{ dir: string; recoveryKey: string; master: Buffer }> {
  const app = openTestApp();
  const admin = await setUpClinic(app);
  const { recoveryKey } = await app.call(admin, 'security.recoveryKey', { password: ADMIN_PASSWORD });
  app.close();
  const master = keyFileMasterKey(app.dir);
  fs.rmSync(path.join(app.dir, KEY_FILE));
  return { dir: app.dir, recoveryKey, master };
}

describe('the recovery key', () => {
  it('reads back whatever the case, spacing or dashes, and O/I/L typed for 0/1', () => {
    const master = generateMasterKey();
    const key = formatRecoveryKey(master);
    expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){10}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(parseRecoveryKey(key)).toEqual(master);
    expect(parseRecoveryKey(` ${key.toLowerCase().replace(/-/g, ' ')} `)).toEqual(master);
    expect(parseRecoveryKey(key.replace(/0/g, 'O').replace(/1/g, 'l'))).toEqual(master);
  });

  it('is shown again only to an administrator with their password, and each showing is audited', async () => {
    const app = openTestApp();
    const admin = await setUpClinic(app);
    const desk = await addUser(app, admin, 'desk', ['receptionist']);
    const shown = await app.call(admin, 'security.recoveryKey', { password: ADMIN_PASSWORD });
    expect(parseRecoveryKey(shown.recoveryKey)).toEqual(keyFileMasterKey(app.dir));

    const wrong = await app.raw(admin, 'security.recoveryKey', { password: 'not my password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { password: expect.any(String) } } });
    expect(JSON.stringify(wrong)).not.toContain(shown.recoveryKey);
    expect(await app.raw(desk, 'security.recoveryKey', { password: 'quiet harbour lamp 1' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const audited = app.core.db.sqlite
      .prepare("SELECT outcome FROM audit_log WHERE action = 'security.recovery_key_view' ORDER BY seq")
      .all();
    expect(audited).toEqual([{ outcome: 'success' }, { outcome: 'failure' }]);
    app.close();
  }, 60_000);

  it('opens a clinic whose key this computer lost; bad keys are refused with a reason and change nothing', async () => {
    const { dir, recoveryKey, master } = await clinicWithoutKey();
    const before = fs.readFileSync(path.join(dir, 'chartbook.sqlite'));
    let kept: Buffer | null = null;
    const core = await startTestCore(dir, { masterKey: null, onKeyRecovered: (m) => (kept = m) });
    running.push(core);
    core.openSession('w1');

    expect(await call(core, 'w1', 'app.status', {})).toMatchObject({ recoveryRequired: true, setupRequired: false });
    expect(await core.dispatch('w1', 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'RECOVERY_REQUIRED' },
    });

    const attempt = (typed: string) => core.dispatch('w1', 'recovery.unlock', { recoveryKey: typed });
    const groups = recoveryKey.split('-');
    expect(await attempt('')).toMatchObject({ error: { fields: { recoveryKey: /Enter the recovery key/ } } });
    expect(await attempt(`${recoveryKey}!`)).toMatchObject({ error: { fields: { recoveryKey: /do not belong: !/ } } });
    expect(await attempt(groups.slice(1).join('-'))).toMatchObject({
      error: { fields: { recoveryKey: /55 characters.*this has 50/ } },
    });
    const swapped = recoveryKey.slice(0, 2) + (recoveryKey[2] === 'A' ? 'B' : 'A') + recoveryKey.slice(3);
    expect(await attempt(swapped)).toMatchObject({ error: { fields: { recoveryKey: /mistyped/ } } });
    expect(await attempt(formatRecoveryKey(generateMasterKey()))).toMatchObject({
      error: { fields: { recoveryKey: /does not open this clinic's data/ } },
    });
    expect(fs.readFileSync(path.join(dir, 'chartbook.sqlite')).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir, KEY_FILE))).toBe(false);
    expect(kept).toBeNull();

    expect(await attempt(recoveryKey.toLowerCase())).toEqual({ ok: true, value: null });
    expect(kept).toEqual(master);
    expect(await call(core, 'w1', 'app.status', {})).toMatchObject({
      recoveryRequired: false,
      clinicName: 'Riverside Family Clinic',
    });
    await signIn(core, 'w1', 'admin');
    expect(await core.dispatch('w1', 'recovery.unlock', { recoveryKey })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  }, 60_000);
});
