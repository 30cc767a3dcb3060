import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { applyKey, assertKeyOpens, encryptPlainDatabase, removeEncryptionLeftovers } from './encryption';
import { isPlainSqliteFile } from './files';
import { assertNotFromFuture, migrate, readMigrations } from './migrations';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface OpenOptions {
  migrationsDir: string;
  /** Path to a better-sqlite3 native binding built for the running runtime (Electron). */
  nativeBinding?: string;
  /**
   * The SQLCipher key (ClinicKeys.database). A plain database found here is encrypted with it first.
   * null keeps the file plain: only the bench uses it, to report what encryption costs.
   */
  key: Buffer | null;
}

export interface ChartbookDatabase {
  sqlite: Database.Database;
  orm: Orm;
  close(): void;
}

export const PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL: a committed transaction survives power loss
  foreign_keys: 1,
  busy_timeout: 5000,
  secure_delete: 1, // deleted records are overwritten, not left readable in free pages
  // Checkpoints run in idle moments (below); this is only the backstop for a long burst of writes
  // (an import), about 40 MB of WAL.
  wal_autocheckpoint: 10_000,
  // Decrypted pages kept in memory, in KiB (negative): SQLCipher decrypts a page each time it is read
  // from the file, so the default 2 MB cache made every search card and chart row pay for AES and
  // its HMAC again. 64 MB holds the hot part of a large clinic's records.
  cache_size: -65_536,
} as const;

/**
 * How often the WAL is checkpointed when the core is idle. A checkpoint copies (decrypts and
 * re-encrypts) every page written since the last one and fsyncs the file: about 10 ms for a
 * thousand pages. Left to SQLite's default it runs inside whichever save crosses 1,000 pages, so one
 * registration in twenty took 10 ms longer; on a timer it runs between requests, on the core's own
 * thread, so it never interleaves with a transaction.
 */
export const IDLE_CHECKPOINT_MS = 2_000;

/**
 * Opens (creating if needed) the clinic's encrypted database: a plain one from before encryption
 * is encrypted first (db/encryption.ts), a wrong key fails before anything is read or written, one
 * from a newer version is refused untouched; then the pragmas docs/ARCHITECTURE.md lists (WAL,
 * synchronous=FULL, foreign keys, busy timeout, secure_delete) are set and pending migrations
 * applied before anything else uses it.
 */
export function openDatabase(file: string, options: OpenOptions): ChartbookDatabase {
  const migrations = readMigrations(options.migrationsDir);
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const key = options.key;
  if (key && fs.existsSync(file) && fs.statSync(file).size > 0 && isPlainSqliteFile(file)) {
    encryptPlainDatabase(file, key, { ...binding, check: (plain) => assertNotFromFuture(plain, migrations) });
  } else {
    removeEncryptionLeftovers(file);
  }
  const sqlite = new Database(file, binding);
  try {
    if (key) applyKey(sqlite, key);
    assertKeyOpens(sqlite, file);
    assertNotFromFuture(sqlite, migrations);
    sqlite.pragma(`secure_delete = ${PRAGMAS.secure_delete}`);
    sqlite.pragma(`busy_timeout = ${PRAGMAS.busy_timeout}`);
    sqlite.pragma(`journal_mode = ${PRAGMAS.journal_mode}`);
    sqlite.pragma(`synchronous = ${PRAGMAS.synchronous}`);
    sqlite.pragma(`foreign_keys = ${PRAGMAS.foreign_keys}`);
    sqlite.pragma(`wal_autocheckpoint = ${PRAGMAS.wal_autocheckpoint}`);
    sqlite.pragma(`cache_size = ${PRAGMAS.cache_size}`);
    migrate(sqlite, migrations);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const orm = drizzle(sqlite, { schema });
  const checkpoints = setInterval(() => idleCheckpoint(sqlite), IDLE_CHECKPOINT_MS);
  checkpoints.unref();
  return {
    sqlite,
    orm,
    close: () => {
      clearInterval(checkpoints);
      sqlite.close();
    },
  };
}

/**
 * A passive checkpoint: copies what it can without waiting for readers and never blocks a writer.
 * Cheap when nothing was written since the last one. A failure (a busy file) is left for the next
 * tick or the backstop; the data is safe in the WAL either way.
 */
export function idleCheckpoint(sqlite: Database.Database): void {
  if (!sqlite.open || sqlite.inTransaction) return;
  try {
    sqlite.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Try again on the next tick.
  }
}
