import type { Condition, FamilyMemberHistory, Procedure } from '@medplum/fhirtypes';
import { FAMILY_MEMBERS, HISTORY_CODES, SYSTEM } from './fhir-codes';
import {
  coding,
  concept,
  icd10Coding,
  isDeleted,
  metaOf,
  notesOf,
  patientRef,
  practitionerRef,
  statusConcept,
  unknownStatus,
  type HistoryEntryRow,
} from './fhir-common';

export type HistoryResource = Condition | Procedure | FamilyMemberHistory;

/**
 * One line of the patient's history by its section: past medical history as a Condition
 * categorised "History of Past illness" (its clinical status is not recorded, so none is claimed),
 * surgical history as a completed Procedure, family history as a FamilyMemberHistory with the
 * relation coded (v3 RoleCode) where it is a word we know. "When" stays as the patient told it.
 */
export function historyEntryToFhir(row: HistoryEntryRow): HistoryResource {
  const deleted = isDeleted(row);
  const code = {
    ...(row.icd10_code ? { coding: [icd10Coding(row.icd10_code, row.description)] } : {}),
    text: row.description,
  };
  const common = { id: row.id, meta: metaOf(row) };
  switch (row.section) {
    case 'medical':
      return {
        resourceType: 'Condition',
        ...common,
        ...(deleted ? { verificationStatus: statusConcept(SYSTEM.conditionVerification, 'entered-in-error') } : {}),
        category: [concept(HISTORY_CODES.pastIllness)],
        code,
        subject: patientRef(row.patient_id),
        ...(row.when_text ? { onsetString: row.when_text } : {}),
        recordedDate: row.created_at,
        recorder: practitionerRef(row.created_by),
        ...notesOf(row.note),
      };
    case 'surgical':
      return {
        resourceType: 'Procedure',
        ...common,
        status: deleted ? 'entered-in-error' : 'completed',
        category: concept(HISTORY_CODES.surgicalProcedure),
        // ICD-10-CM codes diagnoses: on a surgical line it says what the operation was for.
        code: { text: row.description },
        ...(row.icd10_code ? { reasonCode: [{ coding: [icd10Coding(row.icd10_code)] }] } : {}),
        subject: patientRef(row.patient_id),
        ...(row.when_text ? { performedString: row.when_text } : {}),
        recorder: practitionerRef(row.created_by),
        ...notesOf(row.note),
      };
    case 'family': {
      const relation = row.relation.trim();
      const known = FAMILY_MEMBERS[relation.toLowerCase()];
      return {
        resourceType: 'FamilyMemberHistory',
        ...common,
        status: deleted ? 'entered-in-error' : 'completed',
        patient: patientRef(row.patient_id),
        date: row.updated_at,
        relationship: {
          ...(known ? { coding: [coding(known)] } : {}),
          text: relation || 'Family member',
        },
        condition: [{ code, ...(row.when_text ? { onsetString: row.when_text } : {}) }],
        ...notesOf(row.note),
      };
    }
    default:
      return unknownStatus(row.section);
  }
}
