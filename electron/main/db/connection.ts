import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { assertNotFromFuture, migrate, readMigrations } from './migrations';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface OpenOptions {
  migrationsDir: string;
  /** Path to a better-sqlite3 native binding built for the running runtime (Electron). */
  nativeBinding?: string;
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
} as const;

/**
 * Opens (creating if needed) the clinic's database, refuses one from a newer version untouched,
 * sets the pragmas docs/ARCHITECTURE.md lists (WAL, synchronous=FULL, foreign keys, busy timeout) and applies pending migrations before anything else uses it.
 */
export function openDatabase(file: string, options: OpenOptions): ChartbookDatabase {
  const migrations = readMigrations(options.migrationsDir);
  const sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    assertNotFromFuture(sqlite, migrations);
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
