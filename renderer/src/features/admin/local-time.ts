const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** A stored UTC instant as this computer's local date and time (audit rows). */
export function formatLocalDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** A stored UTC instant as local time of day (lockout expiry, always within the next minutes). */
export function formatLocalTime(iso: string): string {
  return timeOnly.format(new Date(iso));
}
