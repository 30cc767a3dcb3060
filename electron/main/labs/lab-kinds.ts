import { labOrders, labOrderTests, labReports, labResults, labTests, labUnmatched } from '../db/schema';
import { t } from '../i18n/translate';
import { defineRecordKind, type StoredRow } from '../records/record-kind';

/**
 * The lab record's kinds (issue 11). Orders, reports and results are about one patient, so their
 * audit entries name them; a waiting unmatched import names its patient once one is chosen; the
 * clinic's tests are about no patient.
 */
const patientOf = (row: StoredRow) => (row.patient_id as string | null) ?? null;

function labKind(name: string, table: Parameters<typeof defineRecordKind>[0]['table'], fhirResource: string) {
  return defineRecordKind({
    name,
    table,
    fhirResource,
    patientOf,
    conflictMessage: () => t('errors.labs.someoneElseChanged'),
    notFoundMessage: () => t('errors.labs.notFound'),
  });
}

export const labOrderKind = labKind('lab_order', labOrders, 'ServiceRequest');
export const labOrderTestKind = labKind('lab_order_test', labOrderTests, 'ServiceRequest');
export const labReportKind = labKind('lab_report', labReports, 'DiagnosticReport');
export const labResultKind = labKind('lab_result', labResults, 'Observation');
export const labUnmatchedKind = labKind('lab_unmatched', labUnmatched, 'Bundle');

export const labTestKind = defineRecordKind({
  name: 'lab_test',
  table: labTests,
  fhirResource: 'ObservationDefinition',
  conflictMessage: () => t('errors.labs.someoneElseChanged'),
  notFoundMessage: () => t('errors.labs.testNotFound'),
});

export const LAB_KINDS = [
  labTestKind,
  labOrderKind,
  labOrderTestKind,
  labReportKind,
  labResultKind,
  labUnmatchedKind,
] as const;
