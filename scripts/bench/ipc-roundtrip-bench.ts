import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore } from '../../electron/main/core';
import { startCoreWorker } from '../../electron/main/core-thread/core-client';
import { SOURCE_CORE_WORKER } from '../../tests/harness/core-worker-entry';
import type { BenchResult } from './bench-result';
import { setUpBenchClinic } from './seed-database';
import { loadAverage, ms, summarise } from './stats';
import { keyFileMasterKey } from '../../electron/main/security/key-file';

export const ROUNDTRIP_TARGET_ADDED_P95_MS = 0.5;
const CHANNEL = 'app.status';
const WARM_UP = 500;
const BLOCK = 250;

export interface RoundtripBenchOptions {
  migrationsDir: string;
  roundtrips: number;
  log: (line: string) => void;
}

async function timed(call: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await call();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * What the core thread adds to a request: the same trivial channel (app.status: one settings read)
 * through the core client (structured clone to the worker, dispatch, clone back) and through a
 * direct in-process dispatch, on one clinic's database. The two alternate in blocks so that load
 * from other processes on a shared machine falls on both alike. The worker runs the sources
 * through tsx, as the harness runs the built file: the same code either way.
 */
export async function benchIpcRoundtrip(options: RoundtripBenchOptions): Promise<BenchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-bench-roundtrip-'));
  const direct = startCore({
    dataDir,
    masterKey: keyFileMasterKey(dataDir),
    migrationsDir: options.migrationsDir,
    log: () => {},
  });
  const worker = await startCoreWorker({
    entry: SOURCE_CORE_WORKER,
    dataDir,
    masterKey: keyFileMasterKey(dataDir),
    migrationsDir: options.migrationsDir,
  });
  try {
    await setUpBenchClinic(direct);
    const session = direct.newSession();
    worker.openSession('bench');
    const viaDirect = () => direct.dispatch(session, CHANNEL, {});
    const viaWorker = () => worker.dispatch('bench', CHANNEL, {});
    const check = await viaWorker();
    if (!check.ok) throw new Error(`${CHANNEL} through the core thread failed: ${check.error.message}`);

    for (let i = 0; i < WARM_UP; i++) {
      await viaDirect();
      await viaWorker();
    }
    options.log(`ipc-roundtrip: ${options.roundtrips} calls of ${CHANNEL} each way, alternating in blocks of ${BLOCK}`);
    const loadBefore = loadAverage();
    const directTimes: number[] = [];
    const workerTimes: number[] = [];
    while (workerTimes.length < options.roundtrips) {
      const block = Math.min(BLOCK, options.roundtrips - workerTimes.length);
      for (let i = 0; i < block; i++) directTimes.push(await timed(viaDirect));
      for (let i = 0; i < block; i++) workerTimes.push(await timed(viaWorker));
    }
    const d = summarise(directTimes);
    const w = summarise(workerTimes);
    const added = w.p95 - d.p95;
    return {
      bench: 'ipc-roundtrip',
      channel: CHANNEL,
      n: workerTimes.length,
      p50_ms: ms(w.p50),
      p95_ms: ms(w.p95),
      p99_ms: ms(w.p99),
      direct_p50_ms: ms(d.p50),
      direct_p95_ms: ms(d.p95),
      added_p50_ms: ms(w.p50 - d.p50),
      added_p95_ms: ms(added),
      load_avg: Math.max(loadBefore, loadAverage()),
      target_added_p95_ms: ROUNDTRIP_TARGET_ADDED_P95_MS,
      pass: added <= ROUNDTRIP_TARGET_ADDED_P95_MS,
    };
  } finally {
    await worker.close();
    direct.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
