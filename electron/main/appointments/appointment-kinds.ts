import type { AppointmentStatus } from '../../../shared/domain/appointment';
import { utcToZoned } from '../../../shared/zoned-time';
import { preparedOnce } from '../db/records';
import { appointments, appointmentSeries, clinicHolidays, providerDaysOff, providerSchedules } from '../db/schema';
import { defineRecordKind, type HistoryContext, type StoredRow } from '../records/record-kind';
import { statusLabel, t } from '../i18n/translate';

/** The fields of an appointment its history shows, in the words a receptionist uses. */
export interface AppointmentHistoryFields {
  provider_id: string;
  start_utc: string;
  length_minutes: number;
  status: AppointmentStatus;
  reason: string;
  note: string;
  overbook_reason: string | null;
  outside_hours_reason: string | null;
  token: number | null;
  arrived_at: string | null;
  cancel_reason: string | null;
}

/**
 * An appointment as labelled values, wall-clock times in the clinic's zone. Exported so the bench
 * seeder writes the same history rows the app does.
 */
export function appointmentHistoryView(
  a: AppointmentHistoryFields,
  timeZone: string,
  doctorName: (providerId: string) => string,
): Record<string, string> {
  const wall = (utc: string | null) => {
    if (!utc) return '';
    const w = utcToZoned(utc, timeZone);
    return `${w.date} ${w.time}`;
  };
  return {
    Doctor: doctorName(a.provider_id),
    'Date and time': wall(a.start_utc),
    Length: `${a.length_minutes} min`,
    Status: statusLabel(a.status),
    'Visit type or reason': a.reason,
    Note: a.note,
    'Overbooking reason': a.overbook_reason ?? '',
    'Outside-hours reason': a.outside_hours_reason ?? '',
    Token: a.token === null ? '' : String(a.token),
    Arrived: wall(a.arrived_at),
    'Cancellation reason': a.cancel_reason ?? '',
  };
}

function doctorName(ctx: HistoryContext): (providerId: string) => string {
  return (providerId) =>
    (
      preparedOnce(ctx.db, 'SELECT display_name FROM users WHERE id = ?').get(providerId) as
        { display_name: string } | undefined
    )?.display_name ?? providerId;
}

export const appointmentKind = defineRecordKind({
  name: 'appointment',
  table: appointments,
  fhirResource: 'Appointment',
  history: { table: 'appointment_history', recordColumn: 'appointment_id', withAction: true },
  historyView: (row: StoredRow, ctx) =>
    appointmentHistoryView(row as unknown as AppointmentHistoryFields, ctx.timeZone(), doctorName(ctx)),
  patientOf: (row) => row.patient_id as string,
  conflictMessage: () => t('errors.appointments.someoneElseChangedAppointmentAfter'),
  notFoundMessage: () => t('errors.appointments.appointmentNotFoundMayHave'),
});

export const appointmentSeriesKind = defineRecordKind({
  name: 'appointment_series',
  table: appointmentSeries,
  // FHIR R4 has no recurring appointment; a series syncs as the Appointments it booked.
  fhirResource: 'Appointment',
  patientOf: (row) => row.patient_id as string,
  conflictMessage: () => t('errors.appointments.someoneElseChangedSeriesAfter'),
  notFoundMessage: () => t('errors.appointments.seriesAppointmentsNotFoundRefresh'),
});

export const providerScheduleKind = defineRecordKind({
  name: 'provider_schedule',
  table: providerSchedules,
  fhirResource: 'PractitionerRole',
  conflictMessage: () => t('errors.appointments.someoneElseChangedDoctorS'),
  notFoundMessage: () => t('errors.appointments.doctorSHoursWereNot'),
});

export const providerDayOffKind = defineRecordKind({
  name: 'provider_day_off',
  table: providerDaysOff,
  // A day the doctor's Schedule has a busy-unavailable Slot.
  fhirResource: 'Slot',
  conflictMessage: () => t('errors.appointments.someoneElseChangedDayOff'),
  notFoundMessage: () => t('errors.appointments.dayNotFoundMayAlready'),
});

export const clinicHolidayKind = defineRecordKind({
  name: 'clinic_holiday',
  table: clinicHolidays,
  fhirResource: 'Slot',
  conflictMessage: () => t('errors.appointments.someoneElseChangedHolidayAfter'),
  notFoundMessage: () => t('errors.appointments.dayNotFoundMayAlready'),
});
