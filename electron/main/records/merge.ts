import type Database from 'better-sqlite3';
import { sealUnsealedEntries } from '../audit/audit-chain';
import { RECORD_KINDS } from './record-kinds';
import type { RecordKind } from './record-kind';

/** A record both laptops changed from the same version: the row keeps one, history keeps both. */
export interface MergeConflict {
  kind: string;
  id: string;
  version: number;
}

export interface MergeReport {
  /** Records new to this database, by kind. */
  added: Record<string, number>;
  /** Records the other database had a newer version of, by kind. */
  updated: Record<string, number>;
  conflicts: MergeConflict[];
  historyRows: number;
  changeLogRows: number;
  auditRows: number;
}

type Row = Record<string, unknown> & { id: string; version: number; updated_at: string };

/**
 * Brings every record another laptop's database holds into this one, driven by the registry of
 * record kinds, in one transaction: a failure leaves this database as it was. Records are matched
 * by id; a newer version wins the row (a tie goes to the later save and is reported as a
 * conflict), history, change-log and audit rows are kept from both sides by their own ids, and
 * device-only columns (a patient's local sequence) are filled as this device fills them. This is
 * the seed of sync: what it does for two files, sync will do for a laptop and the hospital system.
 */
export function mergeDatabase(db: Database.Database, otherFile: string): MergeReport {
  db.prepare('ATTACH DATABASE ? AS other').run(otherFile);
  try {
    return db.transaction(() => {
      const report: MergeReport = {
        added: {},
        updated: {},
        conflicts: [],
        historyRows: 0,
        changeLogRows: 0,
        auditRows: 0,
      };
      for (const kind of RECORD_KINDS) mergeKind(db, kind, report);
      report.changeLogRows = copyNew(db, 'change_log', 'uuid', ['seq']);
      // Their entries join this log's chain: renumbered after ours, then sealed with this clinic's key.
      const ourLast = db.prepare('SELECT coalesce(max(seq), 0) FROM main.audit_log').pluck().get() as number;
      report.auditRows = copyNew(db, 'audit_log', 'uuid', ['seq', 'mac']);
      sealUnsealedEntries(db, ourLast);
      return report;
    })();
  } finally {
    db.prepare('DETACH DATABASE other').run();
  }
}

function mergeKind(db: Database.Database, kind: RecordKind, report: MergeReport): void {
  const table = kind.tableName;
  const synced = kind.syncedColumns;
  const device = Object.entries(kind.deviceColumns ?? {});
  const insert = db.prepare(
    `INSERT INTO main.${table} (${[...synced, ...device.map(([c]) => c)].join(', ')})
     VALUES (${[...synced.map((c) => `@${c}`), ...device.map(([, sql]) => sql)].join(', ')})`,
  );
  const update = db.prepare(
    `UPDATE main.${table} SET ${synced
      .filter((c) => c !== 'id')
      .map((c) => `${c} = @${c}`)
      .join(', ')} WHERE id = @id`,
  );
  const mine = db.prepare(`SELECT * FROM main.${table} WHERE id = ?`);
  let added = 0;
  let updated = 0;
  for (const theirs of db.prepare(`SELECT * FROM other.${table} ORDER BY created_at, id`).all() as Row[]) {
    const values = Object.fromEntries(synced.map((c) => [c, theirs[c] ?? null]));
    const own = mine.get(theirs.id) as Row | undefined;
    if (!own) {
      insert.run(values);
      replaceChildren(db, kind, theirs.id);
      added += 1;
      continue;
    }
    // The same version with other contents: both laptops changed it from the same version.
    const differs = synced.some((c) => own[c] !== theirs[c]);
    if (own.version === theirs.version && differs) {
      report.conflicts.push({ kind: kind.name, id: theirs.id, version: theirs.version });
    }
    const theirsIsNewer =
      theirs.version > own.version || (theirs.version === own.version && theirs.updated_at > own.updated_at);
    if (theirsIsNewer) {
      update.run(values);
      replaceChildren(db, kind, theirs.id);
      updated += 1;
    }
  }
  report.added[kind.name] = added;
  report.updated[kind.name] = updated;
  if (kind.history) report.historyRows += copyNew(db, kind.history.table, 'id', []);
}

/** The record's child rows as the other database has them (they are versioned with the record). */
function replaceChildren(db: Database.Database, kind: RecordKind, recordId: string): void {
  for (const child of kind.children ?? []) {
    const device = Object.entries(child.deviceColumns ?? {});
    const columns = tableColumns(db, child.table).filter((c) => !(c in (child.deviceColumns ?? {})));
    db.prepare(`DELETE FROM main.${child.table} WHERE ${child.recordColumn} = ?`).run(recordId);
    db.prepare(
      `INSERT INTO main.${child.table} (${[...columns, ...device.map(([c]) => c)].join(', ')})
       SELECT ${[...columns, ...device.map(([, sql]) => sql)].join(', ')}
       FROM other.${child.table} WHERE ${child.recordColumn} = @recordId ORDER BY rowid`,
    ).run({ recordId });
  }
}

/** Copies the other database's rows this one lacks, matched by their own id; local keys are renumbered. */
function copyNew(db: Database.Database, table: string, idColumn: string, localKeys: string[]): number {
  const columns = tableColumns(db, table).filter((c) => !localKeys.includes(c));
  const list = columns.join(', ');
  return db
    .prepare(
      `INSERT INTO main.${table} (${list}) SELECT ${list} FROM other.${table} o
       WHERE o.${idColumn} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM main.${table} m WHERE m.${idColumn} = o.${idColumn})
       ORDER BY ${localKeys[0] ?? 'rowid'}`,
    )
    .run().changes;
}

function tableColumns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA main.table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}
