import type { ServiceRequest } from '@medplum/fhirtypes';
import { SYSTEM } from './fhir-codes';
import { encounterRef, isDeleted, metaOf, notesOf, patientRef, practitionerRef, unknownStatus } from './fhir-common';
import { LAB_PROCEDURE, LAB_SYSTEM } from './lab-fhir-codes';
import { testCoding, type LabOrderRow, type LabOrderTestRow } from './lab-fhir-rows';

const STATUS: Record<string, ServiceRequest['status']> = {
  ordered: 'active',
  collected: 'active',
  partial: 'active',
  resulted: 'completed',
  reviewed: 'completed',
  cancelled: 'revoked',
};

/**
 * A lab order as FHIR R4 ServiceRequests: one per ordered test or panel (id: the order test's id),
 * sharing the order number as `requisition`, the identifier the lab echoes back, so a receiving
 * system sees them as one requisition. The order's status applies to each (ordered, collected and
 * partly resulted: active; resulted and reviewed: completed; cancelled: revoked, with the reason);
 * a deleted order or test is entered-in-error.
 */
export function labOrderToFhir(order: LabOrderRow, tests: readonly LabOrderTestRow[]): ServiceRequest[] {
  const orderStatus = STATUS[order.status] ?? unknownStatus(order.status);
  const requisition = { system: LAB_SYSTEM.orderNumber, value: order.number };
  return tests.map((test) => ({
    resourceType: 'ServiceRequest',
    id: test.id,
    meta: metaOf(test.version > order.version ? test : order),
    identifier: [requisition],
    requisition,
    status: isDeleted(order) || isDeleted(test) ? 'entered-in-error' : orderStatus,
    intent: 'order',
    category: [{ coding: [{ ...LAB_PROCEDURE }] }],
    code: testCoding(test.code, test.code.startsWith('X') ? `urn:chartbook:lab-test` : SYSTEM.loinc, test.name),
    subject: patientRef(order.patient_id),
    ...(order.visit_id ? { encounter: encounterRef(order.visit_id) } : {}),
    authoredOn: order.ordered_at,
    requester: practitionerRef(order.doctor_id),
    ...(order.lab_name ? { performer: [{ display: order.lab_name }] } : {}),
    ...notesOf(
      order.clinical_note,
      order.status === 'cancelled' && order.cancel_reason ? `Cancelled: ${order.cancel_reason}` : '',
    ),
  }));
}
