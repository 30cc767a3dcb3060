import type { Condition } from '@medplum/fhirtypes';
import { SYSTEM } from './fhir-codes';
import {
  encounterRef,
  icd10Coding,
  isDeleted,
  metaOf,
  notesOf,
  patientRef,
  practitionerRef,
  statusConcept,
  unknownStatus,
  type ProblemRow,
} from './fhir-common';

const CATEGORIES = ['problem-list-item', 'encounter-diagnosis'];
const STATUSES = ['active', 'resolved'];

/**
 * A problem or a visit's diagnosis as a FHIR R4 Condition: ICD-10-CM coded with the dotted code
 * and the description as text, or the text alone when left uncoded. A chronic problem says so in
 * a note (R4 has no element for it). A deleted one is entered-in-error, which R4 says carries no
 * clinical status (con-5).
 */
export function problemToFhir(row: ProblemRow): Condition {
  if (!CATEGORIES.includes(row.category)) unknownStatus(row.category);
  if (!STATUSES.includes(row.status)) unknownStatus(row.status);
  const deleted = isDeleted(row);
  return {
    resourceType: 'Condition',
    id: row.id,
    meta: metaOf(row),
    ...(deleted ? {} : { clinicalStatus: statusConcept(SYSTEM.conditionClinical, row.status) }),
    verificationStatus: statusConcept(SYSTEM.conditionVerification, deleted ? 'entered-in-error' : 'confirmed'),
    category: [statusConcept(SYSTEM.conditionCategory, row.category)],
    code: {
      ...(row.icd10_code ? { coding: [icd10Coding(row.icd10_code, row.description)] } : {}),
      text: row.description,
    },
    subject: patientRef(row.patient_id),
    ...(row.visit_id ? { encounter: encounterRef(row.visit_id) } : {}),
    ...(row.onset_date ? { onsetDateTime: row.onset_date } : {}),
    // con-4: an abatement only with a resolved (or inactive, remission) status.
    ...(row.resolved_date && row.status === 'resolved' && !deleted ? { abatementDateTime: row.resolved_date } : {}),
    recordedDate: row.created_at,
    recorder: practitionerRef(row.created_by),
    ...notesOf(row.chronic ? 'Chronic' : '', row.note),
  };
}
