import fs from 'node:fs';
import path from 'node:path';
import { startCore } from '../../electron/main/core';
import type { BenchResult } from './bench-result';
import { skipped } from './bench-result';
import { setUpBenchClinic } from './seed-database';
import { ms, summarise } from './stats';
import { keyFileMasterKey } from '../../electron/main/security/key-file';

const SIGN_IN_LABEL = 'User name';
const PROBE_TIMEOUT_MS = 20_000;

export interface StartupBenchOptions {
  repoRoot: string;
  migrationsDir: string;
  launches: number;
  log: (line: string) => void;
}

/**
 * Time from launchApp (Chromium start, core start on an existing clinic's data folder, renderer
 * load) to the sign-in screen being visible. Until the sign-in screen exists, the first rendered
 * heading stands in for it; the JSON line says which was awaited.
 */
export async function benchStartupToSignIn(options: StartupBenchOptions): Promise<BenchResult> {
  const bench = 'startup-to-sign-in';
  const rendererIndex = path.join(options.repoRoot, 'out', 'renderer', 'index.html');
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(rendererIndex))
    return skipped(bench, `no built renderer at ${rendererIndex}: run "npx electron-vite build" first`);
  if (!fs.existsSync(chromiumPath))
    return skipped(bench, `no Chromium at ${chromiumPath}: install Debian's chromium or set CHROMIUM_PATH`);

  // Imported here so the database scenarios run without Playwright loaded.
  const { freshDataDir, launchApp } = await import('../../tests/harness/app-harness');
  const template = freshDataDir('chartbook-bench-startup-template-');
  const core = startCore({
    dataDir: template,
    masterKey: keyFileMasterKey(template),
    migrationsDir: options.migrationsDir,
    log: () => {},
  });
  try {
    await setUpBenchClinic(core);
  } finally {
    core.close();
  }

  let until: 'sign-in form' | 'first heading' = 'sign-in form';
  const times: number[] = [];
  try {
    // Launch 0 warms the OS file cache for Chromium and the renderer bundle, and finds what to wait for.
    for (let launch = 0; launch <= options.launches; launch++) {
      const dataDir = freshDataDir('chartbook-bench-startup-');
      fs.cpSync(template, dataDir, { recursive: true });
      const started = performance.now();
      const app = await launchApp({ dataDir });
      try {
        if (launch === 0) {
          try {
            await app.page
              .getByLabel(SIGN_IN_LABEL, { exact: true })
              .waitFor({ state: 'visible', timeout: PROBE_TIMEOUT_MS });
          } catch {
            until = 'first heading';
            await app.page.getByRole('heading').first().waitFor({ state: 'visible', timeout: PROBE_TIMEOUT_MS });
          }
          options.log(
            `startup-to-sign-in: waiting for the ${until} (warm-up launch ${Math.round(performance.now() - started)} ms)`,
          );
        } else {
          const target =
            until === 'sign-in form'
              ? app.page.getByLabel(SIGN_IN_LABEL, { exact: true })
              : app.page.getByRole('heading').first();
          await target.waitFor({ state: 'visible', timeout: PROBE_TIMEOUT_MS });
          const t = performance.now() - started;
          times.push(t);
          options.log(`  launch ${launch}: ${Math.round(t)} ms`);
        }
      } finally {
        await app.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    fs.rmSync(template, { recursive: true, force: true });
  }
  const s = summarise(times);
  return {
    bench,
    launches: times.length,
    until,
    p50_ms: ms(s.p50),
    p95_ms: ms(s.p95),
    target_p95_ms: null,
    pass: null,
  };
}
