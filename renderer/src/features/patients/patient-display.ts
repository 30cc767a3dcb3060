import { ageOn, formatAge, parseIsoDate, todayIn } from '../../../../shared/dates';

/** "34 y" (or "7 mo", "12 d") on today's date; empty when the date is not usable. */
export function ageLabel(birthDate: string): string {
  const age = ageOn(birthDate, todayIn());
  return age ? formatAge(age) : '';
}

/** "03 May 1990": the month in words, so 03/05 vs 05/03 can never be misread. */
export function dateLabel(isoDate: string, language: string): string {
  const d = parseIsoDate(isoDate);
  if (!d) return isoDate;
  return new Intl.DateTimeFormat(language, { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(d.year, d.month - 1, d.day)),
  );
}

/** A stored UTC instant shown in the local time of this computer. */
export function dateTimeLabel(isoInstant: string, language: string): string {
  const d = new Date(isoInstant);
  if (Number.isNaN(d.getTime())) return isoInstant;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
