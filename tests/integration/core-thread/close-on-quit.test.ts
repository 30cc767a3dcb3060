import { afterEach, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../../electron/main/core-thread/core-client';
import { bookFolder, call, inspect, signIn, startTestCore, walExists } from './core-thread-support';

let core: CoreClient | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const register = (c: CoreClient, n: number) =>
  c.dispatch('desk', 'patients.register', {
    patient: {
      givenNames: `Quitting ${n}`,
      familyName: 'Test',
      sex: 'female',
      birth: { kind: 'date', date: '1990-01-01' },
      phones: [],
    },
  });

const integrity = (dir: string) => inspect(dir, (db) => db.pragma('integrity_check', { simple: true }));
const namesOnFile = (dir: string) =>
  inspect(dir, (db) =>
    (
      db.prepare("SELECT given_names FROM patients WHERE given_names LIKE 'Quitting %'").all() as {
        given_names: string;
      }[]
    )
      .map((r) => r.given_names)
      .sort(),
  );

describe('closing the core (quitting Chartbook)', () => {
  it('keeps every acknowledged write, refuses what comes after, and closes the database cleanly', async () => {
    const { dir, clock } = await bookFolder();
    core = await startTestCore(dir, { clock: clock.now });
    await signIn(core, 'desk', 'desk');

    const writes = Array.from({ length: 20 }, (_, n) => register(core!, n));
    await writes[0];
    const closing = core.close();
    const late = await register(core, 99);
    expect(await closing).toBe('closed');
    const results = await Promise.all(writes);

    expect(late).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/closing/) } });
    const acknowledged = results.flatMap((r, n) => (r.ok ? [`Quitting ${n}`] : []));
    expect(acknowledged.length).toBeGreaterThan(0);
    // SQLite folds the WAL back and removes it only when the last connection closes cleanly.
    expect(walExists(dir)).toBe(false);
    // Whatever was acknowledged is on disk, and nothing that was not.
    expect(namesOnFile(dir)).toEqual(acknowledged.sort());
    expect(integrity(dir)).toBe('ok');
    core = null;
  });

  it('lets a request that is still running (a PDF being built, then audited) finish before closing', async () => {
    const { dir, clock, doctorId } = await bookFolder();
    core = await startTestCore(dir, { clock: clock.now });
    await signIn(core, 'desk', 'desk');

    const printing = core.dispatch('desk', 'print.dayList', { providerId: doctorId, date: '2026-03-10' });
    expect(await core.close()).toBe('closed');
    const printed = await printing;

    expect(printed).toMatchObject({ ok: true, value: { filename: 'day-list-2026-03-10-dr-amara-okafor.pdf' } });
    expect(walExists(dir)).toBe(false);
    const audits = inspect(dir, (db) =>
      db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'print.day_list'").get(),
    );
    expect(audits).toEqual({ n: 1 });
    expect(integrity(dir)).toBe('ok');
    core = null;
  });

  it('when the running request outlasts the wait, closes anyway: no half write, database whole', async () => {
    const { dir, clock, doctorId } = await bookFolder();
    core = await startTestCore(dir, { clock: clock.now, closeTimeoutMs: 1 });
    await signIn(core, 'desk', 'desk');

    const printing = core.dispatch('desk', 'print.dayList', { providerId: doctorId, date: '2026-03-10' });
    await core.close();
    const printed = await printing;

    // Not acknowledged, and not written: the audit entry that would have followed the PDF is absent.
    expect(printed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const audits = inspect(dir, (db) =>
      db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'print.day_list'").get(),
    );
    expect(audits).toEqual({ n: 0 });
    expect(integrity(dir)).toBe('ok');
    core = null;
  });

  it('answers after close without starting anything', async () => {
    const { dir } = await bookFolder();
    core = await startTestCore(dir);
    core.openSession('w');
    await core.close();
    await expect(call(core, 'w', 'app.status', {})).rejects.toThrow(/INTERNAL .*closing|stopped/);
    core = null;
  });
});
