import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { startCore } from '../../electron/main/core';
import { writeDeviceState } from '../../electron/main/db/device-state';
import { copyKeyFile, keyFileMasterKey } from '../../electron/main/security/key-file';
import { SOURCE_BACKUP_WORKER } from '../../tests/harness/core-worker-entry';
import type { BenchResult } from './bench-result';
import { queryMix } from './query-mix';
import { BENCH_ADMIN, type SeededDatabase } from './seed-database';
import { ms, summarise } from './stats';

export const BACKUP_TARGET_P95_RATIO = 2;
export const BACKUP_DEFAULT_MB = 250;
const MB = 1024 * 1024;

export interface BackupBenchOptions {
  seeded: SeededDatabase;
  migrationsDir: string;
  cacheRoot: string;
  /** The database is grown to this size (audit rows, as a clinic's audit trail grows) before backing up. */
  targetMb: number;
  patients: number;
  seed: number;
  queries: number;
  log: (line: string) => void;
}

const DB = 'chartbook.sqlite';

/** The seeded patient database grown to targetMb with audit entries; cached like the other seeds. */
export function grownDatabase(options: BackupBenchOptions): string {
  const dir = path.join(options.cacheRoot, `backup-${path.basename(options.seeded.dir)}-${options.targetMb}mb`);
  if (fs.existsSync(path.join(dir, DB))) return dir;
  const building = `${dir}.building`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(building, { recursive: true });
  fs.copyFileSync(options.seeded.file, path.join(building, DB));
  copyKeyFile(options.seeded.dir, building);
  const core = startCore({
    dataDir: building,
    masterKey: keyFileMasterKey(building),
    migrationsDir: options.migrationsDir,
    backupEveryMs: 0,
    log: () => {},
  });
  try {
    const db = core.db.sqlite;
    const insert = db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO audit_log (uuid, device_id, at, user_id, username, action, outcome, details)
       SELECT lower(hex(randomblob(16))), 'bench', '2026-01-01T00:00:00.000Z', NULL, 'bench', 'patient.view', 'success',
              hex(randomblob(400)) FROM n`,
    );
    const size = () => fs.statSync(path.join(building, DB)).size + fs.statSync(path.join(building, `${DB}-wal`)).size;
    while (size() < options.targetMb * MB) {
      db.transaction(() => insert.run(20_000))();
      db.pragma('wal_checkpoint(TRUNCATE)');
      options.log(`backup: grown to ${(size() / MB).toFixed(0)} MB of ${options.targetMb}`);
    }
  } finally {
    core.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(building, dir);
  return dir;
}

/**
 * Backs up a database of targetMb (default 250 MB) through the backups.run channel while searching
 * patients as fast as the core allows, and compares the search p95 during the backup with the p95
 * before it (target: at most 2x). The backup runs in its own thread on its own connection (WAL), so
 * the core's thread only answers searches.
 */
export async function benchBackup(options: BackupBenchOptions): Promise<BenchResult> {
  const source = grownDatabase(options);
  const work = `${source}.run`;
  const folder = `${source}.backups`;
  for (const d of [work, folder]) fs.rmSync(d, { recursive: true, force: true });
  fs.mkdirSync(work);
  fs.mkdirSync(folder);
  fs.copyFileSync(path.join(source, DB), path.join(work, DB));
  copyKeyFile(source, work);
  const core = startCore({
    dataDir: work,
    masterKey: keyFileMasterKey(work),
    migrationsDir: options.migrationsDir,
    backupWorker: SOURCE_BACKUP_WORKER,
    backupEveryMs: 0,
    log: () => {},
  });
  try {
    writeDeviceState(core.db.sqlite, 'backup.folder', folder, new Date().toISOString());
    const admin = core.newSession();
    const signedIn = await core.dispatch(admin, 'auth.signIn', {
      username: BENCH_ADMIN.username,
      password: BENCH_ADMIN.password,
    });
    if (!signedIn.ok) throw new Error(`bench sign-in failed: ${signedIn.error.message}`);
    const mix = queryMix(options.seed, options.patients, options.queries);
    const search = async (text: string): Promise<number> => {
      const t = performance.now();
      await core.dispatch(admin, 'patients.search', { text });
      return performance.now() - t;
    };
    for (const q of mix) await search(q.text);
    const before: number[] = [];
    for (const q of mix) before.push(await search(q.text));

    const dbMb = fs.statSync(path.join(work, DB)).size / MB;
    options.log(`backup: backing up ${dbMb.toFixed(0)} MB while searching`);
    const started = performance.now();
    let done = false;
    const backup = core.dispatch(admin, 'backups.run', {}).finally(() => (done = true));
    const during: number[] = [];
    for (let i = 0; !done; i++) {
      during.push(await search(mix[i % mix.length]!.text));
      await turn();
    }
    const result = await backup;
    const backupMs = performance.now() - started;
    if (!result.ok) throw new Error(`backup failed: ${result.error.message}`);
    const made = result.value as { sizeBytes: number };
    const b = summarise(before);
    const d = summarise(during);
    const ratio = d.p95 / b.p95;
    options.log(
      `backup: ${(backupMs / 1000).toFixed(1)} s; search p95 ${ms(b.p95)} ms before, ${ms(d.p95)} ms during (${during.length} searches)`,
    );
    return {
      bench: 'backup',
      db_mb: Math.round(dbMb),
      backup_mb: Math.round(made.sizeBytes / MB),
      backup_s: Math.round(backupMs / 100) / 10,
      search_p95_ms: ms(b.p95),
      search_p95_during_backup_ms: ms(d.p95),
      searches_during_backup: during.length,
      p95_ratio: Math.round(ratio * 100) / 100,
      target_p95_ratio: BACKUP_TARGET_P95_RATIO,
      pass: ratio <= BACKUP_TARGET_P95_RATIO,
    };
  } finally {
    core.close();
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
