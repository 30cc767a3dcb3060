/**
 * How a date control (`<input type="date">`) shows its date on this computer, e.g. "dd/mm/yyyy" or
 * "mm/dd/yyyy": Chromium lays the control out in the locale's short date order. Messages about a
 * date field name this pattern, not the ISO "YYYY-MM-DD" the field stores, so they read as the
 * field does (issue 12, point 14).
 */
export function dateInputPattern(locale: string = navigator.language): string {
  const parts = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(2000, 11, 31)));
  const words: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = { day: 'dd', month: 'mm', year: 'yyyy' };
  return parts.map((p) => (p.type === 'literal' ? p.value : (words[p.type] ?? '')).trim() || p.value).join('');
}
