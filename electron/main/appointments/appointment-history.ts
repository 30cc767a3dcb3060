import type { Appointment, AppointmentHistoryEntry } from '../../../shared/domain/appointment';
import { AppError } from '../../../shared/errors';
import { appendAudit } from '../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { clinicTimeZone } from '../settings/settings-service';
import { findAppointmentRow, toAppointment } from './appointment-row';
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
