import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Appointment } from '../../../../../shared/domain/appointment';
import { minutesOfDay } from '../../../../../shared/zoned-time';
import { clockTime, PX_PER_MINUTE, SNAP_MINUTES } from './book-time';

/** Pointer travel below this is a click, not a drag. */
const DRAG_THRESHOLD_PX = 6;

export interface DropTarget {
  columnKey: string;
  time: string;
}

export interface DragState {
  appointmentId: string;
  dx: number;
  dy: number;
}

/**
 * Drag an appointment block with pointer events. While dragging the block follows the pointer; on
 * drop, `onDrop` gets the column under the pointer and the new start (snapped). The block stays
 * where it was dropped until `onDrop` settles, then goes back to where the book (reloaded or not)
 * puts it: on a refusal that is its old place.
 */
export function useBlockDrag(onDrop: (appointment: Appointment, target: DropTarget) => Promise<void>) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const start = useRef<{ x: number; y: number; appointment: Appointment; moved: boolean } | null>(null);
  /** Set when a drag ended, so the click that follows pointerup does not open the details. */
  const suppressClick = useRef(false);

  const onPointerDown = (appointment: Appointment) => (e: ReactPointerEvent<HTMLButtonElement>) => {
    if (e.button !== 0 || appointment.status !== 'booked') return;
    start.current = { x: e.clientX, y: e.clientY, appointment, moved: false };
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => {
      const s = start.current;
      if (!s) return;
      const dx = ev.clientX - s.x;
      const dy = ev.clientY - s.y;
      if (!s.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      s.moved = true;
      setDrag({ appointmentId: s.appointment.id, dx, dy });
    };
    const up = (ev: PointerEvent) => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', cancel);
      const s = start.current;
      start.current = null;
      if (!s?.moved) return;
      suppressClick.current = true;
      const dropped = dropTargetAt(ev.clientX, ev.clientY, s.appointment, ev.clientY - s.y, target);
      if (!dropped) {
        setDrag(null);
        return;
      }
      void onDrop(s.appointment, dropped).finally(() => setDrag(null));
    };
    const cancel = () => {
      start.current = null;
      setDrag(null);
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', cancel);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', cancel);
  };

  /** Wraps a block's click handler: a click that ended a drag is not a click. */
  const onClick = (open: () => void) => () => {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    open();
  };

  return { drag, onPointerDown, onClick };
}

function dropTargetAt(
  x: number,
  y: number,
  appointment: Appointment,
  dy: number,
  dragged: HTMLElement,
): DropTarget | null {
  // The dragged block follows the pointer and is topmost; its own column is where it came from, not where it is dropped.
  const column = document
    .elementsFromPoint(x, y)
    .filter((el) => !dragged.contains(el))
    .map((el) => (el instanceof HTMLElement ? el.closest<HTMLElement>('[data-column-key]') : null))
    .find((el): el is HTMLElement => !!el);
  const columnKey = column?.dataset.columnKey;
  if (!columnKey) return null;
  const moved = minutesOfDay(appointment.time) + dy / PX_PER_MINUTE;
  const snapped = Math.round(moved / SNAP_MINUTES) * SNAP_MINUTES;
  return { columnKey, time: clockTime(snapped) };
}
