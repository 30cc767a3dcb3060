/** "Tue 01 Dec 2026": weekday and month in words so a date cannot be misread in any locale. */
export function dateLabel(date: string, language: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(d);
  return `${part({ weekday: 'short' })} ${String(d.getUTCDate()).padStart(2, '0')} ${part({ month: 'short' })} ${d.getUTCFullYear()}`;
}
