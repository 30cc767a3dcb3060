import { ageOn, formatAge, todayIn } from '../../../../shared/dates';

/** "34 y" (or "7 mo", "12 d") on today's date in the clinic; empty when the date is not usable. */
export function ageLabel(birthDate: string, clinicTimeZone?: string, now: Date = new Date()): string {
  const age = ageOn(birthDate, todayIn(clinicTimeZone, now));
  return age ? formatAge(age) : '';
}
