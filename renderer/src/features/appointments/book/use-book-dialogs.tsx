import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../../shared/domain/appointment';
import { useChannelMutation } from '../../../api/channel-hooks';
import { errorMessage } from '../../../forms/field-errors';
import { APPOINTMENT_READS } from '../appointment-reads';
import { Notice } from '../../../ui';
import { AppointmentDetails } from './AppointmentDetails';
import { BookingDialog, type BookingPrefill } from './BookingDialog';
import type { GridColumn } from './TimeGrid';
import type { BookSetup } from './use-book-setup';
import type { DropTarget } from './use-block-drag';

export interface BookDialogs {
  openBooking(prefill: BookingPrefill): void;
  openDetails(appointmentId: string): void;
  /** Reschedules a dragged block to where it was dropped ('this' only; a series is moved from the details). */
  moveByDrag(appointment: Appointment, target: DropTarget, columns: GridColumn[]): Promise<void>;
  /** True while a dialog is open: the view's own shortcuts stand down. */
  dialogOpen: boolean;
  notice: ReactNode;
  dialogs: ReactNode;
}

/** The booking and details dialogs, and the success or error line they leave behind, shared by the day and week views. */
export function useBookDialogs(setup: BookSetup): BookDialogs {
  const { t } = useTranslation('appointments');
  const [booking, setBooking] = useState<{ prefill: BookingPrefill; key: number } | null>(null);
  const [details, setDetails] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  // Every change made from the book's dialogs marks the appointment reads stale; the grid on screen re-reads.
  const reschedule = useChannelMutation('appointments.reschedule', { invalidates: APPOINTMENT_READS });

  const done = (text: string) => {
    setBooking(null);
    setDetails(null);
    setMessage({ tone: 'success', text });
  };

  const moveByDrag = async (a: Appointment, target: DropTarget, columns: GridColumn[]) => {
    const column = columns.find((c) => c.key === target.columnKey);
    if (!column) return;
    const otherDoctor = column.day.providerId !== a.providerId;
    if (!otherDoctor && column.day.date === a.date && target.time === a.time) return;
    try {
      await reschedule.mutateAsync({
        id: a.id,
        version: a.version,
        date: column.day.date,
        time: target.time,
        scope: 'this',
        ...(otherDoctor ? { providerId: column.day.providerId } : {}),
      });
      const where = {
        patient: a.patientName,
        doctor: column.day.providerName,
        date: column.day.date,
        time: target.time,
      };
      setMessage({ tone: 'success', text: otherDoctor ? t('drag.movedToDoctor', where) : t('drag.moved', where) });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    }
  };

  return {
    openBooking: (prefill) => {
      setMessage(null);
      setBooking((b) => ({ prefill, key: (b?.key ?? 0) + 1 }));
    },
    openDetails: (id) => {
      setMessage(null);
      setDetails(id);
    },
    moveByDrag,
    dialogOpen: booking !== null || details !== null,
    notice: message && <Notice tone={message.tone}>{message.text}</Notice>,
    dialogs: (
      <>
        {booking && (
          <BookingDialog
            key={booking.key}
            prefill={booking.prefill}
            providers={setup.providers}
            timeZone={setup.timeZone}
            onClose={() => setBooking(null)}
            onBooked={done}
          />
        )}
        {details && (
          <AppointmentDetails
            key={details}
            appointmentId={details}
            timeZone={setup.timeZone}
            onClose={() => setDetails(null)}
            onChanged={done}
          />
        )}
      </>
    ),
  };
}
