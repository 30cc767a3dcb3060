/**
 * `npm run bench`: seeds deterministic synthetic patients into a real SQLite file through the real
 * schema (cached in ./bench-data), runs the scenarios, prints progress on stderr and, as the last
 * lines on stdout, one JSON line per scenario with its target and whether it passed.
 *
 *   npm run bench                          all scenarios at 100,000 patients
 *   npm run bench -- --full                patient scenarios at 1,000,000 patients
 *   npm run bench -- --patients 20000 --scenarios patient-search,patient-register
 *   npm run bench -- --scenarios appointments-day,appointments-book,day-list-pdf
 *   npm run bench -- --scenarios encryption-cost   search, register, booking: encrypted vs a plain copy
 *   npm run bench -- --scenarios diagnosis-search  ICD-10-CM search over the shipped code set (no patients)
 *   npm run bench -- --scenarios rx-pdf            a 5-item prescription's PDF preview, warm (no patients)
 *   npm run bench -- --scenarios drug-search,rx-safety-check  drug catalogue + formulary search; safety checks (no patients)
 *   npm run bench -- --scenarios oru-import   5,000 ORU^R01 messages of ten results into the 100,000-patient database
 *   npm run bench -- --scenarios results-trend,results-inbox  lab trend and results inbox (issue 11)
 *   options: --seed N  --queries N  --rounds N  --registrations N  --launches N  --cache-dir DIR
 *            --day-views N  --bookings N  --roundtrips N  --backup-mb N (the backup scenario's database, 250)
 *            --chart-samples N (chart-open, note-autosave, vitals-trend; 300)
 *
 * The appointment scenarios run on a copy of the patient database plus two years of a three-doctor
 * front desk (scripts/bench/appointments-seed.ts), cached beside it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAppointmentsBook } from './bench/appointments-book-bench';
import { benchAppointmentsDay } from './bench/appointments-day-bench';
import { BACKUP_DEFAULT_MB, benchBackup } from './bench/backup-bench';
import { appointmentSeededDatabase } from './bench/appointments-seed';
import type { BenchResult } from './bench/bench-result';
import { benchDayListPdf } from './bench/day-list-pdf';
import { benchIpcRoundtrip } from './bench/ipc-roundtrip-bench';
import { benchPatientRegister } from './bench/patient-register-bench';
import { benchPatientSearch } from './bench/patient-search-bench';
import { seededDatabase, type SeededDatabase } from './bench/seed-database';
import { benchStartupToSignIn } from './bench/startup-bench';
import { plainCopyOf } from './bench/plain-copy';
import { benchChartOpen, benchNoteAutosave, benchVitalsTrend, chartBenchRig } from './bench/chart-bench';
import { benchDiagnosisSearch } from './bench/diagnosis-search-bench';
import { benchRxPdf } from './bench/rx-pdf-bench';
import { benchDrugSearch, benchRxSafetyCheck } from './bench/rx-bench';
import { benchOruImport, ORU_IMPORT_BENCH_MESSAGES } from './bench/oru-import-bench';
import { benchResultsInbox, benchResultsTrend, labBenchRig } from './bench/lab-review-bench';

const SCENARIOS = [
  'patient-search',
  'patient-register',
  'startup-to-sign-in',
  'appointments-day',
  'appointments-book',
  'day-list-pdf',
  'ipc-roundtrip',
  'encryption-cost',
  'backup',
  'chart-open',
  'note-autosave',
  'vitals-trend',
  'diagnosis-search',
  'rx-pdf',
  'drug-search',
  'rx-safety-check',
  'oru-import',
  'results-trend',
  'results-inbox',
] as const;
type Scenario = (typeof SCENARIOS)[number];

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIGRATIONS_DIR = path.join(REPO_ROOT, 'migrations');

interface Options {
  patients: number;
  seed: number;
  queries: number;
  rounds: number;
  registrations: number;
  launches: number;
  dayViews: number;
  bookings: number;
  roundtrips: number;
  backupMb: number;
  chartSamples: number;
  cacheDir: string;
  scenarios: Scenario[];
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function positiveInt(flag: string, value: string | undefined): number {
  const n = Number(value?.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) fail(`${flag} needs a whole number above 0, got "${value ?? ''}"`);
  return n;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    patients: 100_000,
    seed: 42,
    queries: 2_000,
    rounds: 2,
    registrations: 300,
    launches: 5,
    dayViews: 1_000,
    bookings: 300,
    roundtrips: 5_000,
    backupMb: BACKUP_DEFAULT_MB,
    chartSamples: 300,
    cacheDir: path.join(REPO_ROOT, 'bench-data'),
    scenarios: [...SCENARIOS],
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => argv[++i] ?? fail(`${flag} needs a value`);
    switch (flag) {
      case '--full':
        options.patients = 1_000_000;
        break;
      case '--patients':
        options.patients = positiveInt(flag, value());
        break;
      case '--seed':
        options.seed = positiveInt(flag, value());
        break;
      case '--queries':
        options.queries = positiveInt(flag, value());
        break;
      case '--rounds':
        options.rounds = positiveInt(flag, value());
        break;
      case '--registrations':
        options.registrations = positiveInt(flag, value());
        break;
      case '--launches':
        options.launches = positiveInt(flag, value());
        break;
      case '--day-views':
        options.dayViews = positiveInt(flag, value());
        break;
      case '--bookings':
        options.bookings = positiveInt(flag, value());
        break;
      case '--roundtrips':
        options.roundtrips = positiveInt(flag, value());
        break;
      case '--backup-mb':
        options.backupMb = positiveInt(flag, value());
        break;
      case '--chart-samples':
        options.chartSamples = positiveInt(flag, value());
        break;
      case '--cache-dir':
        options.cacheDir = path.resolve(value());
        break;
      case '--scenarios': {
        const names = value()
          .split(',')
          .map((s) => s.trim());
        const unknown = names.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
        if (unknown.length) fail(`unknown scenario ${unknown.join(', ')}; choose from ${SCENARIOS.join(', ')}`);
        options.scenarios = names as Scenario[];
        break;
      }
      default:
        fail(`unknown option ${flag}; see the comment at the top of scripts/bench.ts`);
    }
  }
  return options;
}

/**
 * What encryption costs: search, registration and booking timed on the encrypted database and on a
 * plain copy of it, back to back in one run (issue "Safe on a lost laptop", targets).
 */
