import { describe, expect, it } from 'vitest';
import { backupBaseName, backupTime } from '../../../electron/main/backups/backup-files';
import { backupProblem } from '../../../electron/main/backups/backup-problems';
import { backupsToDelete } from '../../../electron/main/backups/backup-rotation';

const HOUR = 3_600_000;
const named = (at: Date, suffix = '') => ({ name: `${backupBaseName(at)}${suffix}.cbbackup`, at });

describe('backup names', () => {
  it('names a backup by its UTC time and reads the time back', () => {
    const at = new Date('2026-03-10T09:05:07.123Z');
    expect(backupBaseName(at)).toBe('chartbook-2026-03-10-090507');
    expect(backupTime('chartbook-2026-03-10-090507.cbbackup')).toEqual(new Date('2026-03-10T09:05:07Z'));
    expect(backupTime('chartbook-2026-03-10-090507-2.cbbackup')).toEqual(new Date('2026-03-10T09:05:07Z'));
    expect(backupTime('chartbook-2026-03-10-090507.cbbackup.partial')).toBeNull();
    expect(backupTime('holiday.jpg')).toBeNull();
  });
});

describe('rotation', () => {
  const now = new Date('2026-06-30T12:00:00Z');

  it('keeps the newest 3, one a day for 7 days, a week for 4 weeks, a month for 12 months', () => {
    // Every 4 hours for 400 days.
    const backups = Array.from({ length: 400 * 6 }, (_, i) => named(new Date(now.getTime() - i * 4 * HOUR)));
    const deleted = new Set(backupsToDelete(backups, now, backups[0]!.name));
    const kept = backups.filter((b) => !deleted.has(b.name));
    expect(kept.slice(0, 3)).toEqual(backups.slice(0, 3));
    expect(new Set(kept.map((b) => b.at.toISOString().slice(0, 10))).size).toBeGreaterThanOrEqual(7);
    expect(kept.length).toBeLessThanOrEqual(3 + 7 + 4 + 12);
    expect(new Set(kept.map((b) => b.at.toISOString().slice(0, 7))).size).toBe(12);
  });

  it('never deletes the backup just verified, even when it is the oldest by name', () => {
    const backups = [named(new Date('2026-06-29T12:00:00Z')), named(new Date('2020-01-01T00:00:00Z'))];
    expect(backupsToDelete(backups, now, backups[1]!.name, { newest: 0, daily: 0, weekly: 0, monthly: 0 })).toEqual([
      backups[0]!.name,
    ]);
  });

  it('keeps backups named in the future (a clock moved back) and does not let them push out the real newest', () => {
    const future = Array.from({ length: 10 }, (_, i) => named(new Date(now.getTime() + (i + 1) * 24 * HOUR)));
    const real = Array.from({ length: 5 }, (_, i) => named(new Date(now.getTime() - i * 24 * HOUR)));
    const deleted = backupsToDelete([...future, ...real], now, real[0]!.name);
    expect(deleted).toEqual([]);
  });
});

describe('backup problems', () => {
  const folder = '/tmp';
  it('says the folder is full for SQLITE_FULL and ENOSPC', () => {
    for (const code of ['SQLITE_FULL', 'ENOSPC']) {
      const problem = backupProblem(Object.assign(new Error('disk full'), { code }), folder);
      expect(problem.code).toBe('DISK_FULL');
      expect(problem.message).toContain('is full');
    }
  });
  it('says the folder is missing when it is gone, and not writable when SQLite cannot create the file', () => {
    expect(backupProblem(Object.assign(new Error('x'), { code: 'SQLITE_CANTOPEN' }), '/no/such/folder').code).toBe(
      'NOT_FOUND',
    );
    expect(backupProblem(Object.assign(new Error('x'), { code: 'EACCES' }), folder).message).toContain('may not write');
  });
});
