import type Database from 'better-sqlite3';
import { z } from 'zod';
import panelsJson from '../../../../resources/labs/panels.json';
import testsJson from '../../../../resources/labs/tests.json';
import { labRangeSchema, type LabRange, type LabTest } from '../../../../shared/domain/lab';
import type { LabCatalogueEntry } from '../../../../shared/domain/lab-order';
import { searchTokens } from '../../../../shared/text';
import { preparedOnce } from '../../db/records';
import { panelsFileSchema, testsFileSchema, type ShippedTest } from './lab-catalogue-files';

/**
 * The lab test catalogue (issue 11, part 1): the tests and panels shipped in resources/labs/
 * (validated once, held in memory) with the clinic's `lab_tests` rows laid over them by code (an
 * edit of a shipped test, or a test of the clinic's own). Every reader of tests goes through
 * `labTestByCode` or `labCatalogue`, so ordering, entering and importing results see the same
 * ranges.
 */

export const LOINC_SYSTEM = 'http://loinc.org';
/** The code system of the clinic's local codes (starting with X). */
export const LOCAL_LAB_SYSTEM = 'urn:chartbook:lab-test';

const DAYS_PER_YEAR = 365.25;

/** Ages in the shipped file are years; LabRange counts days (a newborn's ranges fit). */
export function yearsToDays(years: number | null): number | null {
  return years === null ? null : Math.round(years * DAYS_PER_YEAR);
}

export const systemOf = (code: string): string => (code.startsWith('X') ? LOCAL_LAB_SYSTEM : LOINC_SYSTEM);

function shippedRanges(test: ShippedTest, sources: Record<string, string>): LabRange[] {
  return test.ranges.map((r, n) => {
    const source = sources[r.source];
    if (!source) throw new Error(`resources/labs/tests.json: ${test.code} range ${n}: unknown source "${r.source}"`);
    const hasCritical = (r.criticalLow ?? null) !== null || (r.criticalHigh ?? null) !== null;
    const criticalSource = hasCritical ? sources[r.criticalSource ?? ''] : undefined;
    if (hasCritical && !criticalSource)
      throw new Error(`resources/labs/tests.json: ${test.code} range ${n}: critical limits without a source`);
    return labRangeSchema.parse({
      sex: r.sex,
      ageFromDays: yearsToDays(r.ageYears[0]),
      ageToDays: yearsToDays(r.ageYears[1]),
      low: r.low,
      high: r.high,
      criticalLow: r.criticalLow ?? null,
      criticalHigh: r.criticalHigh ?? null,
      source: criticalSource ? `${source}; critical limits: ${criticalSource}` : source,
    });
  });
}

/** The shipped catalogue, by code; validated on first use (a broken file stops with the row named). */
let shipped: ReadonlyMap<string, LabCatalogueEntry> | null = null;

export function shippedLabCatalogue(): ReadonlyMap<string, LabCatalogueEntry> {
  if (shipped) return shipped;
  const testsFile = testsFileSchema.parse(testsJson);
  const panelsFile = panelsFileSchema.parse(panelsJson);
  const out = new Map<string, LabCatalogueEntry>();
  for (const test of testsFile.tests) {
    if (out.has(test.code)) throw new Error(`resources/labs/tests.json: ${test.code} is listed twice`);
    out.set(test.code, {
      code: test.code,
      system: LOINC_SYSTEM,
      name: test.name,
      kind: 'test',
      unit: test.unit,
      valueType: test.valueType,
      ranges: shippedRanges(test, testsFile.sources),
      members: [],
      deltaPercent: test.deltaPercent,
      molarMass: test.molarMass,
      origin: 'catalogue',
      hidden: false,
      version: null,
      loincName: test.loincName,
      aliases: test.aliases,
      memberNames: [],
    });
  }
  for (const panel of panelsFile.panels) {
    if (out.has(panel.code)) throw new Error(`resources/labs/panels.json: ${panel.code} is listed twice`);
    const memberNames = panel.members.map((m) => {
      const member = out.get(m);
      if (!member || member.kind !== 'test')
        throw new Error(`resources/labs/panels.json: ${panel.code}: ${m} is not a test`);
      return member.name;
    });
    out.set(panel.code, {
      code: panel.code,
      system: LOCAL_LAB_SYSTEM,
      name: panel.name,
      kind: 'panel',
      unit: null,
      valueType: null,
      ranges: [],
      members: panel.members,
      deltaPercent: null,
      molarMass: null,
      origin: 'catalogue',
      hidden: false,
      version: null,
      loincName: '',
      aliases: panel.aliases,
      memberNames,
    });
  }
  shipped = out;
  return out;
}

/** A `lab_tests` row as read (delta_percent arrives with migration 0016, molar_mass with 0017). */
interface LabTestRow {
  code: string;
  name: string;
  kind: string;
  unit: string | null;
  value_type: string | null;
  ranges_json: string;
  members_json: string;
  hidden: number;
  version: number;
  delta_percent?: number | null;
  molar_mass?: number | null;
}

const rangesSchema = z.array(labRangeSchema);
const membersSchema = z.array(z.string());

