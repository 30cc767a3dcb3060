import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyKey, assertKeyOpens, DatabaseKeyError } from '../db/encryption';
import { isPlainSqliteFile } from '../db/files';
import { fsyncDir, fsyncFile, PARTIAL_SUFFIX } from './backup-files';

/**
 * The slow parts of backing up and restoring, run in their own worker thread (backup-worker.ts) on
 * their own connection, so the core keeps answering while they run: the database is in WAL mode,
 * so this reader blocks neither the core's reads nor its writes.
 */

export interface MakeBackupJob {
  kind: 'backup';
  databaseFile: string;
  folder: string;
  name: string;
  /** The database key (hex); null only for a plain database (the bench's comparison runs). */
  keyHex: string | null;
  nativeBinding?: string;
}

export interface VerifyBackupJob {
  kind: 'verify';
  file: string;
  keyHex: string | null;
  nativeBinding?: string;
}

export type BackupJob = MakeBackupJob | VerifyBackupJob;

export interface BackupJobResult {
  file: string;
  sizeBytes: number;
  /** The schema version (migration count) the backup was made at. */
  userVersion: number;
}

/** Why a file is not a good backup. `code` is what the core turns into a message. */
export class BackupCheckError extends Error {
  constructor(
    readonly code: 'WRONG_KEY' | 'CORRUPT' | 'NOT_A_BACKUP' | 'PLAIN',
    detail: string,
  ) {
    super(detail);
    this.name = 'BackupCheckError';
  }
}

function open(file: string, keyHex: string | null, nativeBinding: string | undefined): Database.Database {
  const sqlite = new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    if (keyHex) applyKey(sqlite, Buffer.from(keyHex, 'hex'));
    assertKeyOpens(sqlite, file);
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

const isCorruption = (error: unknown): boolean =>
  ['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_IOERR_SHORT_READ'].includes(String((error as { code?: string }).code));

/**
 * Checks a backup as a restore would need it: it opens with the key, every page passes SQLite's
 * integrity check, and it holds a Chartbook database (a schema version and the users table).
 */
export function verifyBackupFile(file: string, keyHex: string | null, nativeBinding?: string): BackupJobResult {
  const sizeBytes = fs.statSync(file).size;
  if (sizeBytes === 0) throw new BackupCheckError('NOT_A_BACKUP', 'the file is empty');
  if (keyHex && isPlainSqliteFile(file)) throw new BackupCheckError('PLAIN', 'the file is not encrypted');
  let sqlite: Database.Database;
  try {
    sqlite = open(file, keyHex, nativeBinding);
  } catch (error) {
    if (error instanceof DatabaseKeyError) throw new BackupCheckError('WRONG_KEY', 'the key does not open it');
    if (isCorruption(error)) throw new BackupCheckError('CORRUPT', (error as Error).message);
    throw error;
  }
  try {
    let problems: string[];
    try {
      problems = (sqlite.pragma('integrity_check(5)') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (error) {
      if (isCorruption(error)) throw new BackupCheckError('CORRUPT', (error as Error).message);
      throw error;
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new BackupCheckError('CORRUPT', problems.join('; ').replace(/\s+/g, ' ').slice(0, 300));
    }
    const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
    const hasUsers = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'").get();
    if (userVersion < 1 || !hasUsers) throw new BackupCheckError('NOT_A_BACKUP', 'it holds no Chartbook data');
    return { file, sizeBytes, userVersion };
  } finally {
    sqlite.close();
  }
}

/**
 * Copies the live database into `<folder>/<name>.partial` with VACUUM INTO (on an encrypted
 * connection it writes an encrypted copy with the same key; the online backup API cannot copy
 * between encrypted files), syncs it to disk, verifies it, and only then renames it to its name.
 * Whatever fails, no partial file is left behind and nothing else in the folder is touched.
 */
export function makeBackup(job: MakeBackupJob): BackupJobResult {
  const partial = path.join(job.folder, `${job.name}${PARTIAL_SUFFIX}`);
  const final = path.join(job.folder, job.name);
  if (!fs.statSync(job.folder).isDirectory()) {
    throw Object.assign(new Error(`${job.folder} is not a folder`), { code: 'ENOTDIR' });
  }
  if (fs.existsSync(partial) || fs.existsSync(final)) {
    throw Object.assign(new Error(`${job.name} already exists`), { code: 'EEXIST' });
  }
  let wrote = false;
  try {
    const source = open(job.databaseFile, job.keyHex, job.nativeBinding);
    try {
      wrote = true;
      source.prepare('VACUUM INTO ?').run(partial);
    } finally {
      source.close();
    }
    fsyncFile(partial);
    const checked = verifyBackupFile(partial, job.keyHex, job.nativeBinding);
    fs.renameSync(partial, final);
    fsyncDir(job.folder);
    return { ...checked, file: final };
  } catch (error) {
    if (wrote) fs.rmSync(partial, { force: true });
    throw error;
  }
}

export function runBackupJob(job: BackupJob): BackupJobResult {
  return job.kind === 'backup' ? makeBackup(job) : verifyBackupFile(job.file, job.keyHex, job.nativeBinding);
}
