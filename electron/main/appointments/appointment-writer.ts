import type { AuditAction } from '../../../shared/domain/audit';
import { RecordWriter, type ColumnValues } from '../records/record-writer';
import { appointmentKind } from './appointment-kinds';
import type { Actor, ServiceContext } from '../context';
import { findAppointmentRow, type AppointmentFields, type AppointmentRow } from './appointment-row';

interface AuditNote {
  action: AuditAction;
  details: string;
}

/**
 * Writes appointments through the record writer, returning them with the patient's and doctor's
 * names. Call inside the IMMEDIATE transaction that checked the rules, so the check and the write
 * cannot be split by another writer.
 */
export class AppointmentWriter {
  private readonly records: RecordWriter;

  constructor(private readonly ctx: ServiceContext) {
    this.records = new RecordWriter(ctx);
  }

  insert(fields: AppointmentFields, historyAction: string, actor: Actor, at: string, audit: AuditNote): AppointmentRow {
    const { id } = this.records.create(appointmentKind, fields, {
      actor,
      at,
      historyAction,
      audit: { ...audit, patientId: fields.patient_id },
    });
    return findAppointmentRow(this.ctx.db.sqlite, id)!;
  }

  /** Changes the appointment from the version `before` was read at; another change in between is a CONFLICT. */
  update(
    before: AppointmentRow,
    patch: Partial<AppointmentFields>,
    historyAction: string,
    actor: Actor,
    at: string,
    audit: AuditNote,
  ): AppointmentRow {
    this.records.update(appointmentKind, before.id, before.version, patch as ColumnValues, {
      actor,
      at,
      historyAction,
      audit: { ...audit, patientId: before.patient_id },
    });
    return findAppointmentRow(this.ctx.db.sqlite, before.id)!;
  }
}
