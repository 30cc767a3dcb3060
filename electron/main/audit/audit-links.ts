import type Database from 'better-sqlite3';
import { macPatients } from './audit-mac';

/** rowid, audit_uuid, patient_id (raw rows: no object per link). */
type LinkRow = [number, string, string];

const LINK_BATCH = 2000;

/**
 * The patients of each audit entry, read for a walk in seq order (sealing, verification) without
 * an index on audit_log_patients.audit_uuid (its key is patient first; a lookup by entry would scan
 * the table). appendAudit stores an entry's patients right after the entry, so the link table in
 * storage (rowid) order is already in seq order: one pass over it, in batches, alongside the walk,
 * finds every entry's patients. Each run of links is tied to its entry through the unique uuid index.
 * A link that turns up after its entry was taken was added later (the entry changed after it was
 * sealed): such entries are kept in `late`.
 */
export class AuditLinkReader {
  private afterRowid = 0;
  private lastUuid: string | null = null;
  private lastOwner: number | null = null;
  /** The highest entry a link read so far belongs to. */
  private furthestOwner = 0;
  /** Entries up to this seq have no links left to read (the table was read to its end). */
  private drainedUpTo = 0;
  private takenUpTo = 0;
  private readonly pending = new Map<number, string[]>();
  readonly late = new Set<number>();
  private readonly nextLinks: Database.Statement;
  private readonly ownerOf: Database.Statement;
  private readonly lastSeq: Database.Statement;

  /** `afterSeq`: the walk starts after this entry; links of earlier entries are skipped. */
  constructor(db: Database.Database, afterSeq = 0) {
    this.takenUpTo = afterSeq;
    this.nextLinks = db
      .prepare('SELECT rowid, audit_uuid, patient_id FROM audit_log_patients WHERE rowid > ? ORDER BY rowid LIMIT ?')
      .raw();
    this.ownerOf = db.prepare('SELECT seq FROM audit_log WHERE uuid = ?').pluck();
    this.lastSeq = db.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck();
  }

  private readUpTo(seq: number): void {
    while (this.furthestOwner <= seq && seq > this.drainedUpTo) {
      // Read before the batch: a link stored later can only belong to an entry written later.
      const lastSeq = this.lastSeq.get() as number;
      const links = this.nextLinks.all(this.afterRowid, LINK_BATCH) as LinkRow[];
      for (const [rowid, auditUuid, patientId] of links) {
        this.afterRowid = rowid;
        if (auditUuid !== this.lastUuid) {
          this.lastUuid = auditUuid;
          this.lastOwner = (this.ownerOf.get(auditUuid) as number | undefined) ?? null;
        }
        const owner = this.lastOwner;
        if (owner === null) continue; // a link to no entry changes no entry
        if (owner <= this.takenUpTo) {
          this.late.add(owner);
          continue;
        }
        this.furthestOwner = Math.max(this.furthestOwner, owner);
        const ids = this.pending.get(owner);
        if (ids) ids.push(patientId);
        else this.pending.set(owner, [patientId]);
      }
      if (links.length < LINK_BATCH) {
        this.drainedUpTo = lastSeq;
        return;
      }
    }
  }

  /** The patients stored for the entry at seq, sorted; entries are taken in seq order. */
  take(seq: number): string[] {
    this.readUpTo(seq);
    const ids = this.pending.get(seq) ?? [];
    this.pending.delete(seq);
    this.takenUpTo = seq;
    return macPatients(ids);
  }

  /** Reads the rest of the table, so a walk that stopped early still learns of late links. */
  finish(): void {
    this.readUpTo(Number.MAX_SAFE_INTEGER);
  }
}

/** One entry's patients by a scan of the link table: only when the in-order reading disagrees. */
export function entryPatients(db: Database.Database, uuid: string | null): string[] {
  if (uuid === null) return [];
  const ids = db.prepare('SELECT patient_id FROM audit_log_patients WHERE audit_uuid = ?').pluck().all(uuid);
  return macPatients(ids as string[]);
}
