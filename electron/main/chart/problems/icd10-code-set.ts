import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';
import { bareIcd10Code, dottedIcd10Code, type Diagnosis } from '../../../../shared/domain/problem';
import { searchTokens } from '../../../../shared/text';
import type { ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { icd10FileText, parseIcd10CodesFile, type Icd10Entry } from './icd10-file';

/**
 * The ICD-10-CM code set Chartbook ships (resources/icd10cm/SOURCE.md: CDC/NCHS via CMS, FY2026,
 * US public domain), relative to CoreOptions.referenceDir.
 */
export const SHIPPED_ICD10_FILE = path.join('icd10cm', 'icd10cm_codes_2026.txt.gz');
export const SHIPPED_ICD10_RELEASE = '2026';

export const SEARCH_LIMIT = 20;
/** Word matches read in storage order (shortest description first) before ranking the best 20. */
const CANDIDATES = 100;
/**
 * A code typed with or without its dot, or just its first characters: A, E1, E11, E11.9, e119,
 * QA0 (FY2026's block with a letter second). Two letters alone ("di") are the start of a word.
 */
const CODE_PREFIX = /^[A-Z]([0-9][0-9A-Z]{0,5}|[A-Z][0-9][0-9A-Z]{0,4})?$/;

/** Databases whose code table is known to be filled (it only ever goes from empty to full). */
const loaded = new WeakSet<Database.Database>();
/** The index's words in sorted order, per database, built on the first word search after a load. */
const vocabularies = new WeakMap<Database.Database, string[]>();
/** A word prefix with more completions than this is left to FTS5's own prefix expansion. */
const MAX_EXPANSION = 40;

/**
 * The official files are ASCII (SOURCE.md), so splitting lower-cased text on anything but letters
 * and digits gives the words exactly as the index's unicode61 tokenizer does.
 */
function wordsOf(description: string): string[] {
  return description
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function vocabulary(db: Database.Database): string[] {
  let words = vocabularies.get(db);
  if (!words) {
    const all = new Set<string>();
    for (const [description] of db.prepare('SELECT description FROM icd10_codes').raw().iterate() as Iterable<
      [string]
    >) {
      for (const w of wordsOf(description)) all.add(w);
    }
    words = [...all].sort();
    vocabularies.set(db, words);
  }
  return words;
}

/** The index's words that start with `prefix` (at most MAX_EXPANSION + 1), by binary search. */
function completions(words: string[], prefix: string): string[] {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const found: string[] = [];
  for (let i = lo; i < words.length && words[i]!.startsWith(prefix) && found.length <= MAX_EXPANSION; i++) {
    found.push(words[i]!);
  }
  return found;
}

const quoted = (word: string) => `"${word.replace(/"/g, '""')}"`;

/**
 * One FTS5 query term per typed word, each matching as a prefix. Words of two or three characters
 * use the index's prefix index (prefix='2 3'); longer ones are expanded to the words that complete
 * them and OR-ed, which FTS5 reads lazily in rowid order, so the query stops at the first matches
 * instead of merging every posting of "encounter*" or "fracture*" first.
 */
function matchTerm(words: string[], token: string): string | null {
  if (token.length === 2 || token.length === 3) return `${quoted(token)}*`;
  const found = completions(words, token);
  if (found.length === 0) return null;
  // One character with many completions ("2" in "type 2 diabetes", a lone "d") is taken as the
  // word itself: expanding it would read a good part of the index for every keystroke.
  if (found.length > MAX_EXPANSION) return token.length === 1 ? quoted(token) : `${quoted(token)}*`;
  return found.length === 1 ? quoted(found[0]!) : `(${found.map(quoted).join(' OR ')})`;
}

/**
 * Fills icd10_codes and rebuilds its word index (icd10_fts, migration 0009) in one transaction.
 * Rows go in shortest description first, so the index's rowid order is a good-match order and a
 * word search can stop after the first few hundred matches rather than rank thousands.
 */
export function replaceIcd10Codes(
  db: Database.Database,
  entries: Icd10Entry[],
  release: string,
  /** Written in the same transaction (the import's audit entry). */
  alongside?: () => void,
): void {
  const sorted = [...entries].sort(
    (a, b) => a.description.length - b.description.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  db.transaction(() => {
    db.prepare('DELETE FROM icd10_codes').run();
    const insert = db.prepare('INSERT INTO icd10_codes (code, description, release) VALUES (?, ?, ?)');
    for (const e of sorted) insert.run(e.code, e.description, release);
    db.prepare("INSERT INTO icd10_fts (icd10_fts) VALUES ('rebuild')").run();
    alongside?.();
  }).immediate();
  loaded.add(db);
  vocabularies.delete(db);
}

/**
 * Loads the shipped release the first time the code set is needed (a search, a coded diagnosis),
 * not at start: an empty table is filled once, in one transaction, and stays filled (an imported
 * release replaces it). Tests and clinics that never code a diagnosis pay nothing.
 */
export function ensureIcd10Codes(ctx: ServiceContext): void {
  const db = ctx.db.sqlite;
  if (loaded.has(db)) return;
  if (preparedOnce(db, 'SELECT 1 FROM icd10_codes LIMIT 1').get()) {
    loaded.add(db);
    return;
  }
  const file = ctx.referenceDir ? path.join(ctx.referenceDir, SHIPPED_ICD10_FILE) : null;
  if (!file || !fs.existsSync(file)) {
    throw new AppError('NOT_FOUND', t('errors.chart.problems.codeSetMissing'));
  }
  const entries = parseIcd10CodesFile(icd10FileText(fs.readFileSync(file)));
  replaceIcd10Codes(db, entries, SHIPPED_ICD10_RELEASE);
}

type Row = [code: string, description: string];

function toDiagnosis(row: Row): Diagnosis {
  return { code: dottedIcd10Code(row[0]), description: row[1] };
}

/** Matches a token as a whole word of a lower-cased ASCII description (tokens are letters and digits only). */
function wholeWordPattern(token: string): RegExp {
  return new RegExp(`(?:^|[^a-z0-9])${token}(?:[^a-z0-9]|$)`);
}

/** The code's official description, or null when the code set has no such code. */
export function icd10Description(ctx: ServiceContext, code: string): string | null {
  ensureIcd10Codes(ctx);
  const row = preparedOnce(ctx.db.sqlite, 'SELECT description FROM icd10_codes WHERE code = ?').get(
    bareIcd10Code(code),
  ) as { description: string } | undefined;
  return row?.description ?? null;
}

export function icd10Release(ctx: ServiceContext): { release: string | null; codes: number } {
  ensureIcd10Codes(ctx);
  const row = preparedOnce(
    ctx.db.sqlite,
    'SELECT max(release) AS release, count(*) AS codes FROM icd10_codes',
  ).get() as {
    release: string | null;
    codes: number;
  };
  return row;
}

/**
 * Diagnosis search as the doctor types: a code (with or without its dot) or its first characters
 * lists codes in code order; words match as prefixes in any order, accents folded, best first
 * (every word whole, the description starting with the first word, then the shortest).
 */
export function searchIcd10(ctx: ServiceContext, text: string): Diagnosis[] {
  ensureIcd10Codes(ctx);
  const db = ctx.db.sqlite;
  const compact = bareIcd10Code(text);
  if (compact === '') return [];
  if (CODE_PREFIX.test(compact)) {
    const rows = preparedOnce(
      db,
      'SELECT code, description FROM icd10_codes WHERE code >= ? AND code < ? ORDER BY code LIMIT ?',
    )
      .raw()
      .all(compact, `${compact}~`, SEARCH_LIMIT) as Row[];
    return rows.map(toDiagnosis);
  }
  const tokens = [...new Set(searchTokens(text))].slice(0, 8);
  if (tokens.length === 0) return [];
  const words = vocabulary(db);
  const terms: string[] = [];
  for (const token of tokens) {
    const term = matchTerm(words, token);
    // A word no description has a completion of: nothing can match every word.
    if (term === null) return [];
    terms.push(term);
  }
  const match = terms.join(' AND ');
  const rows = preparedOnce(
    db,
    'SELECT c.code, c.description FROM icd10_fts JOIN icd10_codes c ON c.rowid = icd10_fts.rowid WHERE icd10_fts MATCH ? LIMIT ?',
  )
    .raw()
    .all(match, CANDIDATES) as Row[];
  const first = tokens[0]!;
  // Ranked without splitting each description into words: this runs on every keystroke.
  const patterns = tokens.map(wholeWordPattern);
  const ranked = rows.map((row) => {
    const lower = row[1].toLowerCase();
    let whole = 0;
    for (const pattern of patterns) if (pattern.test(lower)) whole++;
    return { row, whole, starts: lower.startsWith(first) ? 1 : 0, length: row[1].length };
  });
  ranked.sort(
    (a, b) =>
      b.whole - a.whole ||
      b.starts - a.starts ||
      a.length - b.length ||
      (a.row[0] < b.row[0] ? -1 : a.row[0] > b.row[0] ? 1 : 0),
  );
  return ranked.slice(0, SEARCH_LIMIT).map((r) => toDiagnosis(r.row));
}
