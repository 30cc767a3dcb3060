import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AUDIT_ANCHOR_FILE } from '../../../electron/main/audit/audit-anchor';
import { DATABASE_FILE } from '../../../electron/main/db/files';
import { openEncrypted } from '../../../electron/main/db/encryption';
import { deriveClinicKeys } from '../../../electron/main/security/clinic-keys';
import { keyFileMasterKey } from '../../../electron/main/security/key-file';

/**
 * Tampering with a clinic's audit log as someone holding the database key (but not the audit key)
 * could: open the encrypted file directly, around the app. Light on imports, so the e2e specs use
 * it too.
 */

function openClinicFile(dir: string): Database.Database {
  const keys = deriveClinicKeys(keyFileMasterKey(dir));
  return openEncrypted(path.join(dir, DATABASE_FILE), keys.database);
}

export function auditSeqs(dir: string): number[] {
  const db = openClinicFile(dir);
  try {
    return db.prepare('SELECT seq FROM audit_log ORDER BY seq').pluck().all() as number[];
  } finally {
    db.close();
  }
}

/**
 * What someone holding the database key (not the audit key) can do: open the file directly, drop
 * the append-only triggers, change what they like, put the triggers back.
 */
export function tamper(dir: string, change: (db: Database.Database) => void): void {
  const db = openClinicFile(dir);
  try {
    const triggers = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_log', 'audit_log_patients')`,
      )
      .all() as { name: string; sql: string }[];
    db.transaction(() => {
      for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`);
      change(db);
      for (const trigger of triggers) db.exec(trigger.sql);
    })();
  } finally {
    db.close();
  }
}

const CONTENT = ['uuid', 'device_id', 'at', 'user_id', 'username', 'action', 'patient_id', 'outcome', 'details'];

/** Swaps everything but seq between two entries (their MACs too, unless `keepMacs`). */
export function swapEntries(db: Database.Database, a: number, b: number, keepMacs = false): void {
  const columns = keepMacs ? CONTENT : [...CONTENT, 'mac'];
  const read = (seq: number) => db.prepare(`SELECT ${columns.join(', ')} FROM audit_log WHERE seq = ?`).get(seq);
  const rowA = read(a) as Record<string, unknown>;
  const rowB = read(b) as Record<string, unknown>;
  const set = columns.map((c) => `${c} = @${c}`).join(', ');
  db.prepare('UPDATE audit_log SET uuid = NULL WHERE seq = ?').run(a);
  db.prepare(`UPDATE audit_log SET ${set} WHERE seq = @seq`).run({ ...rowA, seq: b });
  db.prepare(`UPDATE audit_log SET ${set} WHERE seq = @seq`).run({ ...rowB, seq: a });
}

/** Moves entries from `from` on by `by` places (renumbering, as someone hiding a gap or making room would). */
export function renumberFrom(db: Database.Database, from: number, by: number): void {
  db.prepare('UPDATE audit_log SET seq = -seq WHERE seq >= ?').run(from);
  db.prepare('UPDATE audit_log SET seq = -seq + ? WHERE seq < 0').run(by);
}

export const anchorFile = (dir: string): string => path.join(dir, AUDIT_ANCHOR_FILE);
export const readAnchorText = (dir: string): string => fs.readFileSync(anchorFile(dir), 'utf8');