function fromRow(row: LabTestRow, base: LabCatalogueEntry | undefined): LabCatalogueEntry {
  return {
    code: row.code,
    system: systemOf(row.code),
    name: row.name,
    kind: row.kind === 'panel' ? 'panel' : 'test',
    unit: row.unit,
    valueType: row.value_type === 'numeric' || row.value_type === 'text' ? row.value_type : null,
    ranges: rangesSchema.parse(JSON.parse(row.ranges_json)),
    members: membersSchema.parse(JSON.parse(row.members_json)),
    deltaPercent: 'delta_percent' in row ? (row.delta_percent ?? null) : (base?.deltaPercent ?? null),
    // What is measured does not change when a clinic edits ranges: the shipped molar mass stays; a
    // test the clinic added has its own.
    molarMass: base ? (base.molarMass ?? null) : (row.molar_mass ?? null),
    origin: base ? 'edited' : 'clinic',
    hidden: row.hidden === 1,
    version: row.version,
    loincName: base?.loincName ?? '',
    aliases: base?.aliases ?? [],
    memberNames: [],
  };
}

interface IndexedEntry {
  entry: LabCatalogueEntry;
  /** Folded name words, alias words, code and LOINC name words. */
  words: string[];
  /** Folded whole aliases and code, for exact matches ("cbc", "tsh", "2345-7"). */
  exact: Set<string>;
  name: string;
}

interface Loaded {
  stamp: string;
  byCode: Map<string, LabCatalogueEntry>;
  index: IndexedEntry[];
}

/** One merged catalogue per database (the core has one; tests open several). */
const loadedByDb = new WeakMap<Database.Database, Loaded>();

const fold = (text: string): string => searchTokens(text).join(' ');

function indexed(entry: LabCatalogueEntry): IndexedEntry {
  const words = new Set<string>([
    ...searchTokens(entry.name),
    ...entry.aliases.flatMap(searchTokens),
    ...searchTokens(entry.loincName),
    entry.code.toLowerCase(),
  ]);
  return {
    entry,
    words: [...words],
    exact: new Set([entry.code.toLowerCase(), fold(entry.name), ...entry.aliases.map(fold)]),
    name: fold(entry.name),
  };
}

function load(db: Database.Database): Loaded {
  const stamp = preparedOnce(
    db,
    'SELECT (SELECT max(rowid) FROM lab_tests) AS n, (SELECT max(updated_at) FROM lab_tests) AS u',
  ).get() as { n: number | null; u: string | null };
  const key = `${stamp.n ?? 0}:${stamp.u ?? ''}`;
  const current = loadedByDb.get(db);
  if (current && current.stamp === key) return current;
  const base = shippedLabCatalogue();
  const byCode = new Map(base);
  const rows = preparedOnce(db, 'SELECT * FROM lab_tests WHERE deleted_at IS NULL').all() as LabTestRow[];
  for (const row of rows) byCode.set(row.code, fromRow(row, base.get(row.code)));
  for (const [code, entry] of byCode) {
    if (entry.kind !== 'panel') continue;
    byCode.set(code, { ...entry, memberNames: entry.members.map((m) => byCode.get(m)?.name ?? m) });
  }
  const next: Loaded = { stamp: key, byCode, index: [...byCode.values()].map(indexed) };
  loadedByDb.set(db, next);
  return next;
}

/** After a write of lab_tests: the next read rebuilds (two edits in one millisecond stay apart). */
export function labCatalogueChanged(db: Database.Database): void {
  loadedByDb.delete(db);
}

/** A test or panel with what the catalogue screens show, or null when the code is unknown. */
export function labCatalogueEntry(db: Database.Database, code: string): LabCatalogueEntry | null {
  return load(db).byCode.get(code) ?? null;
}

/**
 * The test or panel with this code as the app uses it: shipped, with the clinic's row laid over it
 * (same code wins), hidden ones included (a result for a hidden test still needs its ranges). Null
 * when neither has it. Called per result by entry and import, so it costs one stamp query.
 */
export function labTestByCode(db: Database.Database, code: string): LabTest | null {
  const entry = load(db).byCode.get(code);
  if (!entry) return null;
  return {
    code: entry.code,
    system: entry.system,
    name: entry.name,
    kind: entry.kind,
    unit: entry.unit,
    valueType: entry.valueType,
    ranges: entry.ranges,
    members: entry.members,
    deltaPercent: entry.deltaPercent,
    molarMass: entry.molarMass ?? null,
    origin: entry.origin,
    hidden: entry.hidden,
  };
}

/**
 * Search as you type: every word typed must start a word of the test's name, other names, code or
 * LOINC name. Exact code or other-name matches first ("TSH", "CBC"), then names that start with
 * the text, then the rest; panels before tests at each level, then by name.
 */
export function searchLabCatalogue(
  db: Database.Database,
  text: string,
  options: { limit: number; includeHidden: boolean },
): LabCatalogueEntry[] {
  const { index } = load(db);
  const query = fold(text);
  // A whole code ("2345-7") is looked up as typed: its check digit is no word to match.
  const code = text.trim().toLowerCase();
  const words = query === '' ? [] : query.split(' ');
  const scored: { item: IndexedEntry; score: number }[] = [];
  for (const item of index) {
    if (item.entry.hidden && !options.includeHidden) continue;
    const isCode = item.exact.has(code);
    if (!isCode && words.length > 0 && !words.every((w) => item.words.some((iw) => iw.startsWith(w)))) continue;
    const level = query === '' ? 3 : isCode || item.exact.has(query) ? 0 : item.name.startsWith(query) ? 1 : 2;
    scored.push({ item, score: level * 2 + (item.entry.kind === 'panel' ? 0 : 1) });
  }
  scored.sort((a, b) => a.score - b.score || a.item.entry.name.localeCompare(b.item.entry.name));
  return scored.slice(0, options.limit).map((s) => s.item.entry);
}
