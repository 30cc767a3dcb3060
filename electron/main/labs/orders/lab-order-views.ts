import type Database from 'better-sqlite3';
import type {
  LabFlag,
  LabOrderStatus,
  LabResultStatus,
  LabResultView,
  LabValueType,
} from '../../../../shared/domain/lab';
import type { LabOrderTestView, LabOrderView, LabReportView } from '../../../../shared/domain/lab-order';
import { preparedOnce } from '../../db/records';
import type { labOrders, labOrderTests, labReports, labResults } from '../../db/schema';
import { labTestByCode } from '../catalogue/lab-catalogue';

/** Reading orders, their tests and what was entered for them, as the screens and the printout show them. */

export type LabOrderRow = typeof labOrders.$inferSelect;
export type LabOrderTestRow = typeof labOrderTests.$inferSelect;
export type LabReportRow = typeof labReports.$inferSelect;
export type LabResultRow = typeof labResults.$inferSelect;

export function resultView(row: LabResultRow): LabResultView {
  return {
    id: row.id,
    reportId: row.report_id,
    code: row.code,
    name: row.name,
    valueType: row.value_type as LabValueType,
    valueNum: row.value_num,
    comparator: row.comparator,
    unit: row.unit,
    valueText: row.value_text,
    originalValue: row.original_value,
    originalUnit: row.original_unit,
    refLow: row.ref_low,
    refHigh: row.ref_high,
    refText: row.ref_text,
    flag: (row.flag as LabFlag | null) ?? null,
    critical: Boolean(row.critical),
    deltaNote: row.delta_note,
    status: row.status as LabResultStatus,
    observedAt: row.observed_at,
    comment: row.comment,
  };
}

function userName(db: Database.Database, id: string | null): string {
  if (!id) return '';
  const row = preparedOnce(db, 'SELECT display_name FROM users WHERE id = ?').get(id) as
    { display_name: string } | undefined;
  return row?.display_name ?? '';
}

export function reportView(db: Database.Database, row: LabReportRow): LabReportView {
  const results = preparedOnce(
    db,
    'SELECT * FROM lab_results WHERE report_id = ? AND deleted_at IS NULL ORDER BY position',
  ).all(row.id) as LabResultRow[];
  return {
    id: row.id,
    version: row.version,
    orderId: row.order_id,
    code: row.code,
    name: row.name,
    source: row.source,
    status: row.status as LabResultStatus,
    observedAt: row.observed_at,
    performer: row.performer,
    comment: row.comment,
    enteredBy: userName(db, row.doctor_id ?? row.updated_by),
    results: results.map(resultView),
  };
}

/**
 * The live report answering an ordered test or panel (the latest, if a lab sent more than one): the
 * one under its code, or the one whose results answer it (a lab reports a panel ordered as "XELEC"
 * under its own code; the import links each result to the ordered panel). What the order shows, and
 * what entering results again corrects.
 */
export function reportShownFor(
  db: Database.Database,
  orderId: string,
  test: Pick<LabOrderTestRow, 'id' | 'code'>,
): LabReportRow | undefined {
  return preparedOnce(
    db,
    `SELECT * FROM lab_reports r WHERE r.order_id = ? AND r.deleted_at IS NULL
        AND (r.code = ? OR EXISTS (SELECT 1 FROM lab_results x
                                    WHERE x.report_id = r.id AND x.order_test_id = ? AND x.deleted_at IS NULL))
      ORDER BY r.observed_at DESC, r.updated_at DESC LIMIT 1`,
  ).get(orderId, test.code, test.id) as LabReportRow | undefined;
}

/** What is entered for an ordered test or panel: the test itself, or the panel's members. */
export function itemsOf(db: Database.Database, code: string): LabOrderTestView['items'] {
  const test = labTestByCode(db, code);
  if (!test) return [];
  const codes = test.kind === 'panel' ? test.members : [test.code];
  return codes.flatMap((c) => {
    const member = labTestByCode(db, c);
    return member ? [{ code: member.code, name: member.name, unit: member.unit, valueType: member.valueType }] : [];
  });
}

export function orderTestRows(db: Database.Database, orderId: string): LabOrderTestRow[] {
  return preparedOnce(
    db,
    'SELECT * FROM lab_order_tests WHERE order_id = ? AND deleted_at IS NULL ORDER BY position',
  ).all(orderId) as LabOrderTestRow[];
}

export function orderView(db: Database.Database, row: LabOrderRow): LabOrderView {
  const tests = orderTestRows(db, row.id).map((test): LabOrderTestView => {
    const report = reportShownFor(db, row.id, test);
    return {
      id: test.id,
      position: test.position,
      code: test.code,
      name: test.name,
      kind: test.kind === 'panel' ? 'panel' : 'test',
      items: itemsOf(db, test.code),
      report: report ? reportView(db, report) : null,
    };
  });
  return {
    id: row.id,
    version: row.version,
    number: row.number,
    status: row.status as LabOrderStatus,
    patientId: row.patient_id,
    visitId: row.visit_id,
    doctorName: userName(db, row.doctor_id),
    orderedAt: row.ordered_at,
    collectedAt: row.collected_at,
    labName: row.lab_name,
    clinicalNote: row.clinical_note,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    tests,
  };
}
