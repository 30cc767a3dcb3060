import { canonicalTimeZone, canonicalTimeZones } from '../../../shared/time-zones';

/** The computer's own zone under its canonical name: what set-up proposes for the clinic. */
export function browserTimeZone(): string {
  return canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

/** Every IANA zone the engine knows, under canonical names (Asia/Kolkata, not Asia/Calcutta). */
export function timeZoneOptions(current: string): string[] {
  const zones = canonicalTimeZones(
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [],
  );
  // A clinic saved under a name the list leaves out (an old one, or "UTC" on some engines) keeps it.
  return zones.includes(current) ? zones : [current, ...zones];
}
