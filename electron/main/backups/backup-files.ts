import fs from 'node:fs';
import path from 'node:path';

/**
 * Backup files in the backup folder (docs/ARCHITECTURE.md, "Backups"): one encrypted SQLite file
 * each, named after the moment it was made, in UTC so a change of summer time never names two
 * backups alike: chartbook-2026-03-10-090000.cbbackup (a -2, -3 ... suffix if the name is taken,
 * which only a clock moved backwards can cause). A backup being written is `<name>.partial` and is
 * renamed to its name only once it has been verified.
 */
export const BACKUP_EXTENSION = '.cbbackup';
export const PARTIAL_SUFFIX = '.partial';

const NAME = /^chartbook-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?\.cbbackup$/;

const two = (n: number): string => String(n).padStart(2, '0');

export function backupBaseName(at: Date): string {
  const date = `${at.getUTCFullYear()}-${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())}`;
  const time = `${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}`;
  return `chartbook-${date}-${time}`;
}

/** A name for a new backup made at `at` that no file in the folder has yet (finished or partial). */
export function newBackupName(folder: string, at: Date): string {
  const base = backupBaseName(at);
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}${BACKUP_EXTENSION}`;
    const taken = [name, `${name}${PARTIAL_SUFFIX}`].some((f) => fs.existsSync(path.join(folder, f)));
    if (!taken) return name;
  }
}

/** When a backup was made, read from its name; null for a name Chartbook did not give. */
export function backupTime(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const at = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Whether a file name is one of ours (a finished backup, never a partial one or anything else). */
export function isBackupName(name: string): boolean {
  return backupTime(name) !== null;
}

export interface BackupFile {
  name: string;
  /** From the name (the clock of the computer that made it). */
  at: Date;
  sizeBytes: number;
}

/** The finished backups in a folder, newest name first. Throws (ENOENT, EACCES) if the folder cannot be read. */
export function listBackupFiles(folder: string): BackupFile[] {
  const files: BackupFile[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const at = backupTime(entry.name);
    if (!at) continue;
    try {
      files.push({ name: entry.name, at, sizeBytes: fs.statSync(path.join(folder, entry.name)).size });
    } catch {
      // Removed while we looked (another computer's rotation in a synced folder).
    }
  }
  return files.sort((a, b) => b.at.getTime() - a.at.getTime() || b.name.localeCompare(a.name));
}

export { fsyncDir, fsyncFile } from '../db/files';
