import { afterEach, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../../electron/main/core-thread/core-client';
import { bookFolder, call, signIn, startTestCore } from '../core-thread/core-thread-support';

let core: CoreClient | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('the core thread’s idle watcher', { timeout: 120_000 }, () => {
  it('locks an idle session and tells its window when the idle time ends, with no call from it', async () => {
    const folder = await bookFolder();
    let mainNow = folder.clock.ms;
    core = await startTestCore(folder.dir, { clock: () => new Date(mainNow) });
    await signIn(core, 'desk', 'desk');
    await signIn(core, 'admin', 'admin');
    const events: string[] = [];
    core.onEvent((session, event) => events.push(`${session}:${event}`));

    // The book clinic locks after 240 idle minutes; 239 pass: nothing happens.
    mainNow += 239 * 60_000;
    await new Promise((r) => setTimeout(r, 600));
    expect(events).toEqual([]);
    // The admin keeps working; the desk does not.
    await call(core, 'admin', 'session.touch', {});

    mainNow += 2 * 60_000;
    await expect.poll(() => events, { timeout: 5_000 }).toEqual(['desk:session.locked']);
    const refused = await core.dispatch('desk', 'patients.search', { text: 'a' });
    expect(refused.ok === false && refused.error.code).toBe('SESSION_LOCKED');
    expect((await core.dispatch('admin', 'patients.search', { text: 'a' })).ok).toBe(true);
  });
});
