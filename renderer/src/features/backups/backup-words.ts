import type { TFunction } from 'i18next';

/** 1 234 567 bytes -> "1.2 MB": backups are sized for people choosing a disk, not to the byte. */
export function formatSize(bytes: number, locale: string): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/** How long ago, in the largest whole unit: "3 hours ago". Main never sends a negative age. */
export function formatAge(t: TFunction<'admin'>, ageMs: number): string {
  const minutes = Math.floor(ageMs / 60_000);
  if (minutes < 1) return t('backups.age.justNow');
  if (minutes < 60) return t('backups.age.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('backups.age.hours', { count: hours });
  return t('backups.age.days', { count: Math.floor(hours / 24) });
}
