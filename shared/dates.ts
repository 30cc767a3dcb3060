/** Pure date helpers shared by main and renderer. Dates of birth are calendar dates (YYYY-MM-DD), never instants. */
import { utcToZoned } from './zoned-time';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(text: string): CalendarDate | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function formatIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = dayFormatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(key, format);
  }
  return format;
}

/** Today's calendar date in the given IANA time zone (the clinic's), or the runtime's zone. */
export function todayIn(timeZone?: string, now: Date = new Date()): string {
  // A named zone goes through zoned-time's cached offsets: every chart read asks for today.
  if (timeZone) return utcToZoned(now, timeZone).date;
  const parts = dayFormatter(timeZone).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Age {
  years: number;
  months: number;
  days: number;
}

/** Completed years, months and days between a birth date and a reference date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): Age | null {
  const b = parseIsoDate(birthDate);
  const t = parseIsoDate(onDate);
  if (!b || !t || compareIsoDates(birthDate, onDate) > 0) return null;
  let years = t.year - b.year;
  let months = t.month - b.month;
  let days = t.day - b.day;
  if (days < 0) {
    months -= 1;
    const prevMonth = t.month === 1 ? 12 : t.month - 1;
    const prevYear = t.month === 1 ? t.year - 1 : t.year;
    days += daysInMonth(prevYear, prevMonth);
  }
  if (months < 0) {
    years -= 1;
    months += 12;
  }
  return { years, months, days };
}

/** Short clinical age: "34 y", "7 mo", "12 d". */
export function formatAge(age: Age): string {
  if (age.years >= 2) return `${age.years} y`;
  if (age.years >= 1 || age.months >= 1) return `${age.years * 12 + age.months} mo`;
  return `${age.days} d`;
}

/** Birth date implied by an estimated age in whole years: the same day that many years ago (29 Feb -> 28 Feb). */
export function birthDateFromEstimatedAge(years: number, onDate: string): string {
  const t = parseIsoDate(onDate);
  if (!t) throw new Error(`invalid date ${onDate}`);
  const year = t.year - years;
  const day = Math.min(t.day, daysInMonth(year, t.month));
  return formatIsoDate({ year, month: t.month, day });
}
