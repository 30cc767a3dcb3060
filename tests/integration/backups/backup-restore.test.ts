import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPlainSqliteFile } from '../../../electron/main/db/files';
import { formatRecoveryKey, generateMasterKey } from '../../../electron/main/security/clinic-keys';
import { keyFileMasterKey } from '../../../electron/main/security/key-file';
import {
  ADMIN_PASSWORD,
  addUser,
  MIGRATIONS_DIR,
  openTestApp,
  patientInput,
  tempDir,
  TestClock,
  type TestApp,
} from '../support';
import { clinicWithBackupFolder, databasePath, filesIn, sha } from './backup-support';

const open: TestApp[] = [];
afterEach(() => {
  for (const app of open.splice(0)) app.close();
});

const CLINIC = 'Riverside Family Clinic';

describe('backups', () => {
  it('makes an encrypted, verified backup while the core keeps answering, and shows it', async () => {
    const { app, admin, folder } = await clinicWithBackupFolder();
    open.push(app);
    const making = app.call(admin, 'backups.run', {});
    // The copy runs in its own thread: the core answers meanwhile.
    const found = await app.call(admin, 'patients.search', { text: 'garcia' });
    expect(found).toHaveLength(1);
    const made = await making;
    expect(made.file).toMatch(/^chartbook-2026-03-10-090000\.cbbackup$/);
    const file = path.join(folder, made.file);
    expect(fs.statSync(file).size).toBe(made.sizeBytes);
    expect(isPlainSqliteFile(file)).toBe(false);
    expect(filesIn(folder)).toEqual([made.file]);

    const status = await app.call(admin, 'backups.status', {});
    expect(status).toMatchObject({ folder, last: made, ageMs: 0, tooOld: false, lastFailure: null, running: null });
    const list = await app.call(admin, 'backups.list', {});
    expect(list.backups).toEqual([
      { file: made.file, at: '2026-03-10T09:00:00.000Z', sizeBytes: made.sizeBytes, verified: true, future: false },
    ]);
    const audit = app.core.db.sqlite
      .prepare("SELECT outcome, details FROM audit_log WHERE action = 'backup.create'")
      .all() as { outcome: string; details: string }[];
    expect(audit).toEqual([{ outcome: 'success', details: expect.stringContaining(made.file) }]);
  });

  it('says a backup is too old after 24 hours, and the front desk sees the status but may not back up or restore', async () => {
    const clock = new TestClock();
    const { app, admin } = await clinicWithBackupFolder(clock);
    open.push(app);
    expect((await app.call(admin, 'backups.status', {})).tooOld).toBe(true);
    await addUser(app, admin, 'desk', ['receptionist']);
    await app.call(admin, 'backups.run', {});
    clock.advanceMinutes(25 * 60);
    const desk = app.core.newSession();
    await app.call(desk, 'auth.signIn', { username: 'desk', password: 'quiet harbour lamp 1' });
    const status = await app.call(desk, 'backups.status', {});
    expect(status.tooOld).toBe(true);
    expect(status.ageMs).toBe(25 * 3_600_000);
    for (const channel of ['backups.run', 'backups.list', 'backups.restore', 'backups.setFolder'] as const) {
      const result = await app.raw(desk, channel, {});
      expect(result.ok ? 'ok' : result.error.code).toMatch(/FORBIDDEN|VALIDATION/);
    }
    expect((await app.raw(desk, 'backups.run', {})) as unknown).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('restores a backup: the data before is kept aside, every session signs in again, audited', async () => {
    const { app, admin, folder, restored } = await clinicWithBackupFolder();
    open.push(app);
    const made = await app.call(admin, 'backups.run', {});
    await app.call(admin, 'patients.register', {
      patient: patientInput({ givenNames: 'Later', familyName: 'Patient', phones: [] }),
      confirmedNotDuplicate: true,
    });
    const desk = await addUser(app, admin, 'desk', ['receptionist']);
    expect(app.count('patients')).toBe(2);
    const before = sha(databasePath(app));

    const result = await app.call(admin, 'backups.restore', {
      file: made.file,
      confirmation: CLINIC.toUpperCase(),
      password: ADMIN_PASSWORD,
    });
    expect(result.keptAs).toMatch(/^chartbook-before-restore-2026-03-10-090000\.sqlite$/);
    expect(app.count('patients')).toBe(1);
    expect(restored).toHaveLength(1);
    expect(fs.existsSync(path.join(folder, made.file))).toBe(true);
    // The data before the restore is kept, whole (the clean close folded its WAL into the file).
    const kept = path.join(app.dir, result.keptAs);
    expect(sha(kept)).not.toBe('');
    expect(fs.statSync(kept).size).toBeGreaterThan(0);
    void before;

    for (const session of [admin, desk]) {
      expect(await app.raw(session, 'patients.search', { text: 'garcia' })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
    }
    const again = app.core.newSession();
    await app.call(again, 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
    const audit = app.core.db.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'backup.restore'").all() as {
      details: string;
    }[];
    expect(audit.map((a) => a.details)).toEqual([expect.stringContaining(result.keptAs)]);
    // The account made after the backup is gone with the rest of that later data.
    expect(
      await app.raw(app.core.newSession(), 'auth.signIn', { username: 'desk', password: 'quiet harbour lamp 1' }),
    ).toMatchObject({ ok: false });
  });

  it('refuses a restore without the clinic name or the right password, changing nothing', async () => {
    const { app, admin } = await clinicWithBackupFolder();
    open.push(app);
    const made = await app.call(admin, 'backups.run', {});
    const before = sha(databasePath(app));
    const wrongName = await app.raw(admin, 'backups.restore', {
      file: made.file,
      confirmation: 'Riverside',
      password: ADMIN_PASSWORD,
    });
    expect(wrongName).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { confirmation: expect.stringContaining(CLINIC) } },
    });
    const wrongPassword = await app.raw(admin, 'backups.restore', {
      file: made.file,
      confirmation: CLINIC,
      password: 'nope',
    });
    expect(wrongPassword).toMatchObject({ ok: false, error: { fields: { password: expect.any(String) } } });
    expect(app.count('patients')).toBe(1);
    expect(fs.readdirSync(app.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    void before;
  });

  it('refuses a truncated or damaged backup, naming the file and why; the current data is untouched', async () => {
    const { app, admin, folder } = await clinicWithBackupFolder();
    open.push(app);
    const made = await app.call(admin, 'backups.run', {});
    const bytes = fs.readFileSync(path.join(folder, made.file));
    const truncated = 'chartbook-2026-03-09-080000.cbbackup';
    fs.writeFileSync(path.join(folder, truncated), bytes.subarray(0, 4096));
    const damaged = 'chartbook-2026-03-09-070000.cbbackup';
    const broken = Buffer.from(bytes);
    broken.fill(0x55, 5000, 7000);
    fs.writeFileSync(path.join(folder, damaged), broken);
    const empty = 'chartbook-2026-03-09-060000.cbbackup';
    fs.writeFileSync(path.join(folder, empty), '');

    for (const file of [truncated, damaged, empty]) {
      const result = await app.raw(admin, 'backups.restore', { file, confirmation: CLINIC, password: ADMIN_PASSWORD });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringContaining(file) },
      });
      expect(app.count('patients')).toBe(1);
    }
    // Still signed in, on the same data; nothing was put aside or left staged.
    expect(await app.call(admin, 'patients.search', { text: 'garcia' })).toHaveLength(1);
    expect(fs.readdirSync(app.dir).filter((f) => /before-restore|restoring/.test(f))).toEqual([]);
    const list = await app.call(admin, 'backups.list', {});
    expect(list.backups.filter((b) => b.verified).map((b) => b.file)).toEqual([made.file]);
  });

  it('puts the data back when the restored backup cannot be opened (its upgrade fails), and says so', async () => {
    // A backup from before an upgrade whose migration refuses that backup's data: verified as a
    // good file, it fails only when the core opens (and so migrates) it after the swap.
    const migrationsDir = tempDir('chartbook-migrations-');
    fs.cpSync(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    const first = await clinicWithBackupFolder();
    const dir = first.app.dir;
    const made = await first.app.call(first.admin, 'backups.run', {});
    await first.app.call(first.admin, 'patients.register', {
      patient: patientInput({ givenNames: 'Later', familyName: 'Patient', phones: [] }),
      confirmedNotDuplicate: true,
    });
    first.app.close();

    const journalFile = path.join(migrationsDir, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
    const tag = `${String(journal.entries.length).padStart(4, '0')}_restore_guard`;
    journal.entries.push({ ...journal.entries.at(-1)!, idx: journal.entries.length, tag });
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.writeFileSync(
      path.join(migrationsDir, `${tag}.sql`),
      'CREATE TABLE restore_guard (patients INTEGER NOT NULL CHECK (patients > 1));\n--> statement-breakpoint\n' +
        'INSERT INTO restore_guard SELECT count(*) FROM patients;',
    );
    const app = openTestApp(dir, new TestClock(), { migrationsDir });
    open.push(app);
    const admin = app.core.newSession();
    await app.call(admin, 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
    expect(app.count('patients')).toBe(2);

    const result = await app.raw(admin, 'backups.restore', {
      file: made.file,
      confirmation: CLINIC,
      password: ADMIN_PASSWORD,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('your data as it was before the restore is back') },
    });
    // The data before is back in place and open: both patients, the upgraded schema, the same session.
    expect(app.count('patients')).toBe(2);
    expect(app.count('restore_guard')).toBe(1);
    expect(await app.call(admin, 'patients.search', { text: 'patient' })).toHaveLength(1);
    expect(fs.readdirSync(dir).filter((f) => /before-restore|restoring/.test(f))).toEqual([]);
    expect((await app.call(admin, 'audit.verify', {})).ok).toBe(true);
    // The backup itself is untouched and still listed as good.
    const list = await app.call(admin, 'backups.list', {});
    expect(list.backups.map((b) => b.file)).toContain(made.file);
  });

  it('restores a backup from another installation only with its recovery key, and keeps that key', async () => {
    const other = await clinicWithBackupFolder();
    open.push(other.app);
    const foreign = await other.app.call(other.admin, 'backups.run', {});
    const otherMaster = keyFileMasterKey(other.app.dir);

    const { app, admin, folder, restored } = await clinicWithBackupFolder(
      new TestClock(Date.parse('2026-03-11T10:00:00Z')),
    );
    open.push(app);
    fs.copyFileSync(path.join(other.folder, foreign.file), path.join(folder, foreign.file));
    const base = { file: foreign.file, confirmation: CLINIC, password: ADMIN_PASSWORD };

    const noKey = await app.raw(admin, 'backups.restore', base);
    expect(noKey).toMatchObject({
      ok: false,
      error: { fields: { recoveryKey: expect.stringContaining('recovery key') } },
    });
    const wrongKey = await app.raw(admin, 'backups.restore', {
      ...base,
      recoveryKey: formatRecoveryKey(generateMasterKey()),
    });
    expect(wrongKey).toMatchObject({
      ok: false,
      error: { fields: { recoveryKey: expect.stringContaining('does not open') } },
    });
    const mistyped = await app.raw(admin, 'backups.restore', { ...base, recoveryKey: 'ABCDE-12345' });
    expect(mistyped).toMatchObject({ ok: false, error: { fields: { recoveryKey: expect.any(String) } } });
    expect(restored).toEqual([]);

    const done = await app.raw(admin, 'backups.restore', { ...base, recoveryKey: formatRecoveryKey(otherMaster) });
    expect(done.ok).toBe(true);
    expect(restored).toEqual([otherMaster]);
    expect(app.core.ctx.masterKey.equals(otherMaster)).toBe(true);
    expect(app.count('patients')).toBe(1);
  });
});
