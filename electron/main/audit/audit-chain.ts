import type Database from 'better-sqlite3';
import { preparedOnce } from '../db/records';
import { AuditLinkReader } from './audit-links';
import { auditMac, macPatients, type AuditContent } from './audit-mac';

/**
 * The audit chain's side of each database connection (docs/ARCHITECTURE.md, "Audit chain"): the
 * audit key and what to do after an entry is chained (schedule the anchor file). The core attaches
 * it when it opens the database, so appendAudit keeps its one argument, the connection.
 */
interface AttachedChain {
  key: Buffer;
  afterAppend: () => void;
}

const chains = new WeakMap<Database.Database, AttachedChain>();

export function attachAuditChain(db: Database.Database, key: Buffer, afterAppend: () => void = () => {}): void {
  chains.set(db, { key, afterAppend });
}

function chainOf(db: Database.Database): AttachedChain {
  const chain = chains.get(db);
  // A programming error, never a clinic's: an entry outside the chain would read as forged.
  if (!chain) throw new Error('The audit chain is not attached to this database connection (see core.ts).');
  return chain;
}

/** The MAC of the entry before seq ('' before the first). A NULL there is a break the check reports. */
function previousMac(db: Database.Database, seq: number): string {
  const row = preparedOnce(db, 'SELECT mac FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1').get(seq) as
    { mac: string | null } | undefined;
  return row?.mac ?? '';
}

/**
 * Seals a just-inserted entry: called by appendAudit inside its transaction, after the entry and
 * its patients. The previous MAC is read from the previous row rather than cached: that read is one
 * primary-key lookup, the same cost as checking a cached seq against the table, and a rolled-back
 * transaction can never leave it pointing at a MAC that was not committed.
 */
export function sealAppendedEntry(db: Database.Database, row: AuditContent, patientIds: readonly string[]): void {
  const chain = chainOf(db);
  const mac = auditMac(chain.key, previousMac(db, row.seq), row, macPatients(patientIds));
  // The one update the append-only trigger allows: a NULL mac set, every other column unchanged.
  preparedOnce(db, 'UPDATE audit_log SET mac = ? WHERE seq = ?').run(mac, row.seq);
  chain.afterAppend();
}

const UNSEALED_BATCH = 2000;

/**
 * Chains entries that have no MAC yet and come after `afterSeq`, in seq order, each onto the one
 * before: entries written before this version (at the first start, afterSeq 0), and entries merged
 * in from another laptop (records/merge.ts). Runs inside the caller's transaction, or its own.
 */
export function sealUnsealedEntries(db: Database.Database, afterSeq = 0): number {
  const chain = chainOf(db);
  const select = db.prepare(
    `SELECT seq, uuid, device_id, at, user_id, username, action, patient_id, outcome, details, mac
     FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`,
  );
  const update = db.prepare('UPDATE audit_log SET mac = ? WHERE seq = ? AND mac IS NULL');
  return db.transaction(() => {
    const links = new AuditLinkReader(db, afterSeq);
    let previous = afterSeq > 0 ? previousMac(db, afterSeq + 1) : '';
    let cursor = afterSeq;
    let sealed = 0;
    for (;;) {
      const rows = select.all(cursor, UNSEALED_BATCH) as (AuditContent & { mac: string | null })[];
      for (const row of rows) {
        const patients = links.take(row.seq);
        if (row.mac === null) {
          row.mac = auditMac(chain.key, previous, row, patients);
          update.run(row.mac, row.seq);
          sealed += 1;
        }
        previous = row.mac;
      }
      if (rows.length < UNSEALED_BATCH) break;
      cursor = rows[rows.length - 1]!.seq;
    }
    if (sealed > 0) chain.afterAppend();
    return sealed;
  })();
}

/** Whether any entry was ever sealed: after that, an entry without a MAC is an entry added by hand. */
export function chainStarted(db: Database.Database): boolean {
  return db.prepare('SELECT 1 FROM audit_log WHERE mac IS NOT NULL LIMIT 1').get() !== undefined;
}
