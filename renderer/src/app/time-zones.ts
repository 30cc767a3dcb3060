/** The browser's own zone, and every IANA zone it knows, for the clinic time-zone picker. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function timeZoneOptions(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  // Some engines resolve the local zone to a name (e.g. "UTC", "Etc/UTC") their own list leaves out.
  return zones.includes(current) ? zones : [current, ...zones];
}
