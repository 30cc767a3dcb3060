import type { AuditAction } from '../../../shared/domain/audit';
import { deviceId } from '../db/device-state';
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

  /** Each laptop numbers the arrivals it records; the token carries the device so merged days never clash. */
  private tokenDevice(token: number | null): string | null {
    return token === null ? null : deviceId(this.ctx.db.sqlite);
  }

  insert(fields: AppointmentFields, historyAction: string, actor: Actor, at: string, audit: AuditNote): AppointmentRow {
    const { id } = this.records.create(
      appointmentKind,
      { ...fields, token_device: this.tokenDevice(fields.token) },
      {
        actor,
        at,
        historyAction,
        audit: { ...audit, patientId: fields.patient_id },
      },
    );
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
    const values: ColumnValues = { ...(patch as ColumnValues) };
    if (patch.token !== undefined) values.token_device = this.tokenDevice(patch.token);
    this.records.update(appointmentKind, before.id, before.version, values, {
      actor,
      at,
      historyAction,
      audit: { ...audit, patientId: before.patient_id },
    });
    return findAppointmentRow(this.ctx.db.sqlite, before.id)!;
  }
}
