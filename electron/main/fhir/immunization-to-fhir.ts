import type { Immunization } from '@medplum/fhirtypes';
import { IMMUNIZATION_ROUTES, SYSTEM } from './fhir-codes';
import {
  coding,
  encounterRef,
  isDeleted,
  metaOf,
  notesOf,
  patientRef,
  textConcept,
  unknownStatus,
  type ImmunizationRow,
} from './fhir-common';

/**
 * A vaccine dose as a FHIR R4 Immunization, coded with CVX (CDC, ../shared/data/cvx): given here
 * (primary source) or recorded from elsewhere, with its dose number, lot, site and route (FHIR R4
 * immunization-route codes). A deleted one is entered-in-error.
 */
export function immunizationToFhir(row: ImmunizationRow): Immunization {
  const route = row.route ? (IMMUNIZATION_ROUTES[row.route] ?? unknownStatus(row.route)) : undefined;
  return {
    resourceType: 'Immunization',
    id: row.id,
    meta: metaOf(row),
    status: isDeleted(row) ? 'entered-in-error' : 'completed',
    vaccineCode: { coding: [{ system: SYSTEM.cvx, code: row.cvx_code, display: row.vaccine }], text: row.vaccine },
    patient: patientRef(row.patient_id),
    ...(row.visit_id ? { encounter: encounterRef(row.visit_id) } : {}),
    occurrenceDateTime: row.given_date,
    recorded: row.created_at,
    primarySource: Boolean(row.given_here),
    ...(row.lot ? { lotNumber: row.lot } : {}),
    ...(row.site ? { site: textConcept(row.site) } : {}),
    ...(route ? { route: { coding: [coding(route)] } } : {}),
    ...notesOf(row.note),
    ...(row.dose_number !== null ? { protocolApplied: [{ doseNumberPositiveInt: row.dose_number }] } : {}),
  };
}
