import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startCoreWorker, type CoreClient } from '../../../electron/main/core-thread/core-client';
import type { PdfPrinter } from '../../../electron/main/printing/pdf-printer';
import { AppError } from '../../../shared/errors';
import { MIGRATIONS_DIR, tempDir } from '../support';
import { bookFolder, inspect, signIn, startTestCore } from './core-thread-support';
import { generateMasterKey } from '../../../electron/main/security/clinic-keys';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

let core: CoreClient | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const fixtureCore = (file: string, options: { requestTimeoutMs?: number; closeTimeoutMs?: number } = {}) =>
  startCoreWorker({
    entry: path.join(FIXTURES, file),
    dataDir: tempDir(),
    masterKey: generateMasterKey(),
    migrationsDir: MIGRATIONS_DIR,
    ...options,
  });

describe('the core client when the core misbehaves', () => {
  it('answers INTERNAL, and does not hang, when the core never answers; then stops it on close', async () => {
    core = await fixtureCore('silent-core.mjs', { requestTimeoutMs: 200, closeTimeoutMs: 200 });
    const result = await core.dispatch('w', 'app.status', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/too long/) } });
    expect(await core.close()).toBe('forced');
    core = null;
  });

  it('answers the waiting request and every later one with INTERNAL when the core crashes, and says so once', async () => {
    core = await fixtureCore('crashing-core.mjs');
    const stopped: string[] = [];
    core.onStopped((message) => stopped.push(message));
    const first = await core.dispatch('w', 'app.status', {});
    const later = await core.dispatch('w', 'app.status', {});
    for (const result of [first, later]) {
      expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/stopped/) } });
    }
    expect(stopped).toEqual([expect.stringContaining('native driver crashed')]);
  });

  it('refuses a session main never opened', async () => {
    const { dir } = await bookFolder();
    core = await startTestCore(dir);
    const result = await core.dispatch('window-nobody', 'app.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('printing across the port', () => {
  const printTo = async (printer: PdfPrinter | undefined) => {
    const { dir, clock, doctorId } = await bookFolder();
    core = await startTestCore(dir, { clock: clock.now, ...(printer ? { printer } : {}) });
    await signIn(core, 'desk', 'desk');
    const result = await core.dispatch('desk', 'print.toPrinter', {
      kind: 'dayList',
      providerId: doctorId,
      date: '2026-03-10',
    });
    await core.close();
    core = null;
    const audit = inspect(dir, (db) =>
      db.prepare("SELECT outcome, details FROM audit_log WHERE action = 'print.day_list'").all(),
    );
    return { result, audit };
  };

  it("hands main the PDF the core built and reports what the person did in main's print dialog", async () => {
    const received: { pdf: Buffer; title: string }[] = [];
    const { result, audit } = await printTo({
      printPdf: async (pdf, title) => {
        received.push({ pdf, title });
        return 'cancelled';
      },
    });
    expect(result).toEqual({ ok: true, value: { outcome: 'cancelled' } });
    expect(received).toHaveLength(1);
    expect(Buffer.isBuffer(received[0]!.pdf)).toBe(true);
    expect(received[0]!.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(received[0]!.title).toBe('Day list – Dr Amara Okafor – 2026-03-10');
    expect(audit).toEqual([expect.objectContaining({ details: expect.stringContaining('closed without printing') })]);
  });

  it("passes the printer's own message back to the person, and audits the failure", async () => {
    const { result, audit } = await printTo({
      printPdf: () => Promise.reject(new AppError('INTERNAL', 'The printer reported a problem (out of paper).')),
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'The printer reported a problem (out of paper).' },
    });
    expect(audit).toEqual([expect.objectContaining({ outcome: 'failure' })]);
  });

  it('without a printer in main, says to save the PDF instead', async () => {
    const { result } = await printTo(undefined);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/No printer.*Save as PDF/) } });
  });
});

it('refuses input that is not plain data without sending it, and the core keeps serving', async () => {
  const { dir } = await bookFolder();
  core = await startTestCore(dir);
  core.openSession('w');
  const result = await core.dispatch('w', 'patients.search', { text: () => 'not data' });
  expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(await core.dispatch('w', 'app.status', {})).toMatchObject({ ok: true });
});
