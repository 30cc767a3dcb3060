import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, startCore } from '../../electron/main/core';
import { bookAppointment } from '../../electron/main/appointments/booking-service';
import { dayView } from '../../electron/main/appointments/day-view';
import type { Actor } from '../../electron/main/context';
import { bookInputSchema, type BookInput } from '../../shared/domain/appointment';
import type { Role } from '../../shared/domain/roles';
import { AppError } from '../../shared/errors';
import { addDays, isoWeekday } from '../../shared/zoned-time';
import { benchClock } from './appointments-day-bench';
import { BENCH_TODAY } from './appointments-plan';
import { BENCH_RECEPTIONIST } from './appointments-seed';
import type { BenchResult } from './bench-result';
import { mulberry32, type Rng } from './prng';
import type { SeededDatabase } from './seed-database';
import { loadAverage, measure, ms, summarise } from './stats';
import { keyFileMasterKey } from '../../electron/main/security/key-file';
import { copyKeyFile } from '../../electron/main/security/key-file';

export const BOOK_TARGET_P95_MS = 5;
const WARM_UP = 20;
/** Attempts on a taken slot, per successful booking: the desk's "that time is gone" answers. */
const CLASH_SHARE = 0.25;
/** The desk books from tomorrow to about six weeks out. */
const BOOKING_HORIZON_DAYS = 42;

