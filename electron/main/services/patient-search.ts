import type Database from 'better-sqlite3';
import type { PatientSummary } from '../../../shared/domain/patient';
import { phoneDigits } from '../../../shared/phone';
import { searchTokens } from '../../../shared/text';
import { PatientKeyPrefixLookup } from './patient-key-prefix';
import { identifierKey } from './patient-repository';

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
 * Summary columns in a fixed order, read with better-sqlite3's raw (array) mode: building 25 objects
 * with named keys in the driver costs more than the index lookups behind them.
 */
const SUMMARY_SELECT = `p.local_seq, p.id, p.mrn, p.given_names, p.family_name, p.sex, p.birth_date, p.birth_date_estimated,
  COALESCE((SELECT number FROM patient_phones ph WHERE ph.patient_id = p.id ORDER BY ph.position LIMIT 1), '')`;

type SummaryTuple = [
  seq: number,
  id: string,
  mrn: string,
  givenNames: string,
  familyName: string,
  sex: PatientSummary['sex'],
  birthDate: string,
  birthDateEstimated: number,
  phone: string,
];

function toSummary(t: SummaryTuple): PatientSummary {
  return {
    id: t[1],
    mrn: t[2],
    givenNames: t[3],
    familyName: t[4],
    sex: t[5],
    birthDate: t[6],
    birthDateEstimated: t[7] === 1,
    phone: t[8],
  };
}

/** Results in rank order without repeats; a patient found by an earlier, stronger match keeps its place. */
class RankedResults {
  private readonly seen = new Set<number>();
  readonly rows: SummaryTuple[] = [];
  constructor(readonly limit: number) {}

  get full(): boolean {
    return this.rows.length >= this.limit;
  }

  add(rows: SummaryTuple[]): void {
    for (const r of rows) {
      if (this.full) return;
      if (!this.seen.has(r[0])) {
        this.seen.add(r[0]);
        this.rows.push(r);
      }
    }
  }

  /** Sequence numbers not yet in the results, in order (for lookups that return only sequences). */
  fresh(seqs: number[]): number[] {
    return seqs.filter((s) => !this.seen.has(s));
  }
}

/**
 * Search as you type. Ranking: MRN, identifier and phone matches first (they are exact by nature),
 * then names matching every typed word exactly, then names matching every typed word as a prefix;
 * within each group the most recently registered patients come first (FTS5 walks its row ids,
 * which are the device's registration sequence, in descending order without sorting).
 *
 * Every statement is prepared once. Name matches read their summaries in the same statement as
 * the FTS5 walk (FTS first, then one index probe per row, stopping at the limit), so a keystroke
 * costs one or two statements, and no statement runs once the page of results is full.
 */
export class PatientSearch {
  private readonly ftsIds: Database.Statement;
  private readonly ftsSummaries: Database.Statement<[string, number], SummaryTuple>;
  private readonly byMrnPrefix: Database.Statement<[string, string, number], SummaryTuple>;
  private readonly byPhonePrefix: PatientKeyPrefixLookup;
  private readonly byIdentifierPrefix: PatientKeyPrefixLookup;
  private readonly recent: Database.Statement<[number], SummaryTuple>;
  private readonly bySeqCache = new Map<number, Database.Statement<number[], SummaryTuple>>();

  constructor(private readonly db: Database.Database) {
    this.ftsIds = db.prepare('SELECT rowid AS seq FROM patient_fts WHERE patient_fts MATCH ? ORDER BY rowid DESC LIMIT ?');
    // CROSS JOIN keeps FTS5 as the outer loop, so ORDER BY rowid DESC LIMIT needs no sort.
    this.ftsSummaries = db
      .prepare<[string, number], SummaryTuple>(
        `SELECT ${SUMMARY_SELECT} FROM patient_fts f CROSS JOIN patients p ON p.local_seq = f.rowid
         WHERE patient_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?`,
      )
      .raw(true);
    this.byMrnPrefix = db
      .prepare<[string, string, number], SummaryTuple>(
        `SELECT ${SUMMARY_SELECT} FROM patients p WHERE p.mrn >= ? AND p.mrn < ? AND p.deleted_at IS NULL ORDER BY p.mrn LIMIT ?`,
      )
      .raw(true);
    this.byPhonePrefix = new PatientKeyPrefixLookup(db, { table: 'patient_phone_keys', column: 'key' });
    this.byIdentifierPrefix = new PatientKeyPrefixLookup(db, { table: 'patient_identifiers', column: 'value_key' });
    this.recent = db
      .prepare<[number], SummaryTuple>(`SELECT ${SUMMARY_SELECT} FROM patients p WHERE p.deleted_at IS NULL ORDER BY p.local_seq DESC LIMIT ?`)
      .raw(true);
  }

  /** The raw FTS5 query alone: the bench's baseline for the service's overhead. */
  rawNameQuery(text: string, limit: number): number[] {
    const tokens = searchTokens(text);
    if (tokens.length === 0) return [];
    return (this.ftsIds.all(ftsQuery(tokens, true), limit) as { seq: number }[]).map((r) => r.seq);
  }

  search(text: string, limit: number): PatientSummary[] {
    const trimmed = text.trim();
    const results = new RankedResults(limit);

    if (trimmed === '') {
      results.add(this.recent.all(limit));
      return results.rows.map(toSummary);
    }

    if (/\d/.test(trimmed)) {
      const mrn = mrnPrefix(trimmed);
      if (mrn) results.add(this.byMrnPrefix.all(mrn, `${mrn}\uffff`, limit));
      const digits = phoneDigits(trimmed).replace(/^0+/, '');
      if (!results.full && digits.length >= 3 && /^[+\d\s().-]+$/.test(trimmed)) {
        results.add(this.bySeqs(results.fresh(this.byPhonePrefix.find(digits, limit))));
      }
      const key = identifierKey(trimmed);
      if (!results.full && key.length >= 2) {
        results.add(this.bySeqs(results.fresh(this.byIdentifierPrefix.find(key, limit))));
      }
    }

    const tokens = searchTokens(trimmed);
    if (tokens.length > 0 && !results.full) {
      results.add(this.ftsSummaries.all(ftsQuery(tokens, false), limit));
      if (!results.full) results.add(this.ftsSummaries.all(ftsQuery(tokens, true), limit));
    }
    return results.rows.map(toSummary);
  }

  /** Summaries in the given order, with one statement per result count (few distinct counts, cached). */
  private bySeqs(seqs: number[]): SummaryTuple[] {
    if (seqs.length === 0) return [];
    let stmt = this.bySeqCache.get(seqs.length);
    if (!stmt) {
      stmt = this.db
        .prepare<number[], SummaryTuple>(`SELECT ${SUMMARY_SELECT} FROM patients p WHERE p.local_seq IN (${seqs.map(() => '?').join(',')})`)
        .raw(true);
      this.bySeqCache.set(seqs.length, stmt);
    }
    const bySeq = new Map(stmt.all(...seqs).map((r) => [r[0], r]));
    const ordered: SummaryTuple[] = [];
    for (const s of seqs) {
      const row = bySeq.get(s);
      if (row) ordered.push(row);
    }
    return ordered;
  }
}
