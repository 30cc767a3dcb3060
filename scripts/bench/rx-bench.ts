import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore } from '../../electron/main/core';
import type { Actor } from '../../electron/main/context';
import { shippedCatalogue } from '../../electron/main/rx/catalogue/catalogue';
import { FormularyService } from '../../electron/main/rx/formulary/formulary-service';
import { SafetyEngine } from '../../electron/main/rx/safety/safety-engine';
import { keyFileMasterKey } from '../../electron/main/security/key-file';
import type { SafetyContext, SafetyItem } from '../../shared/domain/drug';
import type { BenchResult } from './bench-result';
import { mulberry32 } from './prng';
import { loadAverage, measure, ms, summarise } from './stats';

/** The targets (issue 10, "Targets"). */
export const DRUG_SEARCH_TARGET_P95_MS = 2;
export const RX_SAFETY_CHECK_TARGET_P95_MS = 2;
export const FORMULARY_BENCH_PRODUCTS = 2_000;

const BENCH_ACTOR: Actor = { userId: 'bench-doctor', username: 'bench', roles: ['doctor'] };

const SYLLABLES = [
  'zy',
  'cal',
  'nor',
  'pan',
  'mox',
  'dol',
  'flu',
  'ven',
  'tra',
  'lor',
  'gli',
  'ator',
  'sal',
  'ome',
  'ceti',
  'ami',
  'bre',
  'kef',
  'rix',
  'tel',
];
const ENDINGS = ['ex', 'ol', 'in', 'ax', 'ide', 'on', 'a', 'um', 'ene', 'il'];

/** A deterministic formulary: brand names made of syllables, each mapped to a catalogue product. */
function formularyCsv(count: number, seed: number): { csv: string; brands: string[] } {
  const random = mulberry32(seed);
  const products = shippedCatalogue().products;
  const lines = ['brand,form,route,ingredients,strengths'];
  const brands: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = products[Math.floor(random() * products.length)]!;
    const a = SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
    const b = SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
    const e = ENDINGS[Math.floor(random() * ENDINGS.length)]!;
    const brand = `${a[0]!.toUpperCase()}${a.slice(1)}${b}${e} ${i + 1}`;
    brands.push(brand);
    const strengths = p.ingredients.map((x) => `${x.strength} ${x.strengthUnit}`).join('+');
    lines.push(`${brand},${p.form},${p.route},${p.ingredients.map((x) => x.id).join('+')},${strengths}`);
  }
  return { csv: lines.join('\n'), brands };
}

/** What a doctor types, keystroke by keystroke: generics, strengths, brands. */
function keystrokes(brands: string[]): string[] {
  const typed = [
    'amoxicillin 500',
    'paracetamol syrup',
    'metformin 850',
    'atorva 20',
    'salbutamol inh',
    'omeprazole',
    'cetirizine',
    'co-amoxiclav',
    'ibuprofen 400mg',
    'azithro',
    'prednisolone 5',
    'ors',
    brands[0]!,
    brands[17]!,
    brands[404]!,
    brands[1999 % brands.length]!,
  ];
  return typed.flatMap((text) =>
    Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1)).filter((t) => t.trim()),
  );
}

/**
 * p50/p95 of rx.drugs.search's service call (FormularyService.search: favourites read from SQLite,
 * then the in-memory index over the shipped catalogue plus a 2,000-product formulary imported
 * through the CSV import) over every keystroke of a typed mix.
 */
