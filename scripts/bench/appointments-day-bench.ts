import { startCore } from '../../electron/main/core';
import { dayView } from '../../electron/main/appointments/day-view';
import { addDays } from '../../shared/zoned-time';
import { BENCH_TODAY, benchNowMs, workingDates } from './appointments-plan';
import type { BenchResult } from './bench-result';
import { mulberry32, pick } from './prng';
import { BENCH_ADMIN, type SeededDatabase } from './seed-database';
import { loadAverage, measure, ms, summarise } from './stats';
import { keyFileMasterKey } from '../../electron/main/security/key-file';

export const DAY_TARGET_P95_MS = 10;
const WARM_UP = 50;
const DISPATCH_SAMPLES = 200;
/** Share of requests for today and the next few working days: what the desk has open most of the day. */
const TODAY_LIKE_SHARE = 0.3;

export interface DayBenchOptions {
  seeded: SeededDatabase;
  migrationsDir: string;
  seed: number;
  dayViews: number;
  log: (line: string) => void;
}

/** A clock that starts at the bench's "today, 11:05" and runs on, as ctx.now does in the app. */
export function benchClock(): () => Date {
  const startMs = benchNowMs();
  const t0 = performance.now();
  return () => new Date(startMs + (performance.now() - t0));
}

/**
 * p50/p95/p99 of the 'appointments.day' service call (dayView: holidays, days off, three doctors'
 * hours, 40 appointments each with patient names, free slots) on random days of the two-year
 * history and on today-like days, on the cached file (read only). The same through the dispatcher
 * (input and output validation against the contract) is reported beside it, without a target.
 */
export async function benchAppointmentsDay(options: DayBenchOptions): Promise<BenchResult> {
  const { log } = options;
  const core = startCore({
    dataDir: options.seeded.dir,
    masterKey: keyFileMasterKey(options.seeded.dir),
    migrationsDir: options.migrationsDir,
    now: benchClock(),
    log: () => {},
  });
  try {
    const rng = mulberry32(options.seed ^ 0xda7);
    const dates = workingDates();
    const past = dates.filter((d) => d < BENCH_TODAY);
    const todayLike = dates.filter((d) => d >= BENCH_TODAY && d <= addDays(BENCH_TODAY, 7));
    const days = Array.from({ length: WARM_UP + options.dayViews }, () =>
      rng() < TODAY_LIKE_SHARE ? pick(rng, todayLike) : pick(rng, past),
    );
    const first = dayView(core.ctx, BENCH_TODAY);
    const perDoctor = first.providers.map((p) => p.appointments.length);
    log(
      `appointments-day: today ${BENCH_TODAY} has ${perDoctor.join(' + ')} appointments; ${WARM_UP} warm-up + ${options.dayViews} day views`,
    );
    const loadBefore = loadAverage();
    const times: number[] = [];
    const cpu: number[] = [];
    const todayTimes: number[] = [];
    let appointments = 0;
    days.forEach((date, i) => {
      let count = 0;
      const t = measure(() => {
        count = dayView(core.ctx, date).providers.reduce((n, p) => n + p.appointments.length, 0);
      });
      if (i < WARM_UP) return;
      times.push(t.wallMs);
      cpu.push(t.cpuMs);
      if (date >= BENCH_TODAY) todayTimes.push(t.wallMs);
      appointments += count;
    });

    const session = core.newSession();
    const signIn = await core.dispatch(session, 'auth.signIn', {
      username: BENCH_ADMIN.username,
      password: BENCH_ADMIN.password,
    });
    if (!signIn.ok) throw new Error(`bench sign-in failed: ${signIn.error.message}`);
    const viaDispatch: number[] = [];
    for (let i = 0; i < WARM_UP + DISPATCH_SAMPLES; i++) {
      const date = days[i % days.length]!;
      const start = performance.now();
      const result = await core.dispatch(session, 'appointments.day', { date });
      if (!result.ok) throw new Error(`appointments.day ${date} failed: ${result.error.code} ${result.error.message}`);
      if (i >= WARM_UP) viaDispatch.push(performance.now() - start);
    }

    const s = summarise(times);
    const c = summarise(cpu);
    const today = summarise(todayTimes);
    const d = summarise(viaDispatch);
    log(
      `  today-like days n=${todayTimes.length} p95 ${ms(today.p95)} ms; through dispatch (validation both ways) p95 ${ms(d.p95)} ms`,
    );
    return {
      bench: 'appointments-day',
      doctors: first.providers.length,
      appointments_per_day: Math.round(appointments / times.length),
      appointments_total: core.db.sqlite.prepare('SELECT count(*) FROM appointments').pluck().get() as number,
      day_views: times.length,
      p50_ms: ms(s.p50),
      p95_ms: ms(s.p95),
      p99_ms: ms(s.p99),
      today_like_p95_ms: ms(today.p95),
      cpu_p50_ms: ms(c.p50),
      cpu_p95_ms: ms(c.p95),
      dispatch_p50_ms: ms(d.p50),
      dispatch_p95_ms: ms(d.p95),
      load_avg: Math.max(loadBefore, loadAverage()),
      target_p95_ms: DAY_TARGET_P95_MS,
      pass: s.p95 <= DAY_TARGET_P95_MS,
      pass_cpu: c.p95 <= DAY_TARGET_P95_MS,
    };
  } finally {
    core.close();
  }
}
