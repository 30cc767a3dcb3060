import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/errors';
import { addUser } from '../support';
import { bookWrites, openBook, type Book } from './book-support';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');

let book: Book;

function mondayAbout2YearsAhead(today: Date): string {
  const day = new Date(Date.UTC(today.getUTCFullYear() + 2, today.getUTCMonth(), today.getUTCDate()));
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7));
  return day.toISOString().slice(0, 10);
}
afterEach(() => book?.app.close());

describe('two receptionists on one database', () => {
  it('the second desk to take a slot is told who has it', async () => {
    book = await openBook();
    const { app, desk, admin, doctorId, patient, other } = book;
    const desk2 = await addUser(app, admin, 'desk2', ['receptionist']);
    await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '10:00',
    });
    const second = await app.raw(desk2, 'appointments.book', {
      patientId: other.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '10:00',
    });
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/José García at 10:00–10:20/) },
    });
  });

  it('racing from two processes for the same slot: exactly one wins, the other gets a clash, never a busy error', async () => {
    // Real-time processes on the real clock: book a Monday within hours, about two years from today,
    // so the slot is always in the future whatever day the test runs.
    const monday = mondayAbout2YearsAhead(new Date());
    book = await openBook();
    const { app, desk, doctorId, patient, other } = book;
    const goAt = Date.now() + 4000;
    const desks = [patient, other].map((p) =>
      run(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(here, 'race-worker.ts'),
          app.dir,
          JSON.stringify(desk.user),
          JSON.stringify({ patientId: p.id, providerId: doctorId, date: monday, time: '10:00' }),
          String(goAt),
        ],
        { cwd: root, timeout: 60_000 },
      ),
    );
    const results = (await Promise.all(desks)).map((r) => JSON.parse(r.stdout) as Result<unknown>);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.find((r) => !r.ok);
    expect(lost).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining(`at 10:00–10:20 on ${monday}`) },
    });
    expect(bookWrites(app).appointments).toBe(1);
  }, 90_000);
});
