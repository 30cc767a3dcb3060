import { parseIsoDate, todayIn } from '../../../shared/dates';

/**
 * Printed dates are spelled out ("Tuesday, 10 March 2026") so day and month cannot be swapped by a
 * reader used to another order; times are 24-hour. The UI is English-only for now, hence en-GB.
 */
const PRINT_LOCALE = 'en-GB';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(PRINT_LOCALE, options);
    formatters.set(key, f);
  }
  return f;
}

function instant(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()))
    throw new Error(`Cannot print the time "${iso}": expected an ISO-8601 instant such as 2026-03-10T09:30:00.000Z.`);
  return date;
}

/** A calendar date (YYYY-MM-DD, already the clinic's) in long form. */
export function longDate(isoDate: string): string {
  const d = parseIsoDate(isoDate);
  if (!d) throw new Error(`Cannot print the date "${isoDate}": expected YYYY-MM-DD.`);
  const options: Intl.DateTimeFormatOptions = {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  };
  return formatter('long-date', options).format(new Date(Date.UTC(d.year, d.month - 1, d.day)));
}

/** The clinic's calendar date (YYYY-MM-DD) at an instant. */
export function clinicDate(isoInstant: string, timeZone: string): string {
  return todayIn(timeZone, instant(isoInstant));
}

/** The clinic's wall-clock time at an instant, "HH:MM". */
export function clinicTime(isoInstant: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return formatter(`time:${timeZone}`, options).format(instant(isoInstant));
}

/** "10 Mar 2026, 14:05" in the clinic's time zone, for "printed at" lines. */
export function clinicDateTime(isoInstant: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  return formatter(`date-time:${timeZone}`, options).format(instant(isoInstant));
}
