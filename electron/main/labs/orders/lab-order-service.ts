import type Database from 'better-sqlite3';
import type { LabOrderCreate, LabOrderView } from '../../../../shared/domain/lab-order';
import { AppError } from '../../../../shared/errors';
import { auditShown } from '../../audit/read-audit';
import { appendAudit } from '../../audit/audit-service';
import { visitKind } from '../../chart/chart-kinds';
import { clinicToday } from '../../chart/medications/chart-section';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { newId, preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { RecordWriter } from '../../records/record-writer';
import { labCatalogueEntry } from '../catalogue/lab-catalogue';
import { labOrderKind, labOrderTestKind } from '../lab-kinds';
import { orderView, type LabOrderRow } from './lab-order-views';

/** "LAB-20260310-1A2B3C": the clinic's date and the end of the order's UUIDv7 (random bits, so two laptops never collide). */
export function labOrderNumber(clinicDate: string, orderId: string): string {
  return `LAB-${clinicDate.replaceAll('-', '')}-${orderId.replaceAll('-', '').slice(-6).toUpperCase()}`;
}

/** The live patient, or NOT_FOUND: nothing is ordered or entered for a patient who is not there. */
export function livePatient(db: Database.Database, patientId: string): { id: string; sex: string; birthDate: string } {
  const row = preparedOnce(db, 'SELECT id, sex, birth_date FROM patients WHERE id = ? AND deleted_at IS NULL').get(
    patientId,
  ) as { id: string; sex: string; birth_date: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', t('errors.labs.orders.patientNotFound'));
  return { id: row.id, sex: row.sex, birthDate: row.birth_date };
}

/**
 * Lab orders (issue 11, part 2): tests and panels ordered from a visit, numbered, collected,
 * cancelled with a reason. Every change goes through the record writer with its audit entry in one
 * IMMEDIATE transaction; reading one order is an audited record view, a patient's list a buffered
 * one (docs/ARCHITECTURE.md, "Who saw whom").
 */
export class LabOrderService {
  private readonly db: Database.Database;
  private readonly writer: RecordWriter;

  constructor(private readonly ctx: ServiceContext) {
    this.db = ctx.db.sqlite;
    this.writer = new RecordWriter(ctx);
  }

  private invalid(field: string, message: string): AppError {
    return new AppError('VALIDATION', message, { [field]: message });
  }

  private row(orderId: string): LabOrderRow | undefined {
    return this.writer.load(labOrderKind, orderId) as unknown as LabOrderRow | undefined;
  }

  create(input: LabOrderCreate, actor: Actor): LabOrderView {
    const seen = new Set<string>();
    const tests = input.codes.map((code, n) => {
      const entry = labCatalogueEntry(this.db, code);
      if (!entry) throw this.invalid(`codes.${n}`, t('errors.labs.orders.codeUnknown', { code }));
      if (entry.hidden) throw this.invalid(`codes.${n}`, t('errors.labs.orders.codeHidden', { name: entry.name }));
      if (seen.has(code)) throw this.invalid(`codes.${n}`, t('errors.labs.orders.orderedTwice', { name: entry.name }));
      seen.add(code);
      return entry;
    });
    const id = this.db
      .transaction(() => {
        const visit = this.writer.load(visitKind, input.visitId);
        if (!visit) throw new AppError('NOT_FOUND', t('errors.labs.orders.visitNotFound'));
        const patientId = livePatient(this.db, visit.patient_id as string).id;
        const at = isoNow(this.ctx);
        const orderId = newId();
        const number = labOrderNumber(clinicToday(this.ctx), orderId);
        this.writer.create(
          labOrderKind,
          {
            patient_id: patientId,
            visit_id: input.visitId,
            doctor_id: actor.userId,
            number,
            status: 'ordered',
            ordered_at: at,
            lab_name: input.labName,
            clinical_note: input.clinicalNote,
          },
          {
            id: orderId,
            actor,
            at,
            audit: { action: 'lab.order_create', details: `${number}: ${tests.map((e) => e.code).join(', ')}` },
          },
        );
        tests.forEach((entry, position) =>
          this.writer.create(
            labOrderTestKind,
            {
              order_id: orderId,
              patient_id: patientId,
              position,
              code: entry.code,
              name: entry.name,
              kind: entry.kind,
            },
            // The order's own entry records what was ordered.
            { actor, at, audit: null },
          ),
        );
        return orderId;
      })
      .immediate();
    return orderView(this.db, this.row(id)!);
  }

  /** The patient's orders (of one visit if given), newest first; a buffered view of the patient. */
  list(patientId: string, visitId: string | undefined, actor: Actor): LabOrderView[] {
    livePatient(this.db, patientId);
    const rows = this.db.transaction(() => {
      const found = (
        visitId
          ? preparedOnce(
              this.db,
              'SELECT * FROM lab_orders WHERE patient_id = ? AND visit_id = ? AND deleted_at IS NULL ORDER BY ordered_at DESC',
            ).all(patientId, visitId)
          : preparedOnce(
              this.db,
              'SELECT * FROM lab_orders WHERE patient_id = ? AND deleted_at IS NULL ORDER BY ordered_at DESC',
            ).all(patientId)
      ) as LabOrderRow[];
      return found.map((row) => orderView(this.db, row));
    })();
    auditShown(this.ctx, actor, 'lab.order_view', [patientId], visitId ? `visit ${visitId}` : 'all orders');
    return rows;
  }

  /** One order with what was entered for it: an audited record view. */
  get(orderId: string, actor: Actor): LabOrderView {
    const row = this.row(orderId);
    if (!row) throw new AppError('NOT_FOUND', t('errors.labs.orders.orderNotFound'));
    const view = orderView(this.db, row);
    appendAudit(this.db, {
      at: isoNow(this.ctx),
      userId: actor.userId,
      username: actor.username,
      action: 'lab.order_view',
      patientId: row.patient_id,
      details: row.number,
    });
    return view;
  }

  collect(orderId: string, version: number, actor: Actor): LabOrderView {
    this.db
      .transaction(() => {
        const row = this.liveOrder(orderId);
        if (row.status !== 'ordered') throw this.invalid('orderId', t('errors.labs.orders.notWaitingForSample'));
        const at = isoNow(this.ctx);
        this.writer.update(
          labOrderKind,
          orderId,
          version,
          { status: 'collected', collected_at: at },
          { actor, at, audit: { action: 'lab.order_collect', details: row.number } },
        );
      })
      .immediate();
    return orderView(this.db, this.row(orderId)!);
  }

  cancel(orderId: string, version: number, reason: string, actor: Actor): LabOrderView {
    this.db
      .transaction(() => {
        const row = this.liveOrder(orderId);
        if (row.status === 'cancelled') throw this.invalid('orderId', t('errors.labs.orders.alreadyCancelled'));
        if (row.status !== 'ordered' && row.status !== 'collected')
          throw this.invalid('orderId', t('errors.labs.orders.cannotCancelWithResults'));
        const at = isoNow(this.ctx);
        this.writer.update(
          labOrderKind,
          orderId,
          version,
          { status: 'cancelled', cancelled_at: at, cancelled_by: actor.userId, cancel_reason: reason },
          { actor, at, audit: { action: 'lab.order_cancel', details: `${row.number}: ${reason}` } },
        );
      })
      .immediate();
    return orderView(this.db, this.row(orderId)!);
  }

  /** The order, its patient still there; else NOT_FOUND and nothing written. */
  private liveOrder(orderId: string): LabOrderRow {
    const row = this.row(orderId);
    if (!row) throw new AppError('NOT_FOUND', t('errors.labs.orders.orderNotFound'));
    livePatient(this.db, row.patient_id);
    return row;
  }
}
