import { todayIn } from '../../../../shared/dates';
import { ageText } from '../../../../shared/format/age';

/**
 * "34 y" (or "7 mo", "12 d"; "~34 y" when estimated) on today's date in the clinic, as printouts
 * show it (shared/format/age.ts); empty when the date is not usable.
 */
export function ageLabel(
  birthDate: string,
  clinicTimeZone?: string,
  now: Date = new Date(),
  estimated = false,
): string {
  return ageText(birthDate, todayIn(clinicTimeZone, now), estimated);
}
