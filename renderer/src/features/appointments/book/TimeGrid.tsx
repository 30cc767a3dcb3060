import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment, Interval, ProviderDay } from '../../../../../shared/domain/appointment';
import { minutesOfDay } from '../../../../../shared/zoned-time';
import { AppointmentBlock } from './AppointmentBlock';
import { clockTime, endMinutes, gridRange, PX_PER_MINUTE, ROW_MINUTES } from './book-time';
import { useBlockDrag, type DropTarget } from './use-block-drag';
import { useGridKeys } from './use-grid-keys';

export interface GridColumn {
  key: string;
  /** Header text: the doctor (day view) or the date (week view). */
  label: string;
  /** Extra controls in the header, e.g. printing the day list. */
  headerExtra?: ReactNode;
  day: ProviderDay;
  /** Minutes of the day "now" is, when this column is today. */
  nowMinutes: number | null;
}

interface TimeGridProps {
  columns: GridColumn[];
  /** The accessible name of a free slot, e.g. "Book 09:30 with Dr Lee". */
  slotName(column: GridColumn, slot: Interval): string;
  onBookSlot(column: GridColumn, slot: Interval): void;
  onOpenAppointment(appointment: Appointment): void;
  onMove(appointment: Appointment, target: DropTarget): Promise<void>;
  /** Scroll so this time is near the top on first show (e.g. now, or the first working hour). */
  scrollToMinutes: number;
}

/** Appointments that hold their time take lanes side by side when they overlap (overbooking). */
function lanes(appointments: Appointment[]): Map<string, { lane: number; of: number }> {
  const held = appointments
    .filter((a) => a.status !== 'cancelled' && a.status !== 'no_show')
    .sort((x, y) => x.time.localeCompare(y.time));
  const laneEnds: number[] = [];
  const placed = new Map<string, number>();
  for (const a of held) {
    const s = minutesOfDay(a.time);
    let lane = laneEnds.findIndex((end) => end <= s);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = endMinutes(a.time, a.endTime);
    placed.set(a.id, lane);
  }
  const of = Math.max(1, laneEnds.length);
  return new Map([...placed].map(([id, lane]) => [id, { lane, of }]));
}

/** Doctors (or days) side by side on a time grid: working hours shaded, bookings as blocks, free slots as buttons. */
export function TimeGrid({ columns, slotName, onBookSlot, onOpenAppointment, onMove, scrollToMinutes }: TimeGridProps) {
  const { t } = useTranslation('appointments');
  const range = gridRange(columns.map((c) => c.day));
  const height = (range.end - range.start) * PX_PER_MINUTE;
  const top = (minutes: number) => (minutes - range.start) * PX_PER_MINUTE;
  const { drag, onPointerDown, onClick } = useBlockDrag(onMove);
  const scroller = useRef<HTMLDivElement>(null);
  const keys = useGridKeys(scroller);

  // Scroll once per date shown, not on every refresh after a booking.
  const scrollKey = columns.map((c) => c.day.date).join(',');
  useEffect(() => {
    scroller.current?.scrollTo({ top: Math.max(0, (scrollToMinutes - range.start - 30) * PX_PER_MINUTE) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollKey]);

  const hours: number[] = [];
  for (let m = Math.ceil(range.start / 60) * 60; m < range.end; m += 60) hours.push(m);

  return (
    <div className="book-grid" ref={scroller}>
      <div
        className="book-grid__inner"
        onKeyDown={keys.onKeyDown}
        onFocus={keys.onFocus}
        style={{ '--columns': columns.length, '--row-px': `${ROW_MINUTES * PX_PER_MINUTE}px` } as CSSProperties}
      >
        <div className="book-grid__corner" aria-hidden="true" />
        {columns.map((c) => (
          <div key={c.key} className="book-grid__header" role="group" aria-label={c.label} data-column-key={c.key}>
            <span className="book-grid__header-label">{c.label}</span>
            {c.headerExtra}
          </div>
        ))}
        <div className="book-grid__axis" style={{ height }} aria-hidden="true">
          {hours.map((m) => (
            <span key={m} className="book-grid__hour" style={{ top: top(m) }}>
              {clockTime(m)}
            </span>
          ))}
        </div>
        {columns.map((c) => {
          const placed = lanes(c.day.appointments);
          // Free slots and bookings in time order, so the arrow keys walk down the column.
          const items = [
            ...c.day.freeSlots.map((slot) => ({ kind: 'slot' as const, at: slot.start, slot })),
            ...c.day.appointments
              .filter((a) => a.status !== 'cancelled')
              .map((a) => ({ kind: 'appt' as const, at: a.time, appointment: a })),
          ].sort((x, y) => x.at.localeCompare(y.at) || (x.kind === 'appt' ? -1 : 1));
          return (
            <div
              key={c.key}
              className={`book-grid__column${c.day.closedReason ? ' book-grid__column--closed' : ''}`}
              style={{ height }}
              data-column-key={c.key}
              role="region"
              aria-label={t('grid.columnName', { name: c.label })}
            >
              {c.day.blocks.map((b) => (
                <div
                  key={b.startUtc}
                  className="book-grid__working"
                  style={{
                    top: top(minutesOfDay(b.start)),
                    height: (endMinutes(b.start, b.end) - minutesOfDay(b.start)) * PX_PER_MINUTE,
                  }}
                />
              ))}
              {c.day.closedReason && (
                <p className="book-grid__closed">{t('grid.closed', { reason: c.day.closedReason })}</p>
              )}
              {items.map((item) => {
                if (item.kind === 'slot') {
                  const s = item.slot;
                  return (
                    <button
                      key={`slot-${s.startUtc}`}
                      type="button"
                      className="book-slot"
                      style={{
                        top: top(minutesOfDay(s.start)),
                        height: (endMinutes(s.start, s.end) - minutesOfDay(s.start)) * PX_PER_MINUTE,
                      }}
                      aria-label={slotName(c, s)}
                      data-minutes={s.start}
                      onClick={() => onBookSlot(c, s)}
                    >
                      <span aria-hidden="true">{s.start}</span>
                      <span aria-hidden="true" className="book-slot__free">
                        {t('grid.free')}
                      </span>
                    </button>
                  );
                }
                const a = item.appointment;
                const start = minutesOfDay(a.time);
                const lane = placed.get(a.id);
                const inactive = !lane;
                const dragging = drag?.appointmentId === a.id;
                const style: CSSProperties = {
                  top: top(start),
                  height: Math.max(18, (endMinutes(a.time, a.endTime) - start) * PX_PER_MINUTE),
                  left: inactive ? '55%' : `calc(${(lane.lane / lane.of) * 100}% + 2px)`,
                  width: inactive ? '44%' : `calc(${100 / lane.of}% - 4px)`,
                  transform: dragging ? `translate(${drag.dx}px, ${drag.dy}px)` : undefined,
                };
                return (
                  <AppointmentBlock
                    key={a.id}
                    appointment={a}
                    style={style}
                    dragging={dragging}
                    onOpen={onClick(() => onOpenAppointment(a))}
                    onPointerDown={onPointerDown(a)}
                  />
                );
              })}
              {c.nowMinutes !== null && c.nowMinutes >= range.start && c.nowMinutes < range.end && (
                <div
                  className="book-grid__now"
                  style={{ top: top(c.nowMinutes) }}
                  title={t('grid.now', { time: clockTime(c.nowMinutes) })}
                  aria-hidden="true"
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
