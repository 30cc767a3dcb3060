import type Database from 'better-sqlite3';
import type { AuditChainBreak, AuditChainResult } from '../../../shared/domain/audit';
import { t } from '../i18n/translate';
import type { AnchorReading } from './audit-anchor';
import { AuditLinkReader, entryPatients } from './audit-links';
import { auditMac, sameMac, type AuditContent } from './audit-mac';

type StoredEntry = AuditContent & { mac: string | null };

const ENTRY_COLUMNS = 'seq, uuid, device_id, at, user_id, username, action, patient_id, outcome, details, mac';

interface Break {
  seq: number | null;
  reason: AuditChainBreak;
}

/**
 * Walks the audit log in seq order and recomputes every MAC (docs/ARCHITECTURE.md, "Audit chain"):
 * a missing seq is a deleted entry, an entry without a MAC one added by hand, a MAC that does not
 * match an entry changed, inserted, deleted (with the rest renumbered) or moved; the end of the log
 * is checked against sqlite_sequence (the highest seq ever given) and the anchor file. `step` checks
 * a slice, so the check at start can run between requests; `result` gives the first break found.
 */
export class AuditChainWalk {
  private expected = 1;
  private previousMac = '';
  private rows = 0;
  private found: Break | null = null;
  private readonly links: AuditLinkReader;
  /** Entries whose patients were read by a scan (the in-order reading disagreed with their MAC). */
  private readonly scanned = new Set<number>();
  private readonly lastSeqAtStart: number;
  private readonly highestSeqEver: number;
  private readonly select: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly key: Buffer,
    private readonly anchor: AnchorReading,
  ) {
    this.links = new AuditLinkReader(db);
    // Read before any entry is added while the walk runs: the end of the log as it was found.
    this.lastSeqAtStart = db.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number;
    this.highestSeqEver =
      (db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).pluck().get() as number | undefined) ?? 0;
    this.select = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`);
  }

  /** Checks up to `limit` more entries; true when the walk is over. */
  step(limit: number): boolean {
    if (this.found) return true;
    const entries = this.select.all(this.expected - 1, limit) as StoredEntry[];
    for (const entry of entries) {
      if (entry.seq !== this.expected) return this.stop({ seq: this.expected, reason: 'deleted' });
      if (entry.mac === null) return this.stop({ seq: entry.seq, reason: 'inserted' });
      if (!this.matches(entry, this.links.take(entry.seq))) {
        this.scanned.add(entry.seq);
        const patients = entryPatients(this.db, entry.uuid);
        if (!this.matches(entry, patients)) return this.stop(this.classify(entry, patients));
      }
      this.previousMac = entry.mac;
      this.expected += 1;
      this.rows += 1;
    }
    return entries.length < limit;
  }

  private matches(entry: StoredEntry, patients: readonly string[]): boolean {
    return sameMac(auditMac(this.key, this.previousMac, entry, patients), entry.mac);
  }

  private stop(found: Break): true {
    this.found = found;
    return true;
  }

  /**
   * Names what happened to an entry whose MAC does not match. Runs only on a broken log, so it may
   * read the whole log's MACs: content whose MAC fits another seq was moved there; the next entry
   * fitting this seq means this one was put in; the next entry fitting two seqs on means one was
   * taken out and the rest renumbered; otherwise the entry was changed.
   */
  private classify(entry: StoredEntry, patients: readonly string[]): Break {
    const seq = entry.seq;
    const macs = new Map(
      (
        this.db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq').all() as { seq: number; mac: string | null }[]
      ).map((r) => [r.seq, r.mac]),
    );
    for (const [k, macAtK] of macs) {
      if (k === seq) continue;
      const before = k === 1 ? '' : macs.get(k - 1);
      if (before === undefined || before === null) continue;
      const mac = auditMac(this.key, before, { ...entry, seq: k }, patients);
      if (sameMac(mac, entry.mac) || sameMac(mac, macAtK)) return { seq, reason: 'reordered' };
    }
    const next = this.db
      .prepare(`SELECT ${ENTRY_COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 1`)
      .get(seq) as StoredEntry | undefined;
    if (next && next.mac !== null) {
      const nextPatients = entryPatients(this.db, next.uuid);
      const fits = (previous: string, at: number) =>
        sameMac(auditMac(this.key, previous, { ...next, seq: at }, nextPatients), next.mac);
      if (fits(this.previousMac, seq)) return { seq, reason: 'inserted' };
      if (entry.mac !== null && !fits(entry.mac, seq + 1) && fits(entry.mac, seq + 2))
        return { seq, reason: 'deleted' };
    }
    return { seq, reason: 'edited' };
  }

  /** The first break, after reading the rest of the links (a patient added to an early entry). */
  result(checkedAt: string): AuditChainResult {
    this.links.finish();
    const late = [...this.links.late].filter((seq) => !this.scanned.has(seq));
    const breaks: Break[] = [];
    if (this.found) breaks.push(this.found);
    if (late.length) breaks.push({ seq: Math.min(...late), reason: 'edited' });
    if (!this.found) breaks.push(...this.endBreaks());
    const first = breaks.sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity))[0];
    if (!first) return { ok: true, rows: this.rows, checkedAt };
    const entry =
      first.seq === null
        ? undefined
        : (this.db.prepare('SELECT at, username, action FROM audit_log WHERE seq = ?').get(first.seq) as
            { at: string; username: string; action: string } | undefined);
    return {
      ok: false,
      firstBrokenSeq: first.seq,
      reason: first.reason,
      entry: entry ?? null,
      message: breakMessage(first, entry),
      rows: this.rows,
      checkedAt,
    };
  }

  /** After a whole chain: the end of the log against the highest seq ever given and the anchor. */
  private endBreaks(): Break[] {
    const breaks: Break[] = [];
    const last = this.lastSeqAtStart;
    if (this.highestSeqEver > last) breaks.push({ seq: last + 1, reason: 'tail-cut' });
    if (this.anchor.state === 'forged') breaks.push({ seq: null, reason: 'anchor-forged' });
    if (this.anchor.state === 'valid') {
      const { seq, mac, cutAt } = this.anchor.anchor;
      if (cutAt !== null) breaks.push({ seq: cutAt, reason: 'tail-cut' });
      else if (seq > last) breaks.push({ seq: last + 1, reason: 'tail-cut' });
      else {
        const stored = this.db.prepare('SELECT mac FROM audit_log WHERE seq = ?').pluck().get(seq) as string | null;
        if (!sameMac(stored, mac)) breaks.push({ seq, reason: 'tail-cut' });
      }
    }
    return breaks;
  }
}

type MessageOptions = { seq: number | null; entry: string };
const BREAK_MESSAGES: Record<AuditChainBreak, (options: MessageOptions) => string> = {
  edited: (o) => t('audit.chain.edited', o),
  deleted: (o) => t('audit.chain.deleted', o),
  inserted: (o) => t('audit.chain.inserted', o),
  reordered: (o) => t('audit.chain.reordered', o),
  'tail-cut': (o) => t('audit.chain.tailCut', o),
  'anchor-forged': (o) => t('audit.chain.anchorForged', o),
};

function breakMessage(found: Break, entry: { at: string; username: string; action: string } | undefined): string {
  const described = entry
    ? t('audit.chain.entry', { at: entry.at, username: entry.username, action: entry.action })
    : '';
  return BREAK_MESSAGES[found.reason]({ seq: found.seq, entry: described });
}
