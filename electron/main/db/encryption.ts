import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fsyncDir, fsyncFile } from './files';

/**
 * Encryption at rest (docs/ARCHITECTURE.md, "Keys and encryption"): better-sqlite3-multiple-ciphers
 * in SQLCipher 4 mode. Pages of the database, its WAL and its journal are encrypted with the key
 * (AES-256-CBC, HMAC-SHA512 per page); without the key the file is noise.
 */

export class DatabaseKeyError extends Error {
  constructor(file: string) {
    super(
      `The clinic's data in ${file} could not be opened with the key this computer holds for it. ` +
        'Nothing was changed. If Chartbook was moved to this computer or the system was reinstalled, start it with the recovery key the clinic printed at setup.',
    );
    this.name = 'DatabaseKeyError';
  }
}

/** Must run first on a connection, before anything reads the file. */
export function applyKey(sqlite: Database.Database, key: Buffer): void {
  if (key.length !== 32) throw new Error('A database key has 32 bytes.');
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** Reads the schema once: a wrong key (or a file that is not a database) fails here, before any write. */
export function assertKeyOpens(sqlite: Database.Database, file: string): void {
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new DatabaseKeyError(file);
    throw error;
  }
}

export interface EncryptedOpenOptions {
  nativeBinding?: string;
  readonly?: boolean;
  fileMustExist?: boolean;
}

/** Opens an encrypted Chartbook file (the database or a backup) with its key, checked. */
export function openEncrypted(file: string, key: Buffer, options: EncryptedOpenOptions = {}): Database.Database {
  const sqlite = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true } : {}),
    ...(options.fileMustExist ? { fileMustExist: true } : {}),
  });
  try {
    applyKey(sqlite, key);
    assertKeyOpens(sqlite, file);
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

export type EncryptStep = 'checkpointed' | 'copied' | 'rekeyed' | 'verified' | 'replaced';

export interface EncryptPlainOptions {
  nativeBinding?: string;
  /** Checks the plain file before anything changes (a database from a newer version is refused untouched). */
  check?: (plain: Database.Database) => void;
  /** Tests stop the process at each step to prove a crash leaves a whole file behind. */
  afterStep?: (step: EncryptStep) => void;
}

const ENCRYPTING_SUFFIX = '.encrypting';

/** What an interrupted encryption left behind: only ever a copy, never the clinic's file. */
export function removeEncryptionLeftovers(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm'])
    fs.rmSync(`${file}${ENCRYPTING_SUFFIX}${suffix}`, { force: true });
}

/**
 * Encrypts an existing plain database in place, safely: the plain file is checkpointed into one
 * file, copied, the copy is encrypted and verified, and only then renamed over the original
 * (an atomic rename). A crash at any moment leaves either the whole plain file (and a copy the
 * next start removes) or the whole encrypted one.
 */
export function encryptPlainDatabase(file: string, key: Buffer, options: EncryptPlainOptions = {}): void {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  removeEncryptionLeftovers(file);
  const plain = new Database(file, binding);
  try {
    options.check?.(plain);
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.pragma('journal_mode = DELETE');
  } finally {
    plain.close();
  }
  options.afterStep?.('checkpointed');

  const copy = `${file}${ENCRYPTING_SUFFIX}`;
  fs.copyFileSync(file, copy);
  options.afterStep?.('copied');

  const target = new Database(copy, binding);
  try {
    target.pragma(`cipher = 'sqlcipher'`);
    target.pragma('legacy = 4');
    target.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    target.close();
  }
  options.afterStep?.('rekeyed');

  const check = openEncrypted(copy, key, { ...binding, fileMustExist: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok')
      throw new Error(`The encrypted copy of the clinic's data failed its check (${String(result)}).`);
  } finally {
    check.close();
  }
  fsyncFile(copy);
  options.afterStep?.('verified');

  fs.renameSync(copy, file);
  fsyncDir(path.dirname(file));
  options.afterStep?.('replaced');
}
