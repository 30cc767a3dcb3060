import type Database from 'better-sqlite3';
import type { Interval, ProviderSchedule } from '../../../shared/domain/appointment';
import { isoWeekday, utcToZoned, zonedToUtcLenient } from '../../../shared/zoned-time';
import { preparedOnce } from '../db/records';

/** Why a doctor does not work on a clinic date (clinic holiday or day off), or null when they do. */
export function closedReason(db: Database.Database, providerId: string, date: string): string | null {
  const holiday = preparedOnce(
    db,
    'SELECT name FROM clinic_holidays WHERE date = ? AND deleted_at IS NULL LIMIT 1',
  ).get(date) as { name: string } | undefined;
  if (holiday) return `Clinic holiday: ${holiday.name}`;
  const off = preparedOnce(
    db,
    'SELECT reason FROM provider_days_off WHERE provider_id = ? AND date = ? AND deleted_at IS NULL LIMIT 1',
  ).get(providerId, date) as { reason: string } | undefined;
  if (off) return off.reason ? `Day off: ${off.reason}` : 'Day off';
  return null;
}

export function toInterval(startUtc: string, endUtc: string, timeZone: string): Interval {
  return { startUtc, endUtc, start: utcToZoned(startUtc, timeZone).time, end: utcToZoned(endUtc, timeZone).time };
}

/**
 * The doctor's working blocks on a clinic date as UTC intervals. A block edge that falls in a
 * daylight-saving gap moves forward with the clocks, so a 23-hour day keeps its blocks.
 */
export function workingBlocks(schedule: ProviderSchedule, date: string, timeZone: string): Interval[] {
  const weekday = isoWeekday(date);
  return schedule.weeklyHours
    .filter((b) => b.weekday === weekday)
    .map((b) =>
      toInterval(zonedToUtcLenient(date, b.start, timeZone), zonedToUtcLenient(date, b.end, timeZone), timeZone),
    );
}

export function withinBlocks(blocks: Interval[], startUtc: string, endUtc: string): boolean {
  return blocks.some((b) => b.startUtc <= startUtc && endUtc <= b.endUtc);
}

export function describeBlocks(blocks: Interval[]): string {
  return blocks.length ? blocks.map((b) => `${b.start}–${b.end}`).join(', ') : 'no hours that day';
}
