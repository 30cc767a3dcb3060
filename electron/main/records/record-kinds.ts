import { userKind } from '../accounts/user-kind';
import {
  appointmentKind,
  appointmentSeriesKind,
  clinicHolidayKind,
  providerDayOffKind,
  providerScheduleKind,
} from '../appointments/appointment-kinds';
import { patientKind } from '../patients/patient-kind';
import type { RecordKind } from './record-kind';

/**
 * Every kind of clinic record, declared in its feature's folder and listed here once: the names
 * change_log.entity may hold, and what sync and merge walk.
 */
export const RECORD_KINDS: readonly RecordKind[] = [
  userKind,
  patientKind,
  providerScheduleKind,
  providerDayOffKind,
  clinicHolidayKind,
  appointmentSeriesKind,
  appointmentKind,
];

export function recordKindNamed(name: string): RecordKind | undefined {
  return RECORD_KINDS.find((k) => k.name === name);
}
