import type { Channel } from '../../../../shared/contract';

/**
 * Every read that shows appointments. Booking, moving, cancelling, checking in or calling a patient
 * changes what each of them shows, so each such change marks them all stale; only those on screen
 * are asked again.
 */
export const APPOINTMENT_READS = [
  'appointments.day',
  'appointments.week',
  'appointments.get',
  'appointments.history',
  'appointments.queue',
  'appointments.today',
  'appointments.reminders',
  'appointments.upcomingForPatient',
] as const satisfies readonly Channel[];
