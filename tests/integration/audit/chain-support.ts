import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AUDIT_ANCHOR_FILE } from '../../../electron/main/audit/audit-anchor';
import { auditStartCheck } from '../../../electron/main/audit/audit-integrity';
import { flushReadAudit } from '../../../electron/main/audit/read-audit';
import { DATABASE_FILE } from '../../../electron/main/db/files';
import { openEncrypted } from '../../../electron/main/db/encryption';
import { deriveClinicKeys } from '../../../electron/main/security/clinic-keys';
import { keyFileMasterKey } from '../../../electron/main/security/key-file';
import type { AuditChainResult } from '../../../shared/domain/audit';
import { ADMIN_PASSWORD, openTestApp, patientInput, setUpClinic, tempDir, type TestApp } from '../support';

export interface ClinicLog {
  dir: string;
  /** seq of every entry, in order. */
  seqs: number[];
}

/**
 * A clinic with a few dozen audit entries of every shape (sign-ins, changes, views, searches that
 * showed several patients), closed: the anchor is written and the file is ready to be tampered with.
 */
export async function seedClinicLog(dir = tempDir('chartbook-chain-')): Promise<ClinicLog> {
  const app = openTestApp(dir);
  try {
    await auditStartCheck(app.core.ctx);
    const admin = await setUpClinic(app);
    const ids: string[] = [];
    for (const [given, family] of [
      ['Ana', 'Silva'],
      ['Ben', 'Okoro'],
      ['Chen', 'Wei'],
      ['Dana', 'Silva'],
    ] as const) {
      const p = await app.call(admin, 'patients.register', {
        patient: patientInput({ givenNames: given, familyName: family, phones: [] }),
      });
      ids.push(p.id);
    }
    for (let round = 0; round < 6; round += 1) {
      await app.call(admin, 'patients.search', { text: '' });
      flushReadAudit(app.core.ctx);
      await app.call(admin, 'patients.get', { id: ids[round % ids.length]! });
      await app.call(admin, 'patients.search', { text: 'Silva' });
      flushReadAudit(app.core.ctx);
      await app.call(admin, 'patients.history', { id: ids[round % ids.length]! });
    }
    await app.call(admin, 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
  } finally {
    app.close();
  }
  return { dir, seqs: auditSeqs(dir) };
}

/** A copy of a seeded folder (database, key file, anchor): seeding once per file keeps the tests quick. */
export function copyClinicLog(log: ClinicLog): ClinicLog {
  const dir = tempDir('chartbook-chain-');
  for (const name of fs.readdirSync(log.dir)) fs.copyFileSync(path.join(log.dir, name), path.join(dir, name));
  return { dir, seqs: [...log.seqs] };
}

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

/** Starts the core again on the folder and waits for the check at start. */
export async function restart(dir: string): Promise<{ app: TestApp; result: AuditChainResult }> {
  const app = openTestApp(dir);
  const result = await auditStartCheck(app.core.ctx);
  return { app, result };
}
