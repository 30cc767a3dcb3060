import type { ProviderDay } from '../../../../../shared/domain/appointment';
import { addDays, isoWeekday, minutesOfDay, utcToZoned } from '../../../../../shared/zoned-time';

/** The grid shows at least the working day most clinics keep; it grows to fit hours or bookings outside it. */
export const DEFAULT_GRID_START = 7 * 60;
export const DEFAULT_GRID_END = 20 * 60;
/** 15 minutes = 24 px: a 10-minute appointment still has room for one line of text. */
export const PX_PER_MINUTE = 1.6;
export const ROW_MINUTES = 15;
/** Dropped blocks snap to this, so a drag lands on times people actually book. */
export const SNAP_MINUTES = 5;

export function clockTime(minutes: number): string {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.round(minutes)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Minutes of the day an appointment ends at; a booking running past midnight ends at the bottom. */
export function endMinutes(start: string, end: string): number {
  const e = minutesOfDay(end);
  return e <= minutesOfDay(start) ? 24 * 60 : e;
}

/** [start, end) in minutes covering every block and appointment of the columns, on 15-minute lines. */
export function gridRange(days: ProviderDay[]): { start: number; end: number } {
  let start = DEFAULT_GRID_START;
  let end = DEFAULT_GRID_END;
  for (const day of days) {
    for (const b of day.blocks) {
      start = Math.min(start, minutesOfDay(b.start));
      end = Math.max(end, endMinutes(b.start, b.end));
    }
    for (const a of day.appointments) {
      if (a.status === 'cancelled') continue;
      start = Math.min(start, minutesOfDay(a.time));
      end = Math.max(end, endMinutes(a.time, a.endTime));
    }
  }
  return { start: Math.floor(start / ROW_MINUTES) * ROW_MINUTES, end: Math.ceil(end / ROW_MINUTES) * ROW_MINUTES };
}

/** The clinic's current date and time, whatever this computer's own zone is. */
export function clinicNow(timeZone: string): { date: string; minutes: number } {
  const wall = utcToZoned(new Date(), timeZone);
  return { date: wall.date, minutes: minutesOfDay(wall.time) };
}

/** Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}
