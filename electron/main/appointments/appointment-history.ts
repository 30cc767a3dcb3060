import type { Appointment, AppointmentHistoryEntry } from '../../../shared/domain/appointment';
import { AppError } from '../../../shared/errors';
import { appendAudit } from '../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { clinicTimeZone } from '../settings/settings-service';
import { allAppointmentRows, APPOINTMENT_SELECT, findAppointmentRow, toAppointment } from './appointment-row';
import { t } from '../i18n/translate';

function notFound(): never {
  throw new AppError('NOT_FOUND', t('errors.appointments.appointmentNotFoundMayHave'));
}

/** Opening an appointment is a view of patient data, audited with the patient's id. */
export function getAppointment(ctx: ServiceContext, id: string, actor: Actor): Appointment {
  const db = ctx.db.sqlite;
  const row = findAppointmentRow(db, id) ?? notFound();
  appendAudit(db, {
    at: isoNow(ctx),
    userId: actor.userId,
    username: actor.username,
    action: 'appointment.view',
    patientId: row.patient_id,
    details: row.clinic_date,
  });
  return toAppointment(row, clinicTimeZone(ctx));
}

/** How many upcoming appointments the chart lists: enough for a course of follow-ups. */
export const UPCOMING_LIMIT = 10;

/**
 * The patient's appointments that are still to come (booked, or checked in and not yet seen),
 * soonest first; audited as one view of the patient's appointments.
 */
export function upcomingForPatient(ctx: ServiceContext, patientId: string, actor: Actor): Appointment[] {
  const db = ctx.db.sqlite;
  if (!db.prepare('SELECT 1 FROM patients WHERE id = ? AND deleted_at IS NULL').get(patientId))
    throw new AppError('NOT_FOUND', t('errors.appointments.patientNotFoundSearchPatient'));
  const upcoming = upcomingAppointments(ctx, patientId);
  appendAudit(db, {
    at: isoNow(ctx),
    userId: actor.userId,
    username: actor.username,
    action: 'appointment.view',
    patientId,
    details: `upcoming (${upcoming.length})`,
  });
  return upcoming;
}

/** The patient's upcoming appointments, unaudited: for upcomingForPatient() and the chart overview, inside their read. */
export function upcomingAppointments(ctx: ServiceContext, patientId: string): Appointment[] {
  const rows = allAppointmentRows(
    ctx.db.sqlite,
    `${APPOINTMENT_SELECT} WHERE a.patient_id = ? AND a.end_utc >= ? AND a.status IN ('booked', 'arrived')
     AND a.deleted_at IS NULL ORDER BY a.start_utc LIMIT ${UPCOMING_LIMIT}`,
    patientId,
    isoNow(ctx),
  );
  const zone = clinicTimeZone(ctx);
  return rows.map((r) => toAppointment(r, zone));
}

/** Every version of the appointment, newest first: what happened, who did it, which fields changed. */
export function appointmentHistory(ctx: ServiceContext, id: string, actor: Actor): AppointmentHistoryEntry[] {
  const db = ctx.db.sqlite;
  const row = findAppointmentRow(db, id) ?? notFound();
  const rows = db
    .prepare(
      `SELECT h.version, h.changed_at, h.changed_by, COALESCE(u.display_name, h.changed_by) AS changed_by_name, h.action, h.changes
       FROM appointment_history h LEFT JOIN users u ON u.id = h.changed_by WHERE h.appointment_id = ? ORDER BY h.version DESC`,
    )
    .all(id) as {
    version: number;
    changed_at: string;
    changed_by: string;
    changed_by_name: string;
    action: string;
    changes: string;
  }[];
  appendAudit(db, {
    at: isoNow(ctx),
    userId: actor.userId,
    username: actor.username,
    action: 'appointment.history_view',
    patientId: row.patient_id,
  });
  return rows.map((r) => ({
    version: r.version,
    changedAt: r.changed_at,
    changedBy: r.changed_by,
    changedByName: r.changed_by_name,
    action: r.action,
    changes: JSON.parse(r.changes) as AppointmentHistoryEntry['changes'],
  }));
}
