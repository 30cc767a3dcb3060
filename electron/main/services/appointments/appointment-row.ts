import type Database from 'better-sqlite3';
import type { Appointment, AppointmentStatus } from '../../../../shared/domain/appointment';
import { AppError } from '../../../../shared/errors';
import { utcToZoned } from '../../../../shared/zoned-time';

/** An appointments row as SQLite returns it, with the patient's and doctor's names joined in. */
export interface AppointmentRow {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
  patient_id: string;
  provider_id: string;
  start_utc: string;
  end_utc: string;
  length_minutes: number;
  clinic_date: string;
  kind: Appointment['kind'];
  status: AppointmentStatus;
  reason: string;
  note: string;
  overbook_reason: string | null;
  outside_hours_reason: string | null;
  token: number | null;
  arrived_at: string | null;
  with_doctor_at: string | null;
  done_at: string | null;
  no_show_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  series_id: string | null;
  series_index: number | null;
  patient_name: string;
  patient_mrn: string;
  provider_name: string;
}

/** Columns a caller may write; the record columns (id, version, times, users) are managed by the writer. */
export type AppointmentFields = Omit<
  AppointmentRow,
  'id' | 'version' | 'created_at' | 'updated_at' | 'created_by' | 'updated_by' | 'patient_name' | 'patient_mrn' | 'provider_name'
>;

export const APPOINTMENT_SELECT = `SELECT a.*, trim(p.given_names || ' ' || p.family_name) AS patient_name, p.mrn AS patient_mrn,
  u.display_name AS provider_name
  FROM appointments a JOIN patients p ON p.id = a.patient_id JOIN users u ON u.id = a.provider_id`;

export function toAppointment(r: AppointmentRow, timeZone: string): Appointment {
  const start = utcToZoned(r.start_utc, timeZone);
  return {
    id: r.id,
    version: r.version,
    patientId: r.patient_id,
    patientName: r.patient_name,
    patientMrn: r.patient_mrn,
    providerId: r.provider_id,
    providerName: r.provider_name,
    kind: r.kind,
    status: r.status,
    startUtc: r.start_utc,
    endUtc: r.end_utc,
    date: r.clinic_date,
    time: start.time,
    endTime: utcToZoned(r.end_utc, timeZone).time,
    lengthMinutes: r.length_minutes,
    reason: r.reason,
    note: r.note,
    overbookReason: r.overbook_reason,
    outsideHoursReason: r.outside_hours_reason,
    token: r.token,
    arrivedAt: r.arrived_at,
    withDoctorAt: r.with_doctor_at,
    doneAt: r.done_at,
    noShowAt: r.no_show_at,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
    seriesId: r.series_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function findAppointmentRow(db: Database.Database, id: string): AppointmentRow | undefined {
  return db.prepare(`${APPOINTMENT_SELECT} WHERE a.id = ? AND a.deleted_at IS NULL`).get(id) as AppointmentRow | undefined;
}

/** Loads an appointment to change it, refusing a stale version so two people never overwrite each other. */
export function loadForChange(db: Database.Database, id: string, version: number): AppointmentRow {
  const row = findAppointmentRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'That appointment was not found. It may have been removed; refresh the book.');
  if (row.version !== version) {
    throw new AppError('CONFLICT', 'Someone else changed this appointment after you opened it. Refresh the book, then try again.');
  }
  return row;
}
