import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, TestClock, type TestApp } from '../support';
import { clinicWithBackupFolder, databasePath, filesIn, sha } from './backup-support';

const open: TestApp[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const app of open.splice(0)) app.close();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const isRoot = process.getuid?.() === 0;

/** A 64 KiB tmpfs: a backup folder that fills up. Needs root (and a system that lets it mount). */
function tinyDisk(): string | null {
  if (!isRoot || process.platform !== 'linux') return null;
  const dir = tempDir('chartbook-tiny-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  cleanups.push(() => execFileSync('umount', [dir]));
  return dir;
}

/**
 * Makes a folder read-only for this process: chmod for an ordinary user; as root (CI here), whom
 * permissions do not stop, an empty read-only tmpfs mounted over it. False where neither is possible.
 */
function makeReadOnly(folder: string): boolean {
  if (!isRoot) {
    fs.chmodSync(folder, 0o555);
    cleanups.push(() => fs.chmodSync(folder, 0o755));
    return true;
  }
  if (process.platform !== 'linux') return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', folder], { stdio: 'ignore' });
  } catch {
    return false;
  }
  cleanups.push(() => execFileSync('umount', [folder]));
  return true;
}

describe('backup folder problems: a clear message, nothing lost', () => {
  it('refuses a folder that is relative, missing, a file, or inside the data folder', async () => {
    const { app, admin } = await clinicWithBackupFolder();
    open.push(app);
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, 'x');
    for (const [folder, words] of [
      ['backups', 'whole path'],
      [path.join(tempDir(), 'unplugged'), 'is not there'],
      [file, 'is a file'],
      [app.dir, 'outside'],
    ] as const) {
      const result = await app.raw(admin, 'backups.setFolder', { folder });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { folder: expect.stringContaining(words) } },
      });
    }
  });

  it('a missing folder (USB disk unplugged) fails the backup with a message, recorded and audited', async () => {
    const { app, admin, folder } = await clinicWithBackupFolder();
    open.push(app);
    fs.rmSync(folder, { recursive: true });
    const before = sha(databasePath(app));
    const result = await app.raw(admin, 'backups.run', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('plug the disk in') },
    });
    const status = await app.call(admin, 'backups.status', {});
    expect(status.lastFailure?.message).toContain(folder);
    expect(status.last).toBeNull();
    expect((await app.call(admin, 'backups.list', {})).problem).toContain('is not there');
    const audit = app.core.db.sqlite.prepare("SELECT outcome FROM audit_log WHERE action = 'backup.create'").all() as {
      outcome: string;
    }[];
    expect(audit).toEqual([{ outcome: 'failure' }]);
    expect(app.count('patients')).toBe(1);
    void before;
  });

  it('a read-only folder fails the backup with a message (as root, where chmod stops nothing, a read-only mount)', async (t) => {
    const { app, admin, folder } = await clinicWithBackupFolder();
    open.push(app);
    if (!makeReadOnly(folder)) {
      t.skip('running as root where a read-only tmpfs cannot be mounted (not Linux, or no mount permission)');
      return;
    }
    const result = await app.raw(admin, 'backups.run', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('may not write') },
    });
    expect(filesIn(folder)).toEqual([]);
  });

  it('a full disk fails the backup with a message and leaves no partial file (tmpfs; skipped where it cannot mount)', async (t) => {
    const disk = tinyDisk();
    if (!disk) {
      t.skip('a 64 KB tmpfs cannot be mounted here (mounting needs root on Linux)');
      return;
    }
    const { app, admin } = await clinicWithBackupFolder();
    open.push(app);
    await app.call(admin, 'backups.setFolder', { folder: disk });
    const result = await app.raw(admin, 'backups.run', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'DISK_FULL', message: expect.stringContaining('is full') },
    });
    expect(filesIn(disk)).toEqual([]);
    expect(app.count('patients')).toBe(1);
  });

  it('a clock moved back: the age is never negative and rotation keeps the backups named "in the future"', async () => {
    const clock = new TestClock(Date.parse('2026-03-20T12:00:00Z'));
    const { app, admin, folder } = await clinicWithBackupFolder(clock);
    open.push(app);
    const later = await app.call(admin, 'backups.run', {});
    // Older backups to rotate: one a day for the 30 days before.
    const bytes = fs.readFileSync(path.join(folder, later.file));
    for (let day = 1; day <= 30; day++) {
      const at = new Date(Date.parse('2026-03-20T12:00:00Z') - day * 86_400_000);
      fs.writeFileSync(path.join(folder, `chartbook-${at.toISOString().slice(0, 10)}-120000.cbbackup`), bytes);
    }
    clock.ms = Date.parse('2026-03-18T08:00:00Z'); // two days back
    const status = await app.call(admin, 'backups.status', {});
    expect(status.ageMs).toBe(0);
    expect(status.tooOld).toBe(false);

    await app.call(admin, 'auth.signIn', { username: 'admin', password: 'correct horse battery' });
    const made = await app.call(admin, 'backups.run', {});
    const left = filesIn(folder);
    expect(left).toContain(later.file);
    expect(left).toContain(made.file);
    expect(left.length).toBeLessThan(32);
    const list = await app.call(admin, 'backups.list', {});
    expect(list.backups.find((b) => b.file === later.file)).toMatchObject({ future: true, verified: true });
  });
});
