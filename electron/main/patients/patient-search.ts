import type Database from 'better-sqlite3';
import type { PatientSummary } from '../../../shared/domain/patient';
import { phoneDigits, phoneSuffixKey } from '../../../shared/phone';
import { searchTokens } from '../../../shared/text';
import { PatientKeyPrefixLookup } from './patient-key-prefix';
import { identifierKey } from './patient-repository';

/** FTS5 query for the tokens, each as a quoted string (so user text is never FTS syntax), optionally as a prefix. */
export function ftsQuery(tokens: string[], prefix: boolean): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"${prefix ? '*' : ''}`).join(' AND ');
}

const MRN_LIKE = /^[0-9a-z]{4}(-?\d{0,6})$/i;
/** An MRN's number typed alone, as the front desk reads it off a slip: "000004" or "4". */
const MRN_NUMBER = /^\d{1,6}$/;
/** The last digits of a phone: at least four, so a short run of digits does not match half the clinic. */
const PHONE_SUFFIX_MIN_DIGITS = 4;

function mrnPrefix(text: string): string | null {
  const compact = text.trim().toUpperCase();
  if (!MRN_LIKE.test(compact)) return null;
  if (compact.length > 4 && compact[4] !== '-') return `${compact.slice(0, 4)}-${compact.slice(4)}`;
  return compact;
}

/**
 * A result row from patient_cards (one narrow row per live patient, keyed by its sequence number),
 * read in better-sqlite3's raw (array) mode: building objects with named keys in the driver costs
 * more than the primary-key reads behind them.
 */
const CARD_SELECT =
  'SELECT seq, patient_id, mrn, given_names, family_name, sex, birth_date, birth_date_estimated, phone, name_key FROM patient_cards';

type CardTuple = [
  seq: number,
  id: string,
  mrn: string,
  givenNames: string,
  familyName: string,
  sex: PatientSummary['sex'],
  birthDate: string,
  birthDateEstimated: number,
  phone: string,
  nameKey: string,
];

