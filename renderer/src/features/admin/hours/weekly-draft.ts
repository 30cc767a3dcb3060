import type { ProviderSchedule, WorkingBlock } from '../../../../../shared/domain/appointment';
import { isClockTime, minutesOfDay } from '../../../../../shared/zoned-time';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** One block as typed: times stay strings so a half-typed time is never lost. */
export interface DraftBlock {
  /** Stable React key; blocks have no id of their own. */
  key: string;
  start: string;
  end: string;
}

export type WeeklyDraft = Record<number, DraftBlock[]>;

let nextKey = 0;
function newKey(): string {
  nextKey += 1;
  return `block-${nextKey}`;
}

export function draftFrom(schedule: ProviderSchedule): WeeklyDraft {
  const draft: WeeklyDraft = {};
  for (const day of WEEKDAYS) {
    draft[day] = schedule.weeklyHours
      .filter((b) => b.weekday === day)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((b) => ({ key: newKey(), start: b.start, end: b.end }));
  }
  return draft;
}

/** A sensible next block: right after the day's last one, an hour long; a morning if the day is empty. */
export function suggestBlock(blocks: DraftBlock[]): DraftBlock {
  const last = blocks[blocks.length - 1];
  if (!last) return { key: newKey(), start: '09:00', end: '13:00' };
  if (!isClockTime(last.end)) return { key: newKey(), start: '', end: '' };
  const start = minutesOfDay(last.end);
  const end = Math.min(start + 60, 23 * 60 + 59);
  return { key: newKey(), start: last.end, end: end > start ? clock(end) : '' };
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Where each draft block lands in the list sent to main, so main's "weeklyHours.N.end" finds its block. */
export interface SentBlock {
  weekday: number;
  index: number;
}

export function weeklyHoursFrom(draft: WeeklyDraft): { weeklyHours: WorkingBlock[]; sent: SentBlock[] } {
  const weeklyHours: WorkingBlock[] = [];
  const sent: SentBlock[] = [];
  for (const weekday of WEEKDAYS) {
    (draft[weekday] ?? []).forEach((b, index) => {
      weeklyHours.push({ weekday, start: b.start, end: b.end });
      sent.push({ weekday, index });
    });
  }
  return { weeklyHours, sent };
}

/** Block errors keyed by the draft block's key, from main's field paths ("weeklyHours.3.end"). */
export function blockErrorsFrom(
  fields: Record<string, string>,
  sent: SentBlock[],
  draft: WeeklyDraft,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const match = /^weeklyHours\.(\d+)\./.exec(path);
    const at = match ? sent[Number(match[1])] : undefined;
    const block = at ? draft[at.weekday]?.[at.index] : undefined;
    if (block) errors[block.key] ??= message;
  }
  return errors;
}

/** The earlier block on the same day that this one overlaps, if any. */
export function overlapOf(blocks: DraftBlock[], index: number): DraftBlock | undefined {
  const b = blocks[index];
  if (!b || !isClockTime(b.start) || !isClockTime(b.end)) return undefined;
  return blocks
    .slice(0, index)
    .find(
      (o) =>
        isClockTime(o.start) &&
        isClockTime(o.end) &&
        minutesOfDay(o.start) < minutesOfDay(b.end) &&
        minutesOfDay(b.start) < minutesOfDay(o.end),
    );
}
