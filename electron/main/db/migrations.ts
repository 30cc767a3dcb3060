import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export interface Migration {
  /** 1-based schema version this migration brings the database to. */
  version: number;
  tag: string;
  statements: string[];
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** Reads drizzle-kit's journal and SQL files; the order is the journal's, never the file system's. */
export function readMigrations(dir: string): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries
    .slice()
    .sort((a, b) => a.idx - b.idx)
    .map((entry, i) => {
      const sqlText = fs.readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8');
      const statements = sqlText
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.replace(/^--.*$/gm, '').trim().length > 0);
      return { version: i + 1, tag: entry.tag, statements };
    });
}

export class DatabaseFromFutureError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `This data file was written by a newer version of Chartbook (schema ${found}; this version knows up to ${known}). ` +
        'Install the newer Chartbook to open it. The file has not been changed.',
    );
    this.name = 'DatabaseFromFutureError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a database from a newer app before anything writes to it. */
export function assertNotFromFuture(db: Database.Database, migrations: Migration[]): void {
  const current = schemaVersion(db);
  if (current > migrations.length) throw new DatabaseFromFutureError(current, migrations.length);
}

/**
 * Applies pending migrations, each in its own transaction together with its version bump,
 * so a crash leaves the database at a whole version. `upTo` stops early (used by migration tests).
 */
export function migrate(db: Database.Database, migrations: Migration[], upTo = migrations.length): number[] {
  assertNotFromFuture(db, migrations);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version > upTo) break;
    if (m.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      for (const statement of m.statements) db.exec(statement);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
