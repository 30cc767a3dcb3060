import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore } from '../../electron/main/core';
import { ensureIcd10Codes, searchIcd10 } from '../../electron/main/chart/problems/icd10-code-set';
import { keyFileMasterKey } from '../../electron/main/security/key-file';
import type { BenchResult } from './bench-result';
import { loadAverage, measure, ms, summarise } from './stats';

/** The target (issue 9, "Targets"): the full ICD-10-CM list, prefixes, words and codes. */
export const DIAGNOSIS_SEARCH_TARGET_P95_MS = 2;

/**
 * What a doctor types into the diagnosis box, keystroke by keystroke: 1 to 3 letter prefixes,
 * whole and partial words in any order, and codes with and without the dot.
 */
const TYPED = [
  'diabetes type 2',
  'hypertension',
  'fracture femur left',
  'asthma',
  'otitis media',
  'chest pain',
  'urinary tract infection',
  'pregnancy',
  'encounter immunization',
  'E11.9',
  'J45909',
  'S72.001A',
  'I10',
];

function keystrokes(): string[] {
  return TYPED.flatMap((text) =>
    Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1)).filter((t) => t.trim()),
  );
}

/**
 * p50/p95 of the diagnosis search (searchIcd10, what diagnoses.search calls) over every keystroke
 * of the typed mix, on a fresh database holding the shipped FY2026 code set (74,719 codes), beside
 * the raw FTS5 query for the same words (the floor the ranking adds to).
 */
export function benchDiagnosisSearch(options: {
  migrationsDir: string;
  referenceDir: string;
  rounds: number;
  log: (line: string) => void;
}): BenchResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-bench-icd10-'));
  const core = startCore({
    dataDir: dir,
    masterKey: keyFileMasterKey(dir),
    migrationsDir: options.migrationsDir,
    referenceDir: options.referenceDir,
    log: () => {},
  });
  try {
    const loadMs = measure(() => ensureIcd10Codes(core.ctx)).wallMs;
    options.log(`diagnosis-search: code set loaded and indexed in ${ms(loadMs)} ms`);
    const raw = core.db.sqlite.prepare(
      'SELECT c.code, c.description FROM icd10_fts JOIN icd10_codes c ON c.rowid = icd10_fts.rowid WHERE icd10_fts MATCH ? LIMIT 20',
    );
    const mix = keystrokes();
    for (const text of mix) searchIcd10(core.ctx, text);
    const loadBefore = loadAverage();
    const times: number[] = [];
    const rawTimes: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      for (const text of mix) {
        times.push(measure(() => searchIcd10(core.ctx, text)).wallMs);
        const words = text.toLowerCase().match(/[a-z0-9]+/g);
        if (words && !/^[a-z]\d/.test(text.toLowerCase())) {
          const match = words.map((w) => `"${w}"*`).join(' AND ');
          rawTimes.push(measure(() => raw.all(match)).wallMs);
        }
      }
    }
    const s = summarise(times);
    const r = summarise(rawTimes);
    return {
      bench: 'diagnosis-search',
      codes: (core.db.sqlite.prepare('SELECT count(*) AS n FROM icd10_codes').get() as { n: number }).n,
      queries: times.length,
      load_ms: ms(loadMs),
      p50_ms: ms(s.p50),
      p95_ms: ms(s.p95),
      p99_ms: ms(s.p99),
      raw_fts_p95_ms: ms(r.p95),
      load_average: loadBefore,
      target_p95_ms: DIAGNOSIS_SEARCH_TARGET_P95_MS,
      pass: s.p95 <= DIAGNOSIS_SEARCH_TARGET_P95_MS,
    };
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
