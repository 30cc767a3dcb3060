/**
 * The one way dates and times reach the screen. Calendar dates (birth dates, days off, the day of
 * an appointment) have no zone: they are shown as written. Instants (when a record was saved, an
 * audit row, a lockout's end) are stored in UTC and shown on the clinic's clock, never the
 * computer's, so a laptop set to another zone cannot move a visit to another day. Words (weekday,
 * month) come from the user's locale; the day always comes before the month in words and times are
 * 24-hour, so "03/05" can never be misread and records read the same on every desk.
 */

export interface DateLabelOptions {
  /** "Tue 01 Dec 2026" rather than "01 Dec 2026". */
  weekday?: boolean;
  /** False for "Mon 30 Nov" in tight headers. */
  year?: boolean;
}

export interface TimeLabelOptions {
  /** Seconds tell apart audit rows written in the same minute. */
  seconds?: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl.DateTimeFormat is slow next to using one: tables format hundreds of cells. */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** A calendar date 'YYYY-MM-DD' as "01 Dec 2026" (or with weekday, or without year); unusable text as is. */
export function formatDate(isoDate: string, locale: string, options: DateLabelOptions = {}): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3])) return isoDate;
  // The date is a calendar day: format it at UTC so no zone can shift it.
  const part = (o: Intl.DateTimeFormatOptions) => formatter(locale, { ...o, timeZone: 'UTC' }).format(d);
  const text = `${m[3]} ${part({ month: 'short' })}`;
  return [options.weekday ? part({ weekday: 'short' }) : '', text, options.year === false ? '' : m[1]]
    .filter(Boolean)
    .join(' ');
}

/** An instant's wall-clock date and time in `timeZone`, from Intl (which knows every zone's rules). */
function wallClock(instant: string, timeZone: string): { date: string; time: string; seconds: string } | null {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return null;
  const parts = formatter('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
    seconds: get('second'),
  };
}

/** An instant as the clinic's time of day, "14:05" (or "14:05:09"). */
export function formatTime(instant: string, timeZone: string, options: TimeLabelOptions = {}): string {
  const wall = wallClock(instant, timeZone);
  if (!wall) return instant;
  return options.seconds ? `${wall.time}:${wall.seconds}` : wall.time;
}

/** An instant as the clinic's date and time, "22 Nov 2026 14:05". */
export function formatDateTime(
  instant: string,
  timeZone: string,
  locale: string,
  options: TimeLabelOptions & DateLabelOptions = {},
): string {
  const wall = wallClock(instant, timeZone);
  if (!wall) return instant;
  return `${formatDate(wall.date, locale, options)} ${options.seconds ? `${wall.time}:${wall.seconds}` : wall.time}`;
}