export interface BookBenchOptions {
  seeded: SeededDatabase;
  migrationsDir: string;
  seed: number;
  bookings: number;
  log: (line: string) => void;
  /** Time the same work on a plain file (the encryption-cost scenario); the seeded copy must be plain. */
  unencrypted?: boolean;
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Copies the file and flushes the copy, so the disk is not still writing it back while each commit's fsync waits. */
function durableCopy(from: string, toDir: string): void {
  const to = path.join(toDir, DATABASE_FILE);
  fs.copyFileSync(from, to);
  copyKeyFile(path.dirname(from), toDir);
  const fd = fs.openSync(to, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
}

/**
 * p95 of bookAppointment (doctor and patient checks, clash check on the (provider_id, start_utc)
 * index, hours and days off, insert with history, change log and audit; one durable IMMEDIATE
 * transaction each) as the receptionist, into free slots the day view offers, on a copy of the
 * appointment database. Attempts on taken slots are refused with CONFLICT and reported apart; they
 * roll back, so they pay no fsync. The commit floor is a one-row durable transaction.
 */
export function benchAppointmentsBook(options: BookBenchOptions): BenchResult {
  const { log } = options;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-bench-book-'));
  durableCopy(options.seeded.file, dir);
  const core = startCore({
    dataDir: dir,
    masterKey: keyFileMasterKey(dir),
    unencrypted: options.unencrypted ?? false,
    migrationsDir: options.migrationsDir,
    now: benchClock(),
    log: () => {},
  });
  try {
    const db = core.db.sqlite;
    const desk = db
      .prepare('SELECT id, username, roles FROM users WHERE username = ?')
      .get(BENCH_RECEPTIONIST.username) as { id: string; username: string; roles: string } | undefined;
    if (!desk)
      throw new Error('the appointment bench database has no receptionist; delete its bench-data folder and run again');
    const actor: Actor = { userId: desk.id, username: desk.username, roles: JSON.parse(desk.roles) as Role[] };
    const rng = mulberry32(options.seed ^ 0xb00c);
    const patientIds = db.prepare('SELECT id FROM patients ORDER BY local_seq').pluck().all() as string[];
    const patient = () => patientIds[Math.floor(rng() * patientIds.length)]!;

    const free: BookInput[] = [];
    const taken: BookInput[] = [];
    for (let d = 1; d <= BOOKING_HORIZON_DAYS; d++) {
      const date = addDays(BENCH_TODAY, d);
      if (isoWeekday(date) > 5) continue;
      for (const p of dayView(core.ctx, date).providers) {
        for (const slot of p.freeSlots)
          free.push(
            bookInputSchema.parse({
              patientId: patient(),
              providerId: p.providerId,
              date,
              time: slot.start,
              reason: 'Follow-up',
            }),
          );
        for (const a of p.appointments) {
          if (a.status === 'booked')
            taken.push(
              bookInputSchema.parse({
                patientId: patient(),
                providerId: p.providerId,
                date,
                time: a.time,
                reason: 'Follow-up',
              }),
            );
        }
      }
    }
    const wanted = WARM_UP + options.bookings;
    if (free.length < wanted)
      throw new Error(
        `only ${free.length} free slots in the next ${BOOKING_HORIZON_DAYS} days; ask for fewer bookings`,
      );
    const clashes = Math.round(options.bookings * CLASH_SHARE);
    const attempts = shuffle(rng, [
      ...shuffle(rng, free)
        .slice(WARM_UP, wanted)
        .map((input) => ({ input, free: true })),
      ...shuffle(rng, taken)
        .slice(0, clashes)
        .map((input) => ({ input, free: false })),
    ]);
    for (const input of free.slice(0, WARM_UP)) bookAppointment(core.ctx, input, actor);

    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const before = { changes: count('change_log'), history: count('appointment_history'), audit: count('audit_log') };
    log(
      `appointments-book: ${WARM_UP} warm-up + ${options.bookings} bookings into free slots, ${clashes} attempts on taken slots, on a copy in ${dir}`,
    );
    const loadBefore = loadAverage();
    const booked: number[] = [];
    const bookedCpu: number[] = [];
    const refused: number[] = [];
    for (const attempt of attempts) {
      let conflict = false;
      const t = measure(() => {
        try {
          bookAppointment(core.ctx, attempt.input, actor);
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
          conflict = true;
        }
      });
      if (conflict === attempt.free) {
        throw new Error(
          `${attempt.input.date} ${attempt.input.time}: expected the booking to be ${attempt.free ? 'accepted' : 'refused as taken'}`,
        );
      }
      if (attempt.free) {
        booked.push(t.wallMs);
        bookedCpu.push(t.cpuMs);
      } else {
        refused.push(t.wallMs);
      }
    }
    for (const [table, was] of [
      ['change_log', before.changes],
      ['appointment_history', before.history],
      ['audit_log', before.audit],
    ] as const) {
      if (count(table) - was !== booked.length)
        throw new Error(`expected ${booked.length} new ${table} rows from the bookings, found ${count(table) - was}`);
    }

    const probe = db.prepare(
      `INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('bench.commit_probe', ?, ?, NULL)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    const commit = db.transaction((i: number) => probe.run(String(i), new Date().toISOString()));
    const floor = summarise(Array.from({ length: 100 }, (_, i) => measure(() => commit.immediate(i)).wallMs));
    const s = summarise(booked);
    const c = summarise(bookedCpu);
    const r = summarise(refused);
    log(
      `  commit floor (one-row transaction, fsync of the WAL): p50 ${ms(floor.p50)} ms, p95 ${ms(floor.p95)} ms; refused on a taken slot: p95 ${ms(r.p95)} ms`,
    );
    return {
      bench: 'appointments-book',
      appointments_before: count('appointments') - booked.length - WARM_UP,
      bookings: booked.length,
      p50_ms: ms(s.p50),
      p95_ms: ms(s.p95),
      p99_ms: ms(s.p99),
      cpu_p50_ms: ms(c.p50),
      cpu_p95_ms: ms(c.p95),
      refused: refused.length,
      refused_p50_ms: ms(r.p50),
      refused_p95_ms: ms(r.p95),
      commit_floor_p50_ms: ms(floor.p50),
      commit_floor_p95_ms: ms(floor.p95),
      synchronous: String(db.pragma('synchronous', { simple: true })),
      journal_mode: String(db.pragma('journal_mode', { simple: true })),
      load_avg: Math.max(loadBefore, loadAverage()),
      target_p95_ms: BOOK_TARGET_P95_MS,
      pass: s.p95 <= BOOK_TARGET_P95_MS,
      pass_cpu: c.p95 <= BOOK_TARGET_P95_MS,
    };
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