export function benchDrugSearch(options: {
  migrationsDir: string;
  rounds: number;
  seed: number;
  log: (line: string) => void;
}): BenchResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-bench-drugs-'));
  const core = startCore({
    dataDir: dir,
    masterKey: keyFileMasterKey(dir),
    migrationsDir: options.migrationsDir,
    log: () => {},
  });
  try {
    const service = new FormularyService(core.ctx);
    const { csv, brands } = formularyCsv(FORMULARY_BENCH_PRODUCTS, options.seed);
    let imported = 0;
    const importMs = measure(() => {
      imported = service.importCsv(csv, BENCH_ACTOR).imported;
    }).wallMs;
    options.log(`drug-search: ${imported} formulary products imported from CSV in ${ms(importMs)} ms`);
    const indexMs = measure(() => service.search('a', 25, BENCH_ACTOR)).wallMs;
    const mix = keystrokes(brands);
    const loadBefore = loadAverage();
    // Round 1 is a person typing each text once (the index remembers only the earlier keystrokes of
    // the same word); later rounds type the same texts again, as the next patients' scripts do.
    const firstRound: number[] = [];
    const times: number[] = [];
    let results = 0;
    for (let round = 0; round < options.rounds; round++) {
      for (const text of mix) {
        const wall = measure(() => {
          results += service.search(text, 25, BENCH_ACTOR).length;
        }).wallMs;
        times.push(wall);
        if (round === 0) firstRound.push(wall);
      }
    }
    const s = summarise(times);
    const first = summarise(firstRound);
    return {
      bench: 'drug-search',
      catalogue_products: shippedCatalogue().products.length,
      formulary_products: imported,
      queries: times.length,
      mean_results: Math.round(results / times.length),
      csv_import_ms: ms(importMs),
      first_search_ms: ms(indexMs),
      first_round_p50_ms: ms(first.p50),
      first_round_p95_ms: ms(first.p95),
      p50_ms: ms(s.p50),
      p95_ms: ms(s.p95),
      p99_ms: ms(s.p99),
      load_average: loadBefore,
      target_p95_ms: DRUG_SEARCH_TARGET_P95_MS,
      // Held to the stricter of the two: typing each text for the first time.
      pass: Math.max(s.p95, first.p95) <= DRUG_SEARCH_TARGET_P95_MS,
    };
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ALLERGY_TEXTS = [
  'Penicillin - rash',
  'Sulfa drugs',
  'Peanuts',
  'Latex',
  'Codeine (vomiting)',
  'Ibuprofen',
  'Shellfish',
  'Erythromycin',
  'Bee stings',
  'Cat dander',
  'Aspirin - wheeze',
  'Carbamazepine rash',
];
const DOSE_WORDS = ['once daily', 'twice daily', 'at night', '1 tab BD', 'as needed', 'TDS after food'];

/**
 * p50/p95 of checkItem: one new prescription item against 20 current medications (free text as the
 * medication list holds it, resolved to ingredients through the catalogue) and 10 allergies, plus
 * two other items. 200 different patients, each checked for several new items, so the first check
 * of each patient (resolving its texts) is among the samples.
 */
export function benchRxSafetyCheck(options: {
  rounds: number;
  seed: number;
  log: (line: string) => void;
}): BenchResult {
  const random = mulberry32(options.seed);
  const catalogue = shippedCatalogue();
  let engine: SafetyEngine | null = null;
  const buildMs = measure(() => {
    engine = new SafetyEngine(catalogue);
  }).wallMs;
  const safety = engine! as SafetyEngine;
  const oral = catalogue.products.filter((p) => p.route === 'oral');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const patients: SafetyContext[] = Array.from({ length: 200 }, () => {
    const allergies = Array.from({ length: 10 }, () => ({ substance: pick(ALLERGY_TEXTS) }));
    return {
      currentMedications: Array.from({ length: 20 }, () => ({ name: `${pick(oral).name} ${pick(DOSE_WORDS)}` })),
      allergies,
      allergiesRecorded: true,
      otherItems: [0, 1].map(() => {
        const p = pick(oral);
        return { ingredientIds: p.ingredients.map((i) => i.id), name: p.name, dailyMgByIngredient: null };
      }),
      weightKg: 70,
      ageYears: 50,
    };
  });
  const items: SafetyItem[] = Array.from({ length: 50 }, () => {
    const p = pick(oral);
    const daily: Record<string, number> = {};
    for (const i of p.ingredients) if (i.strengthUnit === 'mg') daily[i.id] = i.strength * 3;
    return { ingredientIds: p.ingredients.map((i) => i.id), name: p.name, dailyMgByIngredient: daily, route: 'oral' };
  });
  const times: number[] = [];
  let alerts = 0;
  let interrupts = 0;
  const loadBefore = loadAverage();
  for (let round = 0; round < options.rounds; round++) {
    for (let n = 0; n < patients.length; n++) {
      for (let k = 0; k < 5; k++) {
        const item = items[(n * 5 + k + round) % items.length]!;
        times.push(
          measure(() => {
            const found = safety.checkItem(item, patients[n]!);
            alerts += found.length;
            interrupts += found.filter((a) => a.severity === 'interrupt').length;
          }).wallMs,
        );
      }
    }
  }
  const s = summarise(times);
  options.log(`rx-safety-check: ${times.length} checks, ${alerts} alerts (${interrupts} interrupting)`);
  return {
    bench: 'rx-safety-check',
    checks: times.length,
    current_medications: 20,
    allergies: 10,
    mean_alerts: Math.round((alerts / times.length) * 10) / 10,
    engine_build_ms: ms(buildMs),
    p50_ms: ms(s.p50),
    p95_ms: ms(s.p95),
    p99_ms: ms(s.p99),
    load_average: loadBefore,
    target_p95_ms: RX_SAFETY_CHECK_TARGET_P95_MS,
    pass: s.p95 <= RX_SAFETY_CHECK_TARGET_P95_MS,
  };
}