async function encryptionCost(
  patientsDb: SeededDatabase,
  appointmentsDb: SeededDatabase,
  options: Options,
  log: (line: string) => void,
): Promise<BenchResult> {
  const plainPatients = plainCopyOf(patientsDb);
  const plainAppointments = plainCopyOf(appointmentsDb);
  const common = { migrationsDir: MIGRATIONS_DIR, ...options, log };
  const p95 = (r: BenchResult) => Number(r.p95_ms);
  const pairs = {
    search: [
      benchPatientSearch({ ...common, seeded: patientsDb }),
      benchPatientSearch({ ...common, seeded: plainPatients, unencrypted: true }),
    ],
    register: [
      benchPatientRegister({ ...common, seeded: patientsDb }),
      benchPatientRegister({ ...common, seeded: plainPatients, unencrypted: true }),
    ],
    book: [
      benchAppointmentsBook({ ...common, seeded: appointmentsDb }),
      benchAppointmentsBook({ ...common, seeded: plainAppointments, unencrypted: true }),
    ],
  };
  const result: BenchResult = { bench: 'encryption-cost', patients: options.patients };
  let pass = true;
  for (const [name, [encrypted, plain]] of Object.entries(pairs)) {
    result[`${name}_p95_ms_encrypted`] = p95(encrypted!);
    result[`${name}_p95_ms_plain`] = p95(plain!);
    result[`${name}_cost_ratio`] = Math.round((p95(encrypted!) / p95(plain!)) * 100) / 100;
    pass &&= encrypted!.pass !== false;
  }
  // The target: with encryption on, every scenario still meets its own target.
  result.pass = pass;
  return result;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  const results: BenchResult[] = [];
  let seeded: SeededDatabase | null = null;
  const seededOnce = async () =>
    (seeded ??= await seededDatabase({
      cacheRoot: options.cacheDir,
      migrationsDir: MIGRATIONS_DIR,
      patients: options.patients,
      seed: options.seed,
      log,
    }));
  let appointmentsSeeded: SeededDatabase | null = null;
  const appointmentsOnce = async () =>
    (appointmentsSeeded ??= await appointmentSeededDatabase({
      cacheRoot: options.cacheDir,
      migrationsDir: MIGRATIONS_DIR,
      patientsDb: await seededOnce(),
      seed: options.seed,
      log,
    }));

  // The chart scenarios share one copy of the database with one heavy chart written into it.
  let chartRig: Awaited<ReturnType<typeof chartBenchRig>> | null = null;
  const chartOptions = async () => ({
    seeded: await seededOnce(),
    migrationsDir: MIGRATIONS_DIR,
    seed: options.seed,
    samples: options.chartSamples,
    log,
  });
  const chartRigOnce = async () => (chartRig ??= await chartBenchRig(await chartOptions()));
  // The lab review scenarios share one copy with the lab record written into it.
  let labRig: Awaited<ReturnType<typeof labBenchRig>> | null = null;
  const labRigOnce = async () => (labRig ??= await labBenchRig(await chartOptions()));

  for (const scenario of options.scenarios) {
    const t = performance.now();
    log(`== ${scenario}`);
    if (scenario === 'patient-search') {
      results.push(benchPatientSearch({ seeded: await seededOnce(), migrationsDir: MIGRATIONS_DIR, ...options, log }));
    } else if (scenario === 'patient-register') {
      results.push(
        benchPatientRegister({ seeded: await seededOnce(), migrationsDir: MIGRATIONS_DIR, ...options, log }),
      );
    } else if (scenario === 'appointments-day') {
      results.push(
        await benchAppointmentsDay({
          seeded: await appointmentsOnce(),
          migrationsDir: MIGRATIONS_DIR,
          ...options,
          log,
        }),
      );
    } else if (scenario === 'appointments-book') {
      results.push(
        benchAppointmentsBook({ seeded: await appointmentsOnce(), migrationsDir: MIGRATIONS_DIR, ...options, log }),
      );
    } else if (scenario === 'day-list-pdf') {
      results.push(await benchDayListPdf());
    } else if (scenario === 'encryption-cost') {
      results.push(await encryptionCost(await seededOnce(), await appointmentsOnce(), options, log));
    } else if (scenario === 'backup') {
      results.push(
        await benchBackup({
          seeded: await seededOnce(),
          migrationsDir: MIGRATIONS_DIR,
          cacheRoot: options.cacheDir,
          targetMb: options.backupMb,
          patients: options.patients,
          seed: options.seed,
          queries: Math.min(options.queries, 500),
          log,
        }),
      );
    } else if (scenario === 'chart-open') {
      results.push(await benchChartOpen(await chartRigOnce(), await chartOptions()));
    } else if (scenario === 'note-autosave') {
      results.push(await benchNoteAutosave(await chartRigOnce(), await chartOptions()));
    } else if (scenario === 'vitals-trend') {
      results.push(await benchVitalsTrend(await chartRigOnce(), await chartOptions()));
    } else if (scenario === 'diagnosis-search') {
      results.push(
        benchDiagnosisSearch({
          migrationsDir: MIGRATIONS_DIR,
          referenceDir: path.join(REPO_ROOT, 'resources'),
          // Every keystroke of about a dozen diagnoses: a few rounds give enough samples for a p95.
          rounds: Math.max(options.rounds, 5),
          log,
        }),
      );
    } else if (scenario === 'rx-pdf') {
      // A warm "Print prescription" preview (5 items, Devanagari name) through the dispatcher: no patient file needed.
      results.push(await benchRxPdf({ migrationsDir: MIGRATIONS_DIR, samples: 60, log }));
    } else if (scenario === 'drug-search') {
      results.push(
        benchDrugSearch({
          migrationsDir: MIGRATIONS_DIR,
          rounds: Math.max(options.rounds, 5),
          seed: options.seed,
          log,
        }),
      );
    } else if (scenario === 'rx-safety-check') {
      results.push(benchRxSafetyCheck({ rounds: Math.max(options.rounds, 3), seed: options.seed, log }));
    } else if (scenario === 'oru-import') {
      results.push(
        await benchOruImport({
          seeded: await seededOnce(),
          migrationsDir: MIGRATIONS_DIR,
          seed: options.seed,
          messages: ORU_IMPORT_BENCH_MESSAGES,
          log,
        }),
      );
    } else if (scenario === 'results-trend') {
      results.push(await benchResultsTrend(await labRigOnce(), await chartOptions()));
    } else if (scenario === 'results-inbox') {
      results.push(await benchResultsInbox(await labRigOnce(), await chartOptions()));
    } else if (scenario === 'ipc-roundtrip') {
      results.push(await benchIpcRoundtrip({ migrationsDir: MIGRATIONS_DIR, roundtrips: options.roundtrips, log }));
    } else {
      const result = await benchStartupToSignIn({
        repoRoot: REPO_ROOT,
        migrationsDir: MIGRATIONS_DIR,
        launches: options.launches,
        log,
      });
      if (result.skipped) log(`startup-to-sign-in skipped: ${String(result.reason)}`);
      results.push(result);
    }
    log(`   (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  (chartRig as { dispose(): void } | null)?.dispose();
  (labRig as { dispose(): void } | null)?.dispose();
  log(`bench finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
