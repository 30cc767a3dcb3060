import type { AllergyIntolerance } from '@medplum/fhirtypes';
import { NO_KNOWN_ALLERGY, SYSTEM } from './fhir-codes';
import {
  concept,
  isDeleted,
  metaOf,
  notesOf,
  patientRef,
  practitionerRef,
  statusConcept,
  textConcept,
  unknownStatus,
  type AllergyRow,
} from './fhir-common';

const STATUSES = ['active', 'inactive', 'resolved'];
const CATEGORIES = ['medication', 'food', 'environment', 'biologic'] as const;
const CRITICALITIES = ['low', 'high', 'unable-to-assess'] as const;
const SEVERITIES = ['mild', 'moderate', 'severe'] as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  if (value === null || value === '') return undefined;
  if (!(values as readonly string[]).includes(value)) unknownStatus(value);
  return value as T;
}

/**
 * An allergy as a FHIR R4 AllergyIntolerance with the substance as text (no substance code list
 * is shipped), or the "no known allergies" statement as SNOMED CT 716186003, recorded by whoever
 * said so and when. Severity belongs to the reaction in R4; without a reaction it is a note.
 */
export function allergyToFhir(row: AllergyRow): AllergyIntolerance {
  if (!STATUSES.includes(row.status)) unknownStatus(row.status);
  if (row.kind !== 'allergy' && row.kind !== 'nka') unknownStatus(row.kind);
  const deleted = isDeleted(row);
  const nka = row.kind === 'nka';
  const category = nka ? undefined : oneOf(CATEGORIES, row.substance_type);
  const criticality = nka ? undefined : oneOf(CRITICALITIES, row.criticality);
  const severity = oneOf(SEVERITIES, row.severity);
  return {
    resourceType: 'AllergyIntolerance',
    id: row.id,
    meta: metaOf(row),
    // ait-2: an entry in error carries no clinical status.
    ...(deleted ? {} : { clinicalStatus: statusConcept(SYSTEM.allergyClinical, row.status) }),
    verificationStatus: statusConcept(SYSTEM.allergyVerification, deleted ? 'entered-in-error' : 'confirmed'),
    ...(category ? { category: [category] } : {}),
    ...(criticality ? { criticality } : {}),
    code: nka ? concept(NO_KNOWN_ALLERGY, 'No known allergies') : textConcept(row.substance),
    patient: patientRef(row.patient_id),
    ...(row.onset_date && !nka ? { onsetDateTime: row.onset_date } : {}),
    recordedDate: row.created_at,
    recorder: practitionerRef(row.created_by),
    ...(row.reaction && !nka
      ? { reaction: [{ manifestation: [textConcept(row.reaction)], ...(severity ? { severity } : {}) }] }
      : {}),
    ...notesOf(row.note, !row.reaction && severity ? `Severity: ${severity}` : ''),
  };
}
