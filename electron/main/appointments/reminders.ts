import type { Reminder } from '../../../shared/domain/appointment';
import { appendAudit, csvCell } from '../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { clinicTimeZone } from '../settings/settings-service';
import { utcToZoned } from '../../../shared/zoned-time';

interface ReminderRow {
  id: string;
  patient_id: string;
  start_utc: string;
  clinic_date: string;
  patient_name: string;
  patient_mrn: string;
  phone: string | null;
  provider_name: string;
  reason: string;
}

/**
 * Booked appointments of a clinic date with the number to call (a mobile first), in time order.
 * Each carries its patient's id for the audit of who saw whom (the contract does not send it on).
 */
export function remindersFor(ctx: ServiceContext, date: string): (Reminder & { patientId: string })[] {
  const timeZone = clinicTimeZone(ctx);
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT a.id, a.patient_id, a.start_utc, a.clinic_date, trim(p.given_names || ' ' || p.family_name) AS patient_name, p.mrn AS patient_mrn,
         (SELECT number FROM patient_phones ph WHERE ph.patient_id = a.patient_id ORDER BY ph.kind <> 'mobile', ph.position LIMIT 1) AS phone,
         u.display_name AS provider_name, a.reason
       FROM appointments a JOIN patients p ON p.id = a.patient_id JOIN users u ON u.id = a.provider_id
       WHERE a.clinic_date = ? AND a.status = 'booked' AND a.kind = 'appointment' AND a.deleted_at IS NULL
       ORDER BY a.start_utc`,
    )
    .all(date) as ReminderRow[];
  return rows.map((r) => ({
    appointmentId: r.id,
    patientId: r.patient_id,
    date: r.clinic_date,
    time: utcToZoned(r.start_utc, timeZone).time,
    patientName: r.patient_name,
    patientMrn: r.patient_mrn,
    phone: r.phone ?? '',
    providerName: r.provider_name,
    reason: r.reason,
  }));
}

/** Spreadsheet-safe CSV (cells that could run as formulas are neutralised by csvCell). */
export function remindersCsv(reminders: Reminder[]): string {
  const header = ['Date', 'Time', 'Patient', 'MRN', 'Phone', 'Doctor', 'Visit type or reason'];
  const lines = [header.map(csvCell).join(',')];
  for (const r of reminders)
    lines.push([r.date, r.time, r.patientName, r.patientMrn, r.phone, r.providerName, r.reason].map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Exporting phone numbers is a disclosure of patient data: it is audited. */
export function exportRemindersCsv(
  ctx: ServiceContext,
  date: string,
  actor: Actor,
): { filename: string; csv: string; rows: number } {
  const reminders = remindersFor(ctx, date);
  appendAudit(ctx.db.sqlite, {
    at: isoNow(ctx),
    userId: actor.userId,
    username: actor.username,
    action: 'appointment.reminders_export',
    details: `${date}: ${reminders.length} rows`,
    patientIds: reminders.map((r) => r.patientId),
  });
  return { filename: `chartbook-reminders-${date}.csv`, csv: remindersCsv(reminders), rows: reminders.length };
}
