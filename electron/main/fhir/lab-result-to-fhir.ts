import type { Observation, ObservationReferenceRange, Quantity } from '@medplum/fhirtypes';
import { SYSTEM } from './fhir-codes';
import { isDeleted, metaOf, notesOf, patientRef, unknownStatus } from './fhir-common';
import { INTERPRETATIONS, LABORATORY } from './lab-fhir-codes';
import { testCoding, type LabResultRow } from './lab-fhir-rows';

const STATUS: Record<string, Observation['status']> = {
  preliminary: 'preliminary',
  final: 'final',
  corrected: 'corrected',
  cancelled: 'cancelled',
};

/** A number in the result's UCUM unit (the unit is what `lab_results.unit` holds: the test's UCUM unit). */
function quantity(value: number, unit: string | null): Quantity {
  return unit ? { value, unit, system: SYSTEM.ucum, code: unit } : { value };
}

/** The lab's critical mark with a plain H or L is still critical: HH, LL, else AA. */
function interpretationCode(flag: string | null, critical: boolean): string | null {
  if (!critical) return flag;
  if (flag === 'H' || flag === 'HH') return 'HH';
  if (flag === 'L' || flag === 'LL') return 'LL';
  return 'AA';
}

/**
 * A lab result as a FHIR R4 Observation (category laboratory): its LOINC code (or the lab's own
 * code and system); a number as valueQuantity in its UCUM unit with the comparator a value like
 * "<0.5" carries, text as valueString; the reference range it was judged by; the flag as
 * ObservationInterpretation; the report it belongs to is the DiagnosticReport whose `result` names
 * it. A deleted result is entered-in-error.
 */
export function labResultToFhir(row: LabResultRow, performer: string): Observation {
  const status = STATUS[row.status] ?? unknownStatus(row.status);
  const range: ObservationReferenceRange = {
    ...(row.ref_low !== null ? { low: quantity(row.ref_low, row.unit) } : {}),
    ...(row.ref_high !== null ? { high: quantity(row.ref_high, row.unit) } : {}),
    ...(row.ref_text ? { text: row.ref_text } : {}),
  };
  const interpretation = interpretationCode(row.flag, row.critical === 1 || row.critical === true);
  const value: Partial<Observation> =
    row.value_num !== null
      ? {
          valueQuantity: {
            ...quantity(row.value_num, row.unit),
            ...(row.comparator ? { comparator: row.comparator as Quantity['comparator'] } : {}),
          },
        }
      : row.value_type === 'coded'
        ? { valueCodeableConcept: { text: row.value_text } }
        : row.value_text
          ? { valueString: row.value_text }
          : {
              dataAbsentReason: { coding: [{ system: SYSTEM.dataAbsentReason, code: 'unknown', display: 'Unknown' }] },
            };
  return {
    resourceType: 'Observation',
    id: row.id,
    meta: metaOf(row),
    status: isDeleted(row) ? 'entered-in-error' : status,
    category: [{ coding: [{ ...LABORATORY }], text: 'Laboratory' }],
    code: testCoding(row.code, row.code_system, row.name),
    subject: patientRef(row.patient_id),
    effectiveDateTime: row.observed_at,
    ...(performer ? { performer: [{ display: performer }] } : {}),
    ...value,
    ...(interpretation && INTERPRETATIONS[interpretation]
      ? { interpretation: [{ coding: [{ ...INTERPRETATIONS[interpretation] }] }] }
      : {}),
    ...(Object.keys(range).length ? { referenceRange: [range] } : {}),
    ...notesOf(row.comment, row.delta_note),
  };
}
