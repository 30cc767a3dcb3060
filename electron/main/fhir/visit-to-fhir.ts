import type { Encounter } from '@medplum/fhirtypes';
import { AMBULATORY, PRIMARY_PERFORMER } from './fhir-codes';
import { coding, isDeleted, metaOf, patientRef, practitionerRef, unknownStatus, type VisitRow } from './fhir-common';

const STATUS: Record<string, Encounter['status']> = { in_progress: 'in-progress', finished: 'finished' };

/** A visit as a FHIR R4 Encounter: an ambulatory (AMB) encounter with its doctor as primary performer. */
export function visitToFhir(row: VisitRow): Encounter {
  return {
    resourceType: 'Encounter',
    id: row.id,
    meta: metaOf(row),
    status: isDeleted(row) ? 'entered-in-error' : (STATUS[row.status] ?? unknownStatus(row.status)),
    class: coding(AMBULATORY),
    subject: patientRef(row.patient_id),
    participant: [{ type: [{ coding: [coding(PRIMARY_PERFORMER)] }], individual: practitionerRef(row.provider_id) }],
    ...(row.appointment_id ? { appointment: [{ reference: `Appointment/${row.appointment_id}` }] } : {}),
    period: { start: row.started_at, ...(row.finished_at ? { end: row.finished_at } : {}) },
    ...(row.reason ? { reasonCode: [{ text: row.reason }] } : {}),
  };
}
