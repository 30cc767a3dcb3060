import type { CSSProperties, PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../../shared/domain/appointment';

interface AppointmentBlockProps {
  appointment: Appointment;
  style: CSSProperties;
  dragging: boolean;
  onOpen(): void;
  onPointerDown(e: ReactPointerEvent<HTMLButtonElement>): void;
}

/** One appointment on the grid: a button that opens its details, and the handle for dragging it. */
export function AppointmentBlock({ appointment: a, style, dragging, onOpen, onPointerDown }: AppointmentBlockProps) {
  const { t } = useTranslation('appointments');
  const status = t(`status.${a.status}`);
  const name = t('grid.appointmentName', {
    start: a.time,
    end: a.endTime,
    patient: a.patientName,
    reason: a.reason || t('grid.noReason'),
    status,
  });
  return (
    <button
      type="button"
      className={`book-appt book-appt--${a.status}${dragging ? ' book-appt--dragging' : ''}${a.overbookReason ? ' book-appt--overbooked' : ''}`}
      style={style}
      aria-label={name}
      title={name}
      data-appointment-id={a.id}
      data-minutes={a.time}
      onClick={onOpen}
      onPointerDown={onPointerDown}
    >
      <span className="book-appt__time">
        {a.time}
        <span className="book-appt__end">–{a.endTime}</span>
      </span>{' '}
      <span className="book-appt__patient">{a.patientName}</span>
      {a.reason && <span className="book-appt__reason"> · {a.reason}</span>}
      <span className="book-appt__status"> · {status}</span>
    </button>
  );
}
