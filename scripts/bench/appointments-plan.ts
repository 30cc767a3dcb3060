import { STATUS_LABELS, type AppointmentStatus } from '../../shared/domain/appointment';
import { addDays, isoWeekday, utcToZoned, zonedToUtc } from '../../shared/zoned-time';
import { hashInts, intBetween, mulberry32, pick, type Rng } from './prng';

/**
 * The bench clinic's front desk, as a deterministic plan: which patient sees which doctor when,
 * and what happened to each appointment (booked, checked in, called in, done, a no-show or
 * cancelled), with the times each step happened. appointments-seed.ts writes the rows the services
 * would have written for these steps; the unit test replays them through the services to prove it.
 */
export const APPOINTMENT_GENERATOR_VERSION = 1;
/** A real zone with daylight saving, so the history crosses clock changes as a clinic's does. */
export const BENCH_TIME_ZONE = 'Europe/Berlin';
/** The bench's "today" (a Monday) and the wall time of "now" on it; the history ends here. */
export const BENCH_TODAY = '2026-06-15';
export const BENCH_NOW_TIME = '11:05';
export const HISTORY_DAYS = 730;
/** Booked days after today: a real book is full a couple of weeks ahead. */
export const FUTURE_DAYS = 13;
export const SLOT_MINUTES = 15;
/** Two blocks of 5 hours: 40 slots of 15 minutes per doctor per working day. */
export const WORKING_BLOCKS = [
  { start: '08:00', end: '13:00' },
  { start: '14:00', end: '19:00' },
] as const;
export const SLOTS_PER_DAY = 40;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const REASONS = [
  '',
  '',
  'Follow-up',
  'Blood pressure review',
  'New problem',
  'Repeat prescription',
  'Vaccination',
  'Results discussion',
  'Diabetes check',
  'Child check-up',
];
const CANCEL_REASONS = [
  'Patient called to cancel',
  'Patient unwell',
  'Clashes with work',
  'Feeling better',
  'Booked in error',
];

export type StepKind = 'book' | 'check_in' | 'call_in' | 'done' | 'no_show' | 'cancel';
export interface PlannedStep {
  kind: StepKind;
  atMs: number;
}

export interface PlannedAppointment {
  id: string;
  providerIndex: number;
  patientIndex: number;
  date: string;
  /** Clinic wall time, as typed at the desk. */
  time: string;
  startMs: number;
  reason: string;
  cancelReason: string;
  /** Queue number given at check-in: 1, 2, 3 ... per clinic day in arrival order. */
  token: number | null;
  steps: PlannedStep[];
}

export function benchNowMs(): number {
  const now = zonedToUtc(BENCH_TODAY, BENCH_NOW_TIME, BENCH_TIME_ZONE);
  if (!now.ok) throw new Error(now.message);
  return Date.parse(now.utc);
}

/** Monday to Friday from two years before today to two weeks after it. */
export function workingDates(): string[] {
  const dates: string[] = [];
  for (let d = -HISTORY_DAYS; d <= FUTURE_DAYS; d++) {
    const date = addDays(BENCH_TODAY, d);
    if (isoWeekday(date) <= 5) dates.push(date);
  }
  return dates;
}

const hex = (value: number, width: number) => Math.floor(value).toString(16).padStart(width, '0').slice(-width);

