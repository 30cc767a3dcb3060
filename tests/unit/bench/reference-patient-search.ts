/**
 * The patient search as it was before the bench-driven optimisations (one sort over every phone or
 * identifier match, a fresh object per row), kept as the reference the optimised service must agree with.
 */
import type Database from 'better-sqlite3';
import type { PatientSummary } from '../../../shared/domain/patient';
import { phoneDigits, phoneSuffixKey } from '../../../shared/phone';
import { searchTokens } from '../../../shared/text';
import {
  identifierKey,
  SUMMARY_COLUMNS,
  toSummary,
  type SummaryRow,
} from '../../../electron/main/patients/patient-repository';

/** FTS5 query for the tokens, each as a quoted string (so user text is never FTS syntax), optionally as a prefix. */
export function ftsQuery(tokens: string[], prefix: boolean): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"${prefix ? '*' : ''}`).join(' AND ');
}

const MRN_LIKE = /^[0-9a-z]{4}(-?\d{0,6})$/i;

function mrnPrefix(text: string): string | null {
  const compact = text.trim().toUpperCase();
  if (!MRN_LIKE.test(compact)) return null;
  if (compact.length > 4 && compact[4] !== '-') return `${compact.slice(0, 4)}-${compact.slice(4)}`;
  return compact;
}

/**
 * Search as you type. Ranking: MRN, identifier and phone matches first (they are exact by nature),
 * then names matching every typed word exactly, then names matching every typed word as a prefix;
 * within each group the most recently registered patients come first (FTS5 walks its row ids,
 * which are the device's registration sequence, in descending order without sorting).
 */
export class ReferencePatientSearch {
  private readonly ftsIds: Database.Statement;
  private readonly byMrnPrefix: Database.Statement;
  private readonly byMrnNumber: Database.Statement;
  private readonly byPhonePrefix: Database.Statement;
  private readonly byIdentifierPrefix: Database.Statement;
  private readonly recent: Database.Statement;
  private readonly summariesCache = new Map<number, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.ftsIds = db.prepare(
      'SELECT rowid AS seq FROM patient_fts WHERE patient_fts MATCH ? ORDER BY rowid DESC LIMIT ?',
    );
    this.byMrnPrefix = db.prepare(
      'SELECT local_seq AS seq FROM patients WHERE mrn >= ? AND mrn < ? AND deleted_at IS NULL ORDER BY mrn LIMIT ?',
    );
    this.byMrnNumber = db.prepare(
      `SELECT local_seq AS seq FROM patients WHERE instr(mrn, '-') > 0 AND substr(mrn, instr(mrn, '-') + 1) = ?
         AND deleted_at IS NULL ORDER BY mrn LIMIT ?`,
    );
    this.byPhonePrefix = db.prepare(
      `SELECT p.local_seq AS seq FROM patient_phone_keys k JOIN patients p ON p.id = k.patient_id
       WHERE k.key >= ? AND k.key < ? AND p.deleted_at IS NULL ORDER BY (k.key = ?) DESC, p.local_seq DESC LIMIT ?`,
    );
    this.byIdentifierPrefix = db.prepare(
      `SELECT p.local_seq AS seq FROM patient_identifiers i JOIN patients p ON p.id = i.patient_id
       WHERE i.value_key >= ? AND i.value_key < ? AND p.deleted_at IS NULL ORDER BY (i.value_key = ?) DESC, p.local_seq DESC LIMIT ?`,
    );
    this.recent = db.prepare(
      `SELECT local_seq AS seq FROM patients WHERE deleted_at IS NULL ORDER BY local_seq DESC LIMIT ?`,
    );
  }

  /** The raw FTS5 query alone: the bench's baseline for the service's overhead. */
  rawNameQuery(text: string, limit: number): number[] {
    const tokens = searchTokens(text);
    if (tokens.length === 0) return [];
    return (this.ftsIds.all(ftsQuery(tokens, true), limit) as { seq: number }[]).map((r) => r.seq);
  }

  search(text: string, limit: number): PatientSummary[] {
    const trimmed = text.trim();
    const seqs: number[] = [];
    const seen = new Set<number>();
    const add = (rows: { seq: number }[]) => {
      for (const r of rows) {
        if (seqs.length >= limit) return;
        if (!seen.has(r.seq)) {
          seen.add(r.seq);
          seqs.push(r.seq);
        }
      }
    };

    if (trimmed === '') {
      add(this.recent.all(limit) as { seq: number }[]);
      return this.summaries(seqs);
    }

    if (/\d/.test(trimmed)) {
      if (/^\d{1,6}$/.test(trimmed)) add(this.byMrnNumber.all(trimmed.padStart(6, '0'), limit) as { seq: number }[]);
      const mrn = mrnPrefix(trimmed);
      if (mrn) add(this.byMrnPrefix.all(mrn, `${mrn}\uffff`, limit) as { seq: number }[]);
      const phoneLike = /^[+\d\s().-]+$/.test(trimmed);
      const digits = phoneDigits(trimmed).replace(/^0+/, '');
      if (digits.length >= 3 && phoneLike) {
        add(this.byPhonePrefix.all(digits, `${digits}\uffff`, digits, limit) as { seq: number }[]);
      }
      if (phoneLike && !trimmed.startsWith('+') && phoneDigits(trimmed).length >= 4) {
        const suffix = phoneSuffixKey(trimmed);
        add(this.byPhonePrefix.all(suffix, `${suffix}\uffff`, suffix, limit) as { seq: number }[]);
      }
      const key = identifierKey(trimmed);
      if (key.length >= 2) add(this.byIdentifierPrefix.all(key, `${key}\uffff`, key, limit) as { seq: number }[]);
    }

    const tokens = searchTokens(trimmed);
    if (tokens.length > 0 && seqs.length < limit) {
      add(this.ftsIds.all(ftsQuery(tokens, false), limit) as { seq: number }[]);
      if (seqs.length < limit) add(this.ftsIds.all(ftsQuery(tokens, true), limit) as { seq: number }[]);
    }
    return this.summaries(seqs);
  }

  /** Summaries in the given order, with one statement per result count (few distinct counts, cached). */
  private summaries(seqs: number[]): PatientSummary[] {
    if (seqs.length === 0) return [];
    let stmt = this.summariesCache.get(seqs.length);
    if (!stmt) {
      stmt = this.db.prepare(
        `SELECT p.local_seq AS seq, ${SUMMARY_COLUMNS} FROM patients p WHERE p.local_seq IN (${seqs.map(() => '?').join(',')})`,
      );
      this.summariesCache.set(seqs.length, stmt);
    }
    const rows = stmt.all(...seqs) as (SummaryRow & { seq: number })[];
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    return seqs.flatMap((s) => {
      const r = bySeq.get(s);
      return r ? [toSummary(r)] : [];
    });
  }
}
