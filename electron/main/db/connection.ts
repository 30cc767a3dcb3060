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
} as const;

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
    migrate(sqlite, migrations);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const orm = drizzle(sqlite, { schema });
  return { sqlite, orm, close: () => sqlite.close() };
}
