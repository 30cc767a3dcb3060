/**
 * Clinic wall-clock time <-> UTC instants, using only Intl (no time-zone library), so it runs in
 * main and in the renderer alike. Appointments are stored as UTC instants; people type and read
 * the clinic's local date ('YYYY-MM-DD') and time ('HH:MM'). Around a daylight-saving change a wall
 * time can be missing (spring forward) or happen twice (fall back): callers must decide what to do.
 */

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface WallTime {
  date: string;
  time: string;
}

/** 'earlier' / 'later' pick one of the two instants of a wall time that happens twice. */
export type DstChoice = 'earlier' | 'later';

export type ZonedResult =
  | { ok: true; utc: string }
  | { ok: false; problem: 'nonexistent' | 'ambiguous' | 'invalid'; message: string; candidates: string[] };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock time at an instant, as milliseconds of a "UTC" clock showing that wall time. */
function wallMs(instantMs: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(instantMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** The zone's offset from UTC at an instant, in ms (local = utc + offset). */
export function offsetAt(instantMs: number, timeZone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallMs(whole, timeZone) - whole;
}

function parseWall(date: string, time: string): number | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  const check = new Date(ms);
  if (check.getUTCDate() !== Number(d[3]) || check.getUTCMonth() !== Number(d[2]) - 1) return null;
  return ms;
}

/** Every UTC instant whose wall time in the zone is exactly date+time (0, 1 or 2 of them), earliest first. */
function instantsFor(wall: number, timeZone: string): number[] {
  // Offsets a day either side cover any single transition near this wall time.
  const before = cachedOffset(wall - DAY, timeZone);
  const at = cachedOffset(wall, timeZone);
  const after = cachedOffset(wall + DAY, timeZone);
  const found: number[] = [];
  for (const offset of before === at && at === after ? [at] : new Set([before, at, after])) {
    const candidate = wall - offset;
    // Candidates are whole seconds (wall is whole minutes), so this is exactly wallMs(candidate) === wall.
    if (candidate + cachedOffset(candidate, timeZone) === wall && !found.includes(candidate)) found.push(candidate);
  }
  return found.sort((a, b) => a - b);
}

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/**
 * The UTC instant of a clinic wall time. Refuses a time skipped by a spring-forward change and,
 * unless `choice` says which, a time that happens twice at a fall-back change.
 */
export function zonedToUtc(date: string, time: string, timeZone: string, choice?: DstChoice): ZonedResult {
  const wall = parseWall(date, time);
  if (wall === null) {
    return {
      ok: false,
      problem: 'invalid',
      message: `${date} ${time} is not a real date and time (use YYYY-MM-DD and HH:MM).`,
      candidates: [],
    };
  }
  const instants = instantsFor(wall, timeZone);
  if (instants.length === 1) return { ok: true, utc: new Date(instants[0]!).toISOString() };
  if (instants.length === 0) {
    const before = cachedOffset(wall - DAY, timeZone);
    const after = cachedOffset(wall + DAY, timeZone);
    const gapEnd = hhmm(wall + (after - before));
    return {
      ok: false,
      problem: 'nonexistent',
      message: `${time} does not exist on ${date} in ${timeZone}: the clocks go forward then. Choose another time, such as ${gapEnd}.`,
      candidates: [],
    };
  }
  const candidates = instants.map((ms) => new Date(ms).toISOString());
  if (choice) return { ok: true, utc: choice === 'earlier' ? candidates[0]! : candidates[candidates.length - 1]! };
  return {
    ok: false,
    problem: 'ambiguous',
    message: `${time} happens twice on ${date} in ${timeZone} because the clocks go back. Say whether you mean the earlier or the later ${time}, or choose another time.`,
    candidates,
  };
}

/**
 * Like zonedToUtc but never refuses: a skipped time moves forward by the gap, a repeated one takes
 * the earlier instant. For boundaries (start of day, working-hour blocks), not for what people book.
 */
export function zonedToUtcLenient(date: string, time: string, timeZone: string): string {
  const wall = parseWall(date, time);
  if (wall === null) throw new Error(`invalid wall time ${date} ${time}`);
  const instants = instantsFor(wall, timeZone);
  if (instants.length) return new Date(instants[0]!).toISOString();
  return new Date(wall - cachedOffset(wall - DAY, timeZone)).toISOString();
}

const HOUR = 60 * MINUTE;
/** Per zone, per UTC day (or hour) number: the offset through all of it, or null when it contains a transition. */
const dayOffsets = new Map<string, Map<number, number | null>>();
const hourOffsets = new Map<string, Map<number, number | null>>();
const CACHE_LIMIT = 20_000;

/** The offset through [start, start + span), or null when its two ends disagree (a transition inside). */
function steadyOffset(
  cache: Map<string, Map<number, number | null>>,
  span: number,
  ms: number,
  timeZone: string,
): number | null {
  let byIndex = cache.get(timeZone);
  if (!byIndex) {
    byIndex = new Map();
    cache.set(timeZone, byIndex);
  }
  const index = Math.floor(ms / span);
  let offset = byIndex.get(index);
  if (offset === undefined) {
    const first = offsetAt(index * span, timeZone);
    offset = first === offsetAt(index * span + span - 1000, timeZone) ? first : null;
    if (byIndex.size > CACHE_LIMIT) byIndex.clear();
    byIndex.set(index, offset);
  }
  return offset;
}

/**
 * The offset at an instant without asking Intl (slow) each time: cached per UTC day, and on a day
 * with a transition (a DST day) per UTC hour, and within the hour of the transition itself not
 * cached at all. This relies on no zone changing its offset twice within one UTC day and back again
 * (changes in the time-zone database are weeks apart).
 */
function cachedOffset(ms: number, timeZone: string): number {
  return (
    steadyOffset(dayOffsets, DAY, ms, timeZone) ??
    steadyOffset(hourOffsets, HOUR, ms, timeZone) ??
    offsetAt(ms, timeZone)
  );
}

/** The clinic's wall date and time of a UTC instant. */
export function utcToZoned(utc: string | Date, timeZone: string): WallTime {
  const ms = typeof utc === 'string' ? Date.parse(utc) : utc.getTime();
  const iso = new Date(ms + cachedOffset(ms, timeZone)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** UTC bounds [start, end) of a clinic calendar day; a DST day is 23 or 25 hours long. */
export function clinicDayBounds(date: string, timeZone: string): { startUtc: string; endUtc: string } {
  return {
    startUtc: zonedToUtcLenient(date, '00:00', timeZone),
    endUtc: zonedToUtcLenient(addDays(date, 1), '00:00', timeZone),
  };
}

/** Calendar arithmetic on 'YYYY-MM-DD' (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Same day of the month `months` later, or the month's last day when it has no such day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** Whole days from a to b ('YYYY-MM-DD'). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** ISO weekday of a calendar date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Minutes since midnight of 'HH:MM'. */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function isClockTime(text: string): boolean {
  return TIME.test(text);
}
