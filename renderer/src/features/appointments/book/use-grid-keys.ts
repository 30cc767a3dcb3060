import { useEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import { minutesOfDay } from '../../../../../shared/zoned-time';

/** The focusable things on the grid: free slots and appointment blocks, in time order per column. */
const ITEM = '.book-slot, .book-appt';
const COLUMN = '.book-grid__column';

interface Place {
  column: number;
  minutes: number;
}

function columnsOf(grid: HTMLElement): HTMLElement[][] {
  return [...grid.querySelectorAll<HTMLElement>(COLUMN)].map((c) => [...c.querySelectorAll<HTMLElement>(ITEM)]);
}

function minutesOf(el: HTMLElement): number {
  return minutesOfDay(el.dataset.minutes ?? '00:00');
}

function placeOf(columns: HTMLElement[][], el: Element): Place | null {
  for (let c = 0; c < columns.length; c++) {
    if (columns[c]!.includes(el as HTMLElement)) return { column: c, minutes: minutesOf(el as HTMLElement) };
  }
  return null;
}

/** In a column, the item at the time given, or the last one before it, or the first. */
function nearest(items: HTMLElement[], minutes: number): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  for (const el of items) if (minutesOf(el) <= minutes) best = el;
  return best ?? items[0];
}

/**
 * Arrow keys on the appointment grid (a roving tabindex): the grid is one Tab stop; Up and Down walk a
 * column's free times and appointments, Left and Right go to the next doctor's (or day's) column at
 * the same time, Home and End to a column's first and last. So the second doctor's 10:00 is two keys
 * away rather than a Tab through every slot of the first (issue 12, point 10).
 */
export function useGridKeys(grid: RefObject<HTMLElement | null>) {
  // Where the grid's Tab stop is: a column and a time, so it survives the grid re-rendering.
  const current = useRef<Place | null>(null);

  // After every render: exactly one item is in the Tab order.
  useEffect(() => {
    const root = grid.current;
    if (!root) return;
    const columns = columnsOf(root);
    const all = columns.flat();
    const place = current.current;
    const stop = (place && nearest(columns[Math.min(place.column, columns.length - 1)] ?? [], place.minutes)) ?? all[0];
    for (const el of all) el.tabIndex = el === stop ? 0 : -1;
  });

  const onFocus = (e: FocusEvent<HTMLElement>) => {
    const root = e.currentTarget;
    if (!(e.target instanceof HTMLElement) || !e.target.matches(ITEM)) return;
    const columns = columnsOf(root);
    const place = placeOf(columns, e.target);
    if (!place) return;
    current.current = place;
    for (const el of columns.flat()) el.tabIndex = el === e.target ? 0 : -1;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const root = e.currentTarget;
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (!(e.target instanceof HTMLElement) || !e.target.matches(ITEM)) return;
    const columns = columnsOf(root);
    const place = placeOf(columns, e.target);
    if (!place) return;
    const items = columns[place.column]!;
    const index = items.indexOf(e.target);
    let next: HTMLElement | undefined;
    if (e.key === 'ArrowDown') next = items[index + 1];
    else if (e.key === 'ArrowUp') next = items[index - 1];
    else if (e.key === 'Home') next = items[0];
    else if (e.key === 'End') next = items[items.length - 1];
    else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const step = e.key === 'ArrowRight' ? 1 : -1;
      // Skip columns with nothing to focus (a doctor off that day).
      for (let c = place.column + step; c >= 0 && c < columns.length && !next; c += step) {
        next = nearest(columns[c]!, place.minutes);
      }
    } else return;
    e.preventDefault();
    if (!next) return;
    next.focus();
    next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  return { onKeyDown, onFocus };
}
