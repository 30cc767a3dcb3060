import type { AuditAction } from '../../../shared/domain/audit';
import { STATUS_LABELS } from '../../../shared/domain/appointment';
import { utcToZoned } from '../../../shared/zoned-time';
import { appendChange, newId, preparedOnce } from '../db/records';
import { appendAudit } from '../audit/audit-service';
import type { Actor, ServiceContext } from '../context';
import { findAppointmentRow, type AppointmentFields, type AppointmentRow } from './appointment-row';

interface FieldChange {
  field: string;
  from: string;
  to: string;
}

interface AuditNote {
  action: AuditAction;
  details: string;
}

const COLUMNS: (keyof AppointmentFields)[] = [
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
];

/** The fields an appointment's history shows (the doctor's change is added by the writer). */
export type HistoryFields = Pick<
  AppointmentFields,
  | 'start_utc'
  | 'length_minutes'
  | 'status'
  | 'reason'
  | 'note'
  | 'overbook_reason'
  | 'outside_hours_reason'
  | 'token'
  | 'arrived_at'
  | 'cancel_reason'
>;

/** The appointment as labelled values a person reads in its history. */
function flatten(a: HistoryFields | null, timeZone: string): Record<string, string> {
  if (!a) return {};
  const wall = (utc: string | null) => {
    if (!utc) return '';
    const w = utcToZoned(utc, timeZone);
    return `${w.date} ${w.time}`;
  };
  return {
    'Date and time': wall(a.start_utc),
    Length: `${a.length_minutes} min`,
    Status: STATUS_LABELS[a.status],
    'Visit type or reason': a.reason,
    Note: a.note,
    'Overbooking reason': a.overbook_reason ?? '',
    'Outside-hours reason': a.outside_hours_reason ?? '',
    Token: a.token === null ? '' : String(a.token),
    Arrived: wall(a.arrived_at),
    'Cancellation reason': a.cancel_reason ?? '',
  };
}

/** What changed between two versions, as history shows it; exported so the bench seeder writes the same rows. */
export function diff(before: HistoryFields | null, after: HistoryFields, timeZone: string): FieldChange[] {
  const a = flatten(before, timeZone);
  const b = flatten(after, timeZone);
  return Object.keys(b).flatMap((field) => {
    const from = a[field] ?? '';
    const to = b[field] ?? '';
    return from === to ? [] : [{ field, from, to }];
  });
}

/**
 * Writes appointments with their history, change-log and audit rows. Call inside the IMMEDIATE
 * transaction that checked the rules, so the check and the write cannot be split by another writer.
 */
export class AppointmentWriter {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly timeZone: string,
  ) {}

  insert(fields: AppointmentFields, historyAction: string, actor: Actor, at: string, audit: AuditNote): AppointmentRow {
    const db = this.ctx.db.sqlite;
    const id = newId();
    preparedOnce(
      db,
      `INSERT INTO appointments (id, created_at, updated_at, created_by, updated_by, version, ${COLUMNS.join(', ')})
       VALUES (?, ?, ?, ?, ?, 1, ${COLUMNS.map(() => '?').join(', ')})`,
    ).run(id, at, at, actor.userId, actor.userId, ...COLUMNS.map((c) => fields[c]));
    this.history(id, 1, historyAction, diff(null, fields, this.timeZone), actor, at);
    appendChange(db, {
      entity: 'appointment',
      entityId: id,
      operation: 'create',
      version: 1,
      at,
      userId: actor.userId,
    });
    appendAudit(db, {
      at,
      userId: actor.userId,
      username: actor.username,
      action: audit.action,
      patientId: fields.patient_id,
      details: audit.details,
    });
    return findAppointmentRow(db, id)!;
  }

  update(
    before: AppointmentRow,
    patch: Partial<AppointmentFields>,
    historyAction: string,
    actor: Actor,
    at: string,
    audit: AuditNote,
  ): AppointmentRow {
    const db = this.ctx.db.sqlite;
    const keys = (Object.keys(patch) as (keyof AppointmentFields)[]).filter((k) => COLUMNS.includes(k));
    const sets = keys.map((k) => `${k} = ?`).join(', ');
    // The SET list varies with the patch, but only over a handful of shapes: each is prepared once.
    const result = preparedOnce(
      db,
      `UPDATE appointments SET ${sets}${sets ? ', ' : ''}updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?`,
    ).run(...keys.map((k) => patch[k] ?? null), at, actor.userId, before.id, before.version);
    if (result.changes !== 1) throw new Error(`appointment ${before.id} changed under an IMMEDIATE transaction`);
    const after = findAppointmentRow(db, before.id)!;
    // The doctor's name is joined in, not a column, so flatten() cannot see it; a change of doctor is rare enough to add here.
    const doctor =
      before.provider_id === after.provider_id
        ? []
        : [{ field: 'Doctor', from: before.provider_name, to: after.provider_name }];
    this.history(
      before.id,
      after.version,
      historyAction,
      [...doctor, ...diff(before, after, this.timeZone)],
      actor,
      at,
    );
    appendChange(db, {
      entity: 'appointment',
      entityId: before.id,
      operation: 'update',
      version: after.version,
      at,
      userId: actor.userId,
    });
    appendAudit(db, {
      at,
      userId: actor.userId,
      username: actor.username,
      action: audit.action,
      patientId: before.patient_id,
      details: audit.details,
    });
    return after;
  }

  private history(id: string, version: number, action: string, changes: FieldChange[], actor: Actor, at: string): void {
    preparedOnce(
      this.ctx.db.sqlite,
      'INSERT INTO appointment_history (appointment_id, version, changed_at, changed_by, action, changes) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(id, version, at, actor.userId, action, JSON.stringify(changes));
  }
}