function toSummary(t: CardTuple): PatientSummary {
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

/** Summaries in the order of `seqs` (a patient deleted meanwhile, having no card, is left out). */
function inOrder(seqs: number[], cards: Map<number, CardTuple>): PatientSummary[] {
  return seqs.flatMap((seq) => {
    const card = cards.get(seq);
    return card ? [toSummary(card)] : [];
  });
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

  has(seq: number): boolean {
    return this.seen.has(seq);
  }

  add(seqs: readonly number[]): void {
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
 * Names take one FTS5 prefix query for the newest `limit` matches, and their cards (which carry the
 * folded names) tell which of them match every word exactly. Only when that page is not every
 * name match can an older exact match be missing; a second FTS5 query then looks for exact matches
 * older than the page's oldest, and only as many as the page has room for. Every statement is
 * prepared once and one primary-key read per result fetches what the row shows.
 */
export class PatientSearch {
  private readonly ftsIds: Database.Statement<[string, number], number>;
  private readonly ftsIdsBelow: Database.Statement<[string, number, number], number>;
  private readonly byMrnPrefix: Database.Statement<[string, string, number], number>;
  private readonly nextMrnCode: Database.Statement<[string], string>;
  private readonly byPhonePrefix: PatientKeyPrefixLookup;
  private readonly byIdentifierPrefix: PatientKeyPrefixLookup;
  private readonly recent: Database.Statement<[number], CardTuple>;
  private readonly cardsCache = new Map<number, Database.Statement<number[], CardTuple>>();

  constructor(private readonly db: Database.Database) {
    this.ftsIds = db
      .prepare<[string, number], number>(
        'SELECT rowid FROM patient_fts WHERE patient_fts MATCH ? ORDER BY rowid DESC LIMIT ?',
      )
      .pluck(true);
    this.ftsIdsBelow = db
      .prepare<[string, number, number], number>(
        'SELECT rowid FROM patient_fts WHERE patient_fts MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?',
      )
      .pluck(true);
    this.byMrnPrefix = db
      .prepare<[string, string, number], number>(
        'SELECT local_seq FROM patients WHERE mrn >= ? AND mrn < ? AND deleted_at IS NULL ORDER BY mrn LIMIT ?',
      )
      .pluck(true);
    // The next device code in MRN order after `after` (MRNs are CODE-NNNNNN): a few index seeks list every code.
    this.nextMrnCode = db
      .prepare<[string], string>(
        "SELECT substr(mrn, 1, instr(mrn, '-')) FROM patients WHERE mrn > ? AND instr(mrn, '-') > 0 ORDER BY mrn LIMIT 1",
      )
      .pluck(true);
    this.byPhonePrefix = new PatientKeyPrefixLookup(db, { table: 'patient_phone_keys', column: 'key' });
    this.byIdentifierPrefix = new PatientKeyPrefixLookup(db, { table: 'patient_identifiers', column: 'value_key' });
    this.recent = db.prepare<[number], CardTuple>(`${CARD_SELECT} ORDER BY seq DESC LIMIT ?`).raw(true);
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
      if (MRN_NUMBER.test(trimmed)) ranked.add(this.byMrnNumber(trimmed.padStart(6, '0'), limit));
      const mrn = mrnPrefix(trimmed);
      if (!ranked.full && mrn) ranked.add(this.byMrnPrefix.all(mrn, `${mrn}\uffff`, limit));
      const phoneLike = /^[+\d\s().-]+$/.test(trimmed);
      const digits = phoneDigits(trimmed).replace(/^0+/, '');
      if (!ranked.full && digits.length >= 3 && phoneLike) ranked.add(this.byPhonePrefix.find(digits, limit));
      // "43210": the last digits of a number, found through its reversed-digits key.
      if (
        !ranked.full &&
        phoneLike &&
        !trimmed.startsWith('+') &&
        phoneDigits(trimmed).length >= PHONE_SUFFIX_MIN_DIGITS
      )
        ranked.add(this.byPhonePrefix.find(phoneSuffixKey(trimmed), limit));
      const key = identifierKey(trimmed);
      if (!ranked.full && key.length >= 2) ranked.add(this.byIdentifierPrefix.find(key, limit));
    }
    const tokens = searchTokens(trimmed);
    if (tokens.length === 0 || ranked.full) return this.cardsInOrder(ranked.seqs);

    // The newest `limit` name matches: even if every strong match is among them, `room` remain.
    const room = limit - ranked.seqs.length;
    const prefixHits = this.ftsIds.all(ftsQuery(tokens, true), limit);
    const fresh = prefixHits.filter((seq) => !ranked.has(seq));
    const cards = this.cardsBySeq([...ranked.seqs, ...fresh]);
    const exact: number[] = [];
    const prefixOnly: number[] = [];
    for (const seq of fresh) {
      const card = cards.get(seq);
      (card !== undefined && hasEveryWord(card[9], tokens) ? exact : prefixOnly).push(seq);
    }
    // Every exact match newer than the page's oldest hit is on the page. When the page is not every
    // name match, older exact matches outrank the page's prefix-only ones: fetch as many as fit.
    const everyMatchInHand = prefixHits.length < limit;
    const wanted = room - exact.length;
    if (!everyMatchInHand && wanted > 0 && prefixOnly.length > 0) {
      const oldest = prefixHits[prefixHits.length - 1]!;
      const older = this.ftsIdsBelow
        .all(ftsQuery(tokens, false), oldest, wanted + ranked.seqs.length)
        .filter((seq) => !ranked.has(seq));
      for (const [seq, card] of this.cardsBySeq(older)) cards.set(seq, card);
      exact.push(...older);
    }
    ranked.add(exact);
    ranked.add(prefixOnly);
    return inOrder(ranked.seqs, cards);
  }

  /** Patients whose MRN has this six-digit number, under any device's code (one seek per code). */
  private byMrnNumber(number: string, limit: number): number[] {
    const found: number[] = [];
    for (let code = this.nextMrnCode.get(''); code !== undefined; code = this.nextMrnCode.get(`${code}\uffff`)) {
      const mrn = `${code}${number}`;
      found.push(...this.byMrnPrefix.all(mrn, `${mrn}\u0000`, limit));
      if (found.length >= limit) break;
    }
    return found;
  }

  private cardsInOrder(seqs: number[]): PatientSummary[] {
    return inOrder(seqs, this.cardsBySeq(seqs));
  }

  /** Cards by sequence number, with one statement per count of numbers (few distinct counts, cached). */
  private cardsBySeq(seqs: number[]): Map<number, CardTuple> {
    if (seqs.length === 0) return new Map();
    let stmt = this.cardsCache.get(seqs.length);
    if (!stmt) {
      stmt = this.db
        .prepare<number[], CardTuple>(`${CARD_SELECT} WHERE seq IN (${seqs.map(() => '?').join(',')})`)
        .raw(true);
      this.cardsCache.set(seqs.length, stmt);
    }
    return new Map(stmt.all(...seqs).map((card) => [card[0], card]));
  }
}
