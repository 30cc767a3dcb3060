import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, startCore } from '../../electron/main/core';
import { copyKeyFile, keyFileMasterKey } from '../../electron/main/security/key-file';
import type { BenchResult } from './bench-result';
import { mulberry32 } from './prng';
import { BENCH_ADMIN, type SeededDatabase } from './seed-database';
import { loadAverage, ms } from './stats';

/** Issue 11's target: ORU^R01 messages of ten results each, matched, change-logged and audited. */
export const ORU_IMPORT_TARGET_MESSAGES_PER_S = 1000;
/** Enough for ten batches of the import's 500, so batch boundaries and yields are in the time. */
export const ORU_IMPORT_BENCH_MESSAGES = 5000;

export interface OruImportBenchOptions {
  seeded: SeededDatabase;
  migrationsDir: string;
  seed: number;
  messages: number;
  log: (line: string) => void;
}

/** A basic metabolic panel and lipids: ten LOINC-coded numeric results with UCUM units. */
const RESULTS: Array<[string, string, string, number, number]> = [
  ['2345-7', 'Glucose', 'mmol/L', 3.9, 5.5],
  ['2951-2', 'Sodium', 'mmol/L', 135, 145],
  ['2823-3', 'Potassium', 'mmol/L', 3.5, 5.1],
  ['2075-0', 'Chloride', 'mmol/L', 98, 107],
  ['2028-9', 'Carbon dioxide', 'mmol/L', 22, 29],
  ['3094-0', 'Urea nitrogen', 'mg/dL', 7, 20],
  ['2160-0', 'Creatinine', 'mg/dL', 0.6, 1.2],
  ['17861-6', 'Calcium', 'mg/dL', 8.6, 10.3],
  ['2093-3', 'Cholesterol', 'mmol/L', 3, 5.2],
  ['2085-9', 'HDL cholesterol', 'mmol/L', 1, 2],
];

const escape = (text: string) =>
  text.replace(/\\/g, '\\E\\').replace(/\|/g, '\\F\\').replace(/\^/g, '\\S\\').replace(/&/g, '\\T\\').replace(/~/g, '\\R\\');

interface BenchPatient {
  mrn: string;
  given_names: string;
  family_name: string;
  birth_date: string;
  sex: string;
}

/** One ORU^R01 file: a message per patient, each one OBR with ten OBX; one in twenty names nobody we know. */
function oruFile(patients: BenchPatient[], seed: number): string {
  const rng = mulberry32(seed ^ 0x0a0b);
  const out: string[] = [];
  patients.forEach((p, i) => {
    const mrn = i % 20 === 19 ? `EXT-${i}` : p.mrn;
    const taken = new Date(Date.UTC(2026, 0, 5) + i * 60_000);
    const dtm = taken.toISOString().replace(/[-:T]/g, '').slice(0, 12) + '+0000';
    const segments = [
      `MSH|^~\\&|LIS|CITYLAB|CHARTBOOK|CLINIC|${dtm}||ORU^R01^ORU_R01|B${seed}-${i}|P|2.5.1`,
      `PID|1||${escape(mrn)}^^^CLINIC^MR||${escape(p.family_name)}^${escape(p.given_names)}||${p.birth_date.replace(/-/g, '')}|${p.sex === 'female' ? 'F' : 'M'}`,
      `ORC|RE||F${i}`,
      `OBR|1||F${i}|24323-8^Comprehensive metabolic panel^LN|||${dtm}|||||||||||||||${dtm}|||F`,
      ...RESULTS.map(([code, name, unit, low, high], k) => {
        const value = Math.round((low + (high - low) * (rng() * 1.4 - 0.2)) * 100) / 100;
        return `OBX|${k + 1}|NM|${code}^${name}^LN||${value}|${unit}|${low}-${high}||||F|||${dtm}`;
      }),
    ];
    out.push(`\x0b${segments.join('\r')}\r\x1c\r`);
  });
  return out.join('');
}

/**
 * `labs.import` through the dispatcher (contract checks, access, the import service as the app runs
 * it) of one file into a copy of the 100,000-patient database.
 */
export async function benchOruImport(options: OruImportBenchOptions): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-bench-oru-'));
  fs.copyFileSync(options.seeded.file, path.join(dir, DATABASE_FILE));
  copyKeyFile(path.dirname(options.seeded.file), dir);
  const core = startCore({
    dataDir: dir,
    masterKey: keyFileMasterKey(dir),
    migrationsDir: options.migrationsDir,
    log: () => {},
  });
  try {
    const db = core.db.sqlite;
    const patientCount = (db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;
    const step = Math.max(1, Math.floor(patientCount / options.messages));
    const patients = db
      .prepare(
        `SELECT mrn, given_names, family_name, birth_date, sex FROM patients
          WHERE deleted_at IS NULL AND local_seq % ? = 0 ORDER BY local_seq LIMIT ?`,
      )
      .all(step, options.messages) as BenchPatient[];
    const content = oruFile(patients, options.seed);
    const session = core.newSession();
    const signIn = await core.dispatch(session, 'auth.signIn', {
      username: BENCH_ADMIN.username,
      password: BENCH_ADMIN.password,
    });
    if (!signIn.ok) throw new Error(`bench sign-in failed: ${signIn.error.message}`);
    const changesBefore = (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    const auditBefore = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    options.log(`   importing ${patients.length} messages (${(content.length / 1e6).toFixed(1)} MB) into ${patientCount} patients`);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const answer = await core.dispatch(session, 'labs.import', { fileName: 'bench.hl7', content });
    const wall = performance.now() - started;
    const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
    if (!answer.ok) throw new Error(`labs.import failed: ${answer.error.message}`);
    const summary = answer.value as { imported: number; toReconcile: number; results: number; problems: unknown[] };
    const changes = (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n - changesBefore;
    const audits = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n - auditBefore;
    const perS = (patients.length / wall) * 1000;
    return {
      bench: 'oru-import',
      n: patientCount,
      messages: patients.length,
      results_per_message: RESULTS.length,
      imported: summary.imported,
      to_reconcile: summary.toReconcile,
      problems: summary.problems.length,
      change_log_rows: changes,
      audit_rows: audits,
      wall_ms: ms(wall),
      cpu_ms: ms(cpuMs),
      messages_per_s: Math.round(perS),
      target_messages_per_s: ORU_IMPORT_TARGET_MESSAGES_PER_S,
      load: loadAverage(),
      pass: perS >= ORU_IMPORT_TARGET_MESSAGES_PER_S && summary.problems.length === 0,
    };
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
