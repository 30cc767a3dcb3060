import type { Dosage, MedicationStatement } from '@medplum/fhirtypes';
import { SYSTEM } from './fhir-codes';
import {
  encounterRef,
  isDeleted,
  metaOf,
  notesOf,
  patientRef,
  practitionerRef,
  statusConcept,
  textConcept,
  unknownStatus,
  type MedicationRow,
} from './fhir-common';

/**
 * medication-statement-category (FHIR R4): a medicine prescribed here is taken at home
 * ('community'); one prescribed elsewhere is what the patient told us ('patientspecified').
 */
const CATEGORY: Record<string, string> = { here: 'community', outside: 'patientspecified' };
const STATUS: Record<string, MedicationStatement['status']> = { active: 'active', stopped: 'stopped' };

/**
 * A medication-list line as a FHIR R4 MedicationStatement: the medicine as text (no drug code list
 * is shipped), dose, route and frequency as the dosage's text, taken from start to stop, asserted
 * when last reconciled (or when recorded), with the reason it was stopped.
 */
export function medicationToFhir(row: MedicationRow): MedicationStatement {
  const status = STATUS[row.status] ?? unknownStatus(row.status);
  const category = CATEGORY[row.source] ?? unknownStatus(row.source);
  const dosageText = [row.dose, row.route, row.frequency].filter((s) => s.trim() !== '').join(' ');
  const dosage: Dosage | undefined = dosageText
    ? { text: dosageText, ...(row.route ? { route: textConcept(row.route) } : {}) }
    : undefined;
  const period =
    row.start_date || row.stop_date
      ? {
          effectivePeriod: {
            ...(row.start_date ? { start: row.start_date } : {}),
            ...(row.stop_date ? { end: row.stop_date } : {}),
          },
        }
      : {};
  return {
    resourceType: 'MedicationStatement',
    id: row.id,
    meta: metaOf(row),
    status: isDeleted(row) ? 'entered-in-error' : status,
    ...(row.status === 'stopped' && row.stop_reason ? { statusReason: [textConcept(row.stop_reason)] } : {}),
    category: statusConcept(SYSTEM.medicationStatementCategory, category),
    medicationCodeableConcept: textConcept(row.name),
    subject: patientRef(row.patient_id),
    ...(row.visit_id ? { context: encounterRef(row.visit_id) } : {}),
    ...period,
    dateAsserted: row.reconciled_at ?? row.created_at,
    informationSource: practitionerRef(row.reconciled_at && row.reconciled_by ? row.reconciled_by : row.created_by),
    ...(dosage ? { dosage: [dosage] } : {}),
    ...notesOf(row.note),
  };
}
