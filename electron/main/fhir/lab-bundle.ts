import type Database from 'better-sqlite3';
import type { Resource } from '@medplum/fhirtypes';
import { preparedOnce } from '../db/records';
import type { LabOrderRow, LabOrderTestRow, LabReportRow, LabResultRow } from './lab-fhir-rows';
import { labOrderToFhir } from './lab-order-to-fhir';
import { labReportToFhir } from './lab-report-to-fhir';
import { labResultToFhir } from './lab-result-to-fhir';

/**
 * A patient's lab record for the chart's Bundle (patient-bundle.ts): orders as ServiceRequests,
 * then each report as a DiagnosticReport followed by its results as Observations. Deleted records
 * are left out, as the chart's are.
 */
export function labResources(db: Database.Database, patientId: string): Resource[] {
  const orders = preparedOnce(
    db,
    'SELECT * FROM lab_orders WHERE patient_id = ? AND deleted_at IS NULL ORDER BY ordered_at, id',
  ).all(patientId) as LabOrderRow[];
  const testsOf = preparedOnce(
    db,
    'SELECT * FROM lab_order_tests WHERE order_id = ? AND deleted_at IS NULL ORDER BY position, id',
  );
  const testsByOrder = new Map(orders.map((o) => [o.id, testsOf.all(o.id) as LabOrderTestRow[]]));
  const reports = preparedOnce(
    db,
    'SELECT * FROM lab_reports WHERE patient_id = ? AND deleted_at IS NULL ORDER BY observed_at, id',
  ).all(patientId) as LabReportRow[];
  const resultsOf = preparedOnce(
    db,
    'SELECT * FROM lab_results WHERE report_id = ? AND deleted_at IS NULL ORDER BY position, id',
  );
  const visitOf = new Map(orders.map((o) => [o.id, o.visit_id]));
  return [
    ...orders.flatMap((o) => labOrderToFhir(o, testsByOrder.get(o.id) ?? [])),
    ...reports.flatMap((report) => {
      const results = resultsOf.all(report.id) as LabResultRow[];
      const tests = report.order_id ? (testsByOrder.get(report.order_id) ?? []) : [];
      return [
        labReportToFhir(report, results, tests, report.order_id ? (visitOf.get(report.order_id) ?? null) : null),
        ...results.map((r) => labResultToFhir(r, report.performer)),
      ];
    }),
  ];
}
