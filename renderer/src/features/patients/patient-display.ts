import { ageOn, formatAge, parseIsoDate, todayIn } from '../../../../shared/dates';

/** "34 y" (or "7 mo", "12 d") on today's date in the clinic; empty when the date is not usable. */
export function ageLabel(birthDate: string, clinicTimeZone?: string, now: Date = new Date()): string {
  const age = ageOn(birthDate, todayIn(clinicTimeZone, now));
  return age ? formatAge(age) : '';
}

/** "03 May 1990": day, month in words, year, so 03/05 vs 05/03 can never be misread, whatever the locale. */
export function dateLabel(isoDate: string, language: string): string {
  const d = parseIsoDate(isoDate);
  if (!d) return isoDate;
  const month = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(d.year, d.month - 1, 1)),
  );
  return `${String(d.day).padStart(2, '0')} ${month} ${d.year}`;
}

/** A stored UTC instant in this computer's local time: "22 Nov 2026 14:05" (24-hour, as clinical records are). */
export function dateTimeLabel(isoInstant: string, language: string): string {
  const d = new Date(isoInstant);
  if (Number.isNaN(d.getTime())) return isoInstant;
  const pad = (n: number) => String(n).padStart(2, '0');
  const localDate = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${dateLabel(localDate, language)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