/** A UUID v7 from a time and the seeded stream: sorts by time like newId(), yet repeats run to run. */
export function seededUuidV7(ms: number, rng: Rng): string {
  const r = () => Math.floor(rng() * 0x10000);
  const time = hex(ms, 12);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(r(), 3)}-${hex(0x8000 | (r() & 0x3fff), 4)}-${hex(r(), 4)}${hex(r(), 4)}${hex(r(), 4)}`;
}

function wallUtcMs(date: string, time: string): number {
  const z = zonedToUtc(date, time, BENCH_TIME_ZONE);
  if (!z.ok) throw new Error(`bench hours fall in a clock change on ${date} ${time}: ${z.message}`);
  return Date.parse(z.utc);
}

const between = (rng: Rng, from: number, to: number) => from + Math.floor(rng() * Math.max(0, to - from));

/** What happened to one appointment, given when it starts relative to now. */
function stepsFor(rng: Rng, startMs: number, nowMs: number): PlannedStep[] {
  const endMs = startMs + SLOT_MINUTES * MINUTE;
  const bookedMs = Math.min(
    startMs - 30 * MINUTE - Math.floor(rng() * 45 * DAY),
    nowMs - MINUTE - Math.floor(rng() * 20 * DAY),
  );
  const steps: PlannedStep[] = [{ kind: 'book', atMs: bookedMs }];
  const roll = rng();
  const arrivedMs = startMs - Math.floor(rng() * 20 * MINUTE) - 1000 - Math.floor(rng() * 59_000);
  const calledMs = Math.max(arrivedMs + MINUTE, startMs + Math.floor(rng() * 8 * MINUTE));
  const doneMs = calledMs + (8 + Math.floor(rng() * 7)) * MINUTE;
  if (roll < 0.08) {
    const cancelMs = between(rng, bookedMs + MINUTE, Math.min(startMs, nowMs));
    if (cancelMs > bookedMs) steps.push({ kind: 'cancel', atMs: cancelMs });
  } else if (roll < 0.14) {
    if (startMs + 30 * MINUTE <= nowMs) steps.push({ kind: 'no_show', atMs: startMs + 30 * MINUTE });
  } else {
    if (arrivedMs <= nowMs && startMs <= nowMs + 30 * MINUTE) steps.push({ kind: 'check_in', atMs: arrivedMs });
    if (calledMs <= nowMs && startMs <= nowMs) steps.push({ kind: 'call_in', atMs: calledMs });
    if (doneMs <= nowMs && endMs <= nowMs) steps.push({ kind: 'done', atMs: doneMs });
  }
  return steps;
}

/** One clinic day: 40 appointments for each doctor, tokens in arrival order. Same (seed, date) gives the same day. */
export function planClinicDay(
  seed: number,
  date: string,
  providers: number,
  patients: number,
  nowMs: number,
): PlannedAppointment[] {
  const dayNumber = Date.parse(`${date}T00:00:00Z`) / DAY;
  const day: PlannedAppointment[] = [];
  for (let p = 0; p < providers; p++) {
    const rng = mulberry32(hashInts(seed, 0xa990, dayNumber, p));
    for (const block of WORKING_BLOCKS) {
      const blockStart = wallUtcMs(date, block.start);
      const slots = (wallUtcMs(date, block.end) - blockStart) / (SLOT_MINUTES * MINUTE);
      for (let s = 0; s < slots; s++) {
        const startMs = blockStart + s * SLOT_MINUTES * MINUTE;
        const steps = stepsFor(rng, startMs, nowMs);
        day.push({
          id: seededUuidV7(steps[0]!.atMs, rng),
          providerIndex: p,
          patientIndex: intBetween(rng, 0, patients - 1),
          date,
          time: utcToZoned(new Date(startMs), BENCH_TIME_ZONE).time,
          startMs,
          reason: pick(rng, REASONS),
          cancelReason: pick(rng, CANCEL_REASONS),
          token: null,
          steps,
        });
      }
    }
  }
  const arrivals = day
    .map((a) => ({ a, at: a.steps.find((s) => s.kind === 'check_in')?.atMs }))
    .filter((x): x is { a: PlannedAppointment; at: number } => x.at !== undefined)
    .sort((x, y) => x.at - y.at);
  arrivals.forEach((x, i) => (x.a.token = i + 1));
  return day;
}

export const STEP_STATUS: Record<StepKind, AppointmentStatus> = {
  book: 'booked',
  check_in: 'arrived',
  call_in: 'with_doctor',
  done: 'done',
  no_show: 'no_show',
  cancel: 'cancelled',
};

/** The history action and audit entry AppointmentWriter's callers record for each step. */
export const STEP_HISTORY: Record<StepKind, string> = {
  book: 'booked',
  check_in: 'checked in',
  call_in: 'called in',
  done: 'done',
  no_show: 'marked no-show',
  cancel: 'cancelled',
};

export const STEP_AUDIT: Record<Exclude<StepKind, 'book'>, string> = {
  check_in: 'appointment.check_in',
  call_in: 'appointment.status',
  done: 'appointment.status',
  no_show: 'appointment.no_show',
  cancel: 'appointment.cancel',
};

export const statusChange = (from: AppointmentStatus, to: AppointmentStatus) =>
  `${STATUS_LABELS[from]} -> ${STATUS_LABELS[to]}`;
