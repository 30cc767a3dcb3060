import { APPOINTMENT_STATUS_WORDS } from '../../../shared/format/appointment-status';
import type Database from 'better-sqlite3';
import type { AppointmentStatus } from '../../../shared/domain/appointment';
import { AppError } from '../../../shared/errors';
import { APPOINTMENT_SELECT, findAppointmentRow, type AppointmentRow } from '../appointments/appointment-row';
import { requireProvider } from '../appointments/provider-schedule';
import type { DayListAppointment, PrintSex } from './day-list-document';
import { t } from '../i18n/translate';

/** An appointment row with what a printed list also shows about the patient. */
export interface PrintableAppointmentRow extends AppointmentRow {
  patient_birth_date: string;
  patient_birth_date_estimated: number;
  patient_sex: PrintSex;
  /** The number to call, a mobile first; null when the patient has none. */
  patient_phone: string | null;
}

const PRINTABLE_SELECT = APPOINTMENT_SELECT.replace(
  'AS provider_name',
  `AS provider_name, p.birth_date AS patient_birth_date, p.birth_date_estimated AS patient_birth_date_estimated, p.sex AS patient_sex,
   (SELECT number FROM patient_phones ph WHERE ph.patient_id = a.patient_id ORDER BY ph.kind <> 'mobile', ph.position LIMIT 1) AS patient_phone`,
);

/** A doctor's appointments of one clinic date, cancelled and no-shows included (the list says so). */
export function appointmentsToPrint(
  db: Database.Database,
  providerId: string,
  date: string,
): { doctorName: string; rows: PrintableAppointmentRow[] } {
  const doctor = requireProvider(db, providerId);
  const rows = db
    .prepare(
      `${PRINTABLE_SELECT} WHERE a.clinic_date = ? AND a.provider_id = ? AND a.deleted_at IS NULL ORDER BY a.start_utc, a.token`,
    )
    .all(date, providerId) as PrintableAppointmentRow[];
  return { doctorName: doctor.displayName, rows };
}

export function appointmentToPrint(db: Database.Database, id: string): AppointmentRow {
  const row = findAppointmentRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', t('errors.printing.appointmentNotFoundThereNo'));
  return row;
}

/** How the printed list names each status; the words a receptionist uses. */
/** The same word for each state as on screen (shared/format/appointment-status.ts). */
export const PRINTED_STATUS: Readonly<Record<AppointmentStatus, string>> = APPOINTMENT_STATUS_WORDS;

export function visitType(row: Pick<AppointmentRow, 'kind'>): string {
  return row.kind === 'walk_in' ? 'Walk-in' : 'Appointment';
}

export function toDayListAppointment(row: PrintableAppointmentRow): DayListAppointment {
  return {
    startsAt: row.start_utc,
    endsAt: row.end_utc,
    token: row.token,
    patient: {
      name: row.patient_name,
      mrn: row.patient_mrn,
      birthDate: row.patient_birth_date,
      birthDateEstimated: row.patient_birth_date_estimated === 1,
      sex: row.patient_sex,
      phone: row.patient_phone ?? '',
    },
    visitType: visitType(row),
    reason: row.reason,
    status: PRINTED_STATUS[row.status],
  };
}
