import type { DiagnosticReport } from '@medplum/fhirtypes';
import { encounterRef, isDeleted, metaOf, patientRef, practitionerRef, unknownStatus } from './fhir-common';
import { LAB_SECTION } from './lab-fhir-codes';
import { testCoding, type LabOrderTestRow, type LabReportRow, type LabResultRow } from './lab-fhir-rows';
import { SYSTEM } from './fhir-codes';

const STATUS: Record<string, DiagnosticReport['status']> = {
  preliminary: 'preliminary',
  final: 'final',
  corrected: 'corrected',
  cancelled: 'cancelled',
};

/**
 * A lab report as a FHIR R4 DiagnosticReport (category LAB): its panel's code, the Observations of
 * its live results in report order, the ServiceRequests it answers (the order's tests with its
 * code, or all of them when none has), the lab as performer, and the doctor's review as
 * `resultsInterpreter` and `conclusion`. R4 has no note on a report, so the lab's own comment is
 * the first paragraph of `conclusion`, marked as the lab's. A deleted report is entered-in-error.
 */
export function labReportToFhir(
  report: LabReportRow,
  results: readonly LabResultRow[],
  orderTests: readonly LabOrderTestRow[],
  visitId: string | null = null,
): DiagnosticReport {
  const status = STATUS[report.status] ?? unknownStatus(report.status);
  const answered = orderTests.filter((t) => t.code === report.code);
  const basedOn = (answered.length ? answered : orderTests).map((t) => ({ reference: `ServiceRequest/${t.id}` }));
  const conclusion = [
    report.comment ? `Lab comment: ${report.comment}` : '',
    report.reviewed_at && report.review_comment ? report.review_comment : '',
  ].filter(Boolean);
  return {
    resourceType: 'DiagnosticReport',
    id: report.id,
    meta: metaOf(report),
    ...(basedOn.length ? { basedOn } : {}),
    status: isDeleted(report) ? 'entered-in-error' : status,
    category: [{ coding: [{ ...LAB_SECTION }] }],
    code: testCoding(report.code, report.code.startsWith('X') ? 'urn:chartbook:lab-test' : SYSTEM.loinc, report.name),
    subject: patientRef(report.patient_id),
    ...(visitId ? { encounter: encounterRef(visitId) } : {}),
    effectiveDateTime: report.observed_at,
    ...(report.issued_at ? { issued: report.issued_at } : {}),
    ...(report.performer ? { performer: [{ display: report.performer }] } : {}),
    ...(report.reviewed_by ? { resultsInterpreter: [practitionerRef(report.reviewed_by)] } : {}),
    result: results.filter((r) => !isDeleted(r)).map((r) => ({ reference: `Observation/${r.id}` })),
    ...(conclusion.length ? { conclusion: conclusion.join('\n\n') } : {}),
  };
}
