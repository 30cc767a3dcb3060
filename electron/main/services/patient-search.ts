import type Database from 'better-sqlite3';
import type { PatientSummary } from '../../../shared/domain/patient';
import { phoneDigits } from '../../../shared/phone';
import { searchTokens } from '../../../shared/text';
import { PatientKeyPrefixLookup } from './patient-key-prefix';
import { identifierKey, nameKey } from './patient-repository';

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

/** Whether an indexed (already folded) name holds every query token as a whole word, as FTS5 tokenizes it. */
function hasEveryWord(names: string, tokens: string[]): boolean {
  const words = new Set(names.split(/[^\p{L}\p{N}]+/u));
  return tokens.every((t) => words.has(t));
}

/** Sequence numbers in rank order without repeats; a patient found by an earlier, stronger match keeps its place. */
class RankedSeqs {
  private readonly seen = new Set<number>();
  readonly seqs: number[] = [];
  constructor(readonly limit: number) {}

  get full(): boolean {
    return this.seqs.length >= this.limit;
  }

  add(seqs: number[]): void {
    for (const s of seqs) {
      if (this.full) return;
      if (!this.seen.has(s)) {
        this.seen.add(s);
        this.seqs.push(s);
      }
    }
  }
}

/**
 * Search as you type. Ranking: MRN, identifier and phone matches first (they are exact by nature),
 * then names matching every typed word exactly, then names matching every typed word as a prefix;
 * within each group the most recently registered patients come first (FTS5 walks its row ids,
 * which are the device's registration sequence, in descending order without sorting).
 *
 * Every statement is prepared once; each lookup returns sequence numbers only, no lookup runs once
 * the page of results is full, and one statement then reads the page's summaries.
 */
export class PatientSearch {
  private readonly ftsIds: Database.Statement<[string, number], number>;
  private readonly byMrnPrefix: Database.Statement<[string, string, number], number>;
  private readonly byPhonePrefix: PatientKeyPrefixLookup;
  private readonly byIdentifierPrefix: PatientKeyPrefixLookup;
  private readonly recent: Database.Statement<[number], SummaryTuple>;
  private readonly bySeqCache = new Map<number, Database.Statement<number[], SummaryTuple>>();

  constructor(private readonly db: Database.Database) {
    this.ftsIds = db
      .prepare<[string, number], number>('SELECT rowid FROM patient_fts WHERE patient_fts MATCH ? ORDER BY rowid DESC LIMIT ?')
      .pluck(true);
    this.byMrnPrefix = db
      .prepare<[string, string, number], number>(
        'SELECT local_seq FROM patients WHERE mrn >= ? AND mrn < ? AND deleted_at IS NULL ORDER BY mrn LIMIT ?',
      )
      .pluck(true);
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
    return this.ftsIds.all(ftsQuery(tokens, true), limit);
  }

  search(text: string, limit: number): PatientSummary[] {
    const trimmed = text.trim();
    if (trimmed === '') return this.recent.all(limit).map(toSummary);

    const ranked = new RankedSeqs(limit);
    if (/\d/.test(trimmed)) {
      const mrn = mrnPrefix(trimmed);
      if (mrn) ranked.add(this.byMrnPrefix.all(mrn, `${mrn}\uffff`, limit));
      const digits = phoneDigits(trimmed).replace(/^0+/, '');
      if (!ranked.full && digits.length >= 3 && /^[+\d\s().-]+$/.test(trimmed)) ranked.add(this.byPhonePrefix.find(digits, limit));
      const key = identifierKey(trimmed);
      if (!ranked.full && key.length >= 2) ranked.add(this.byIdentifierPrefix.find(key, limit));
    }
    const tokens = searchTokens(trimmed);
    const strongCount = ranked.seqs.length;
    let exactFirstInJs = false;
    if (tokens.length > 0 && !ranked.full) {
      const room = limit - strongCount;
      const nameHits = this.ftsIds.all(ftsQuery(tokens, true), room);
      // With every name match in hand, exact-word matches are put first from the names read for the
      // summaries; only when matches overflow the page can an older exact match be missing from them.
      exactFirstInJs = nameHits.length < room;
      if (!exactFirstInJs) ranked.add(this.ftsIds.all(ftsQuery(tokens, false), limit));
      ranked.add(nameHits);
    }
    const bySeq = this.summariesBySeq(ranked.seqs);
    const inOrder = (seqs: number[]) => seqs.flatMap((seq) => bySeq.get(seq) ?? []);
    if (!exactFirstInJs) return inOrder(ranked.seqs);
    const byName = inOrder(ranked.seqs.slice(strongCount));
    const isExact = (p: PatientSummary) => hasEveryWord(nameKey(p.givenNames, p.familyName), tokens);
    return [...inOrder(ranked.seqs.slice(0, strongCount)), ...byName.filter(isExact), ...byName.filter((p) => !isExact(p))];
  }

  /** Summaries by sequence number, with one statement per result count (few distinct counts, cached). */
  private summariesBySeq(seqs: number[]): Map<number, PatientSummary> {
    if (seqs.length === 0) return new Map();
    let stmt = this.bySeqCache.get(seqs.length);
    if (!stmt) {
      stmt = this.db
        .prepare<number[], SummaryTuple>(`SELECT ${SUMMARY_SELECT} FROM patients p WHERE p.local_seq IN (${seqs.map(() => '?').join(',')})`)
        .raw(true);
      this.bySeqCache.set(seqs.length, stmt);
    }
    return new Map(stmt.all(...seqs).map((r) => [r[0], toSummary(r)]));
  }
}
