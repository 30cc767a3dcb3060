/**
 * Canonical IANA time-zone names. ICU (Chromium's and Node's Intl) still lists some zones under
 * their old names, e.g. "Asia/Calcutta" for what the tz database has called Asia/Kolkata since
 * 2008; a clinic in Pune should find and read "Asia/Kolkata". Each old name here is a link in the
 * tz database's `backward` file to the name it maps to, and every engine accepts both.
 */
const LEGACY_TO_CANONICAL: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Etc/UTC': 'UTC',
  'Etc/GMT': 'UTC',
};

/** The tz database's current name for a zone ("Asia/Calcutta" → "Asia/Kolkata"); other names as given. */
export function canonicalTimeZone(zone: string): string {
  return LEGACY_TO_CANONICAL[zone] ?? zone;
}

/** A list of zones under their canonical names, each once, sorted. */
export function canonicalTimeZones(zones: readonly string[]): string[] {
  return [...new Set(zones.map(canonicalTimeZone))].sort();
}
