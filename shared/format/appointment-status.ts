import type { AppointmentStatus } from '../domain/appointment';

/**
 * One word per appointment state, on every screen and every printout: the renderer's status words
 * (renderer/src/i18n/en/appointments.json "status") and the printed day list use these, and a test
 * keeps them equal. A checked-in patient is "Waiting" (as in the queue), not "Arrived" in one place
 * and "Checked in" in another.
 */
export const APPOINTMENT_STATUS_WORDS: Readonly<Record<AppointmentStatus, string>> = {
  booked: 'Booked',
  arrived: 'Waiting',
  with_doctor: 'With doctor',
  done: 'Done',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};
