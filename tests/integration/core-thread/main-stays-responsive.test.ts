import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../electron/main/core';
import type { CoreClient } from '../../../electron/main/core-thread/core-client';
import { MIGRATIONS_DIR } from '../support';
import { bookFolder, DESK_PASSWORD, FONTS_DIR, signIn, startTestCore } from './core-thread-support';
import { keyFileMasterKey } from '../../../electron/main/security/key-file';

// Enough day lists to keep the core busy for a second or more, now that fonts are decoded once (font-table-cache.ts).
const RENDERS = 60;

/** The longest time main's event loop went without running a 5 ms timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stallMs: number; workMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(tick);
  }
  const ended = performance.now();
  return { stallMs: Math.max(stallMs, ended - last), workMs: ended - started };
}

let core: CoreClient | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe("main's thread while the core builds PDFs", () => {
  it('keeps answering (windows and menus stay alive) while the core renders day lists', async () => {
    const { dir, clock, doctorId } = await bookFolder();
    core = await startTestCore(dir, { clock: clock.now });
    await signIn(core, 'desk', 'desk');
    const dayList = () => core!.dispatch('desk', 'print.dayList', { providerId: doctorId, date: '2026-03-10' });
    await dayList(); // fonts and JIT warm

    const { stallMs, workMs } = await longestStall(async () => {
      const results = await Promise.all(Array.from({ length: RENDERS }, dayList));
      expect(results.every((r) => r.ok)).toBe(true);
    });

    // The core was busy for most of a second or more; main never stopped for more than a moment
    // (the bound leaves room for a shared, loaded machine, far below what one render costs).
    expect(workMs).toBeGreaterThan(500);
    expect(stallMs).toBeLessThan(Math.min(200, workMs / 4));
  });

  it('(the probe works) the same renders in main’s own thread stall it for their whole length', async () => {
    const { dir, clock, doctorId } = await bookFolder();
    const inMain = startCore({
      dataDir: dir,
      masterKey: keyFileMasterKey(dir),
      migrationsDir: MIGRATIONS_DIR,
      fontsDir: FONTS_DIR,
      now: clock.now,
      log: () => {},
    });
    try {
      const desk = inMain.newSession();
      await inMain.dispatch(desk, 'auth.signIn', { username: 'desk', password: DESK_PASSWORD });
      const dayList = () => inMain.dispatch(desk, 'print.dayList', { providerId: doctorId, date: '2026-03-10' });
      await dayList();
      const { stallMs, workMs } = await longestStall(async () => {
        for (let i = 0; i < RENDERS; i++) await dayList();
      });
      expect(workMs).toBeGreaterThan(500);
      expect(stallMs).toBeGreaterThan(workMs / 2);
    } finally {
      inMain.close();
    }
  });
});
