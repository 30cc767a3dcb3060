import type Database from 'better-sqlite3';
import type { Appointment, AppointmentStatus } from '../../../shared/domain/appointment';
import { AppError } from '../../../shared/errors';
import { utcToZoned } from '../../../shared/zoned-time';
import { preparedOnce } from '../db/records';
import type { appointments } from '../db/schema';
import { t } from '../i18n/translate';

/**
 * An appointments row as the book reads it, with the patient's and doctor's names joined in. The
 * columns come from the drizzle schema; the device that gave the token and the deletion mark are
 * left out (the writer and the queries handle them).
 */
export type AppointmentRow = Omit<
  typeof appointments.$inferSelect,
  'kind' | 'status' | 'token_device' | 'deleted_at'
> & {
  kind: Appointment['kind'];
  status: AppointmentStatus;
  patient_name: string;
  patient_mrn: string;
  provider_name: string;
};

/** Columns a caller may write; the record columns (id, version, times, users) are managed by the writer. */
export type AppointmentFields = Omit<
  AppointmentRow,
  | 'id'
  | 'version'
  | 'created_at'
  | 'updated_at'
  | 'created_by'
  | 'updated_by'
  | 'patient_name'
  | 'patient_mrn'
  | 'provider_name'
>;

export const APPOINTMENT_SELECT = `SELECT a.*, trim(p.given_names || ' ' || p.family_name) AS patient_name, p.mrn AS patient_mrn,
  u.display_name AS provider_name
  FROM appointments a JOIN patients p ON p.id = a.patient_id JOIN users u ON u.id = a.provider_id`;

type ColumnIndex = Record<keyof AppointmentRow, number>;

const ROW_KEYS: (keyof AppointmentRow)[] = [
  'id',
  'version',
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
  'patient_id',
  'provider_id',
  'start_utc',
  'end_utc',
  'length_minutes',
  'clinic_date',
  'kind',
  'status',
  'reason',
  'note',
  'overbook_reason',
  'outside_hours_reason',
  'token',
  'arrived_at',
  'with_doctor_at',
  'done_at',
  'no_show_at',
  'cancelled_at',
  'cancel_reason',
  'series_id',
  'series_index',
  'patient_name',
  'patient_mrn',
  'provider_name',
];

const rawStatements = new WeakMap<Database.Database, Map<string, { statement: Database.Statement; at: ColumnIndex }>>();

/** A statement that returns rows as arrays (its own, so no caller of preparedOnce gets arrays), with where each field is. */
function rawStatement(db: Database.Database, sql: string): { statement: Database.Statement; at: ColumnIndex } {
  let bySql = rawStatements.get(db);
  if (!bySql) {
    bySql = new Map();
    rawStatements.set(db, bySql);
  }
  let entry = bySql.get(sql);
  if (!entry) {
    const statement = db.prepare(sql).raw(true);
    const names = statement.columns().map((c) => c.name);
    const at = Object.fromEntries(ROW_KEYS.map((key) => [key, names.indexOf(key)])) as ColumnIndex;
    const missing = ROW_KEYS.filter((key) => at[key] < 0);
    if (missing.length)
      throw new Error(
        `appointment query lacks column(s) ${missing.join(', ')}: select them from ${APPOINTMENT_SELECT.slice(0, 40)}…`,
      );
    entry = { statement, at };
    bySql.set(sql, entry);
  }
  return entry;
}

/**
 * All rows of a query built on APPOINTMENT_SELECT. better-sqlite3 builds each row object property
 * by property, which for these 30 columns cost more than the query itself (a day view reads ~120
 * rows); arrays turned into objects of one fixed shape here cost about a third less.
 */
export function allAppointmentRows(db: Database.Database, sql: string, ...params: unknown[]): AppointmentRow[] {
  const { statement, at } = rawStatement(db, sql);
  return (statement.all(...params) as unknown[][]).map((r): AppointmentRow => ({
    id: r[at.id] as string,
    version: r[at.version] as number,
    created_at: r[at.created_at] as string,
    updated_at: r[at.updated_at] as string,
    created_by: r[at.created_by] as string,
    updated_by: r[at.updated_by] as string,
    patient_id: r[at.patient_id] as string,
    provider_id: r[at.provider_id] as string,
    start_utc: r[at.start_utc] as string,
    end_utc: r[at.end_utc] as string,
    length_minutes: r[at.length_minutes] as number,
    clinic_date: r[at.clinic_date] as string,
    kind: r[at.kind] as AppointmentRow['kind'],
    status: r[at.status] as AppointmentStatus,
    reason: r[at.reason] as string,
    note: r[at.note] as string,
    overbook_reason: r[at.overbook_reason] as string | null,
    outside_hours_reason: r[at.outside_hours_reason] as string | null,
    token: r[at.token] as number | null,
    arrived_at: r[at.arrived_at] as string | null,
    with_doctor_at: r[at.with_doctor_at] as string | null,
    done_at: r[at.done_at] as string | null,
    no_show_at: r[at.no_show_at] as string | null,
    cancelled_at: r[at.cancelled_at] as string | null,
    cancel_reason: r[at.cancel_reason] as string | null,
    series_id: r[at.series_id] as string | null,
    series_index: r[at.series_index] as number | null,
    patient_name: r[at.patient_name] as string,
    patient_mrn: r[at.patient_mrn] as string,
    provider_name: r[at.provider_name] as string,
  }));
}

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
  return preparedOnce(db, `${APPOINTMENT_SELECT} WHERE a.id = ? AND a.deleted_at IS NULL`).get(id) as
    AppointmentRow | undefined;
}

/** Loads an appointment to change it, refusing a stale version so two people never overwrite each other. */
export function loadForChange(db: Database.Database, id: string, version: number): AppointmentRow {
  const row = findAppointmentRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', t('errors.appointments.appointmentNotFoundMayHave'));
  if (row.version !== version) {
    throw new AppError('CONFLICT', t('errors.appointments.someoneElseChangedAppointmentAfter2'));
  }
  return row;
}
