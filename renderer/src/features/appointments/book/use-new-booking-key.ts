import { useEffect, useRef } from 'react';
import type { BookingPrefill } from './BookingDialog';
import type { GridColumn } from './TimeGrid';

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset']);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/**
 * "N" books: in a focused column, the next free slot after the focused one; elsewhere, an empty
 * booking for `fallback` (the doctor and time are then chosen in the dialog).
 */
export function useNewBookingKey(
  enabled: boolean,
  columns: GridColumn[],
  fallback: BookingPrefill,
  onBook: (prefill: BookingPrefill) => void,
): void {
  const latest = useRef({ enabled, columns, fallback, onBook });
  useEffect(() => {
    latest.current = { enabled, columns, fallback, onBook };
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const { enabled: on, columns: cols, fallback: blank, onBook: book } = latest.current;
      if (!on || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.key.toLowerCase() !== 'n') return;
      if (isTyping(e.target) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      const key = focused?.closest<HTMLElement>('[data-column-key]')?.dataset.columnKey;
      const column = cols.find((c) => c.key === key);
      if (!column) {
        book(blank);
        return;
      }
      const after = focused?.dataset.minutes ?? '00:00';
      const onAppointment = focused?.dataset.appointmentId !== undefined;
      const next = column.day.freeSlots.find((s) => (onAppointment ? s.start > after : s.start >= after));
      book({ providerId: column.day.providerId, date: column.day.date, time: next?.start ?? '' });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
