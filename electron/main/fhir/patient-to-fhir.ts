import type { ContactPoint, Identifier, Patient, PatientContact } from '@medplum/fhirtypes';
import { EMERGENCY_CONTACT, MEDICAL_RECORD_NUMBER } from './fhir-codes';
import { coding, metaOf, type PatientRowForFhir } from './fhir-common';

export interface PatientPhoneRow {
  kind: string;
  number: string;
}
export interface PatientIdentifierRow {
  system: string;
  value: string;
}

const GENDER_IDENTITY_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/patient-genderIdentity';

/** A patient_phones kind as FHIR ContactPoint.use ('other' has no FHIR use and stays unset). */
const PHONE_USE: Record<string, ContactPoint['use']> = { mobile: 'mobile', home: 'home', work: 'work' };

/**
 * A patients row, its phones and identifiers as a FHIR R4 Patient. The MRN is the usual
 * identifier, typed MR (v2-0203), without a system: each clinic numbers its own, and no URI names
 * a clinic yet (sync will add one). Other identifiers keep their kind as the type's text.
 */
export function patientToFhir(
  row: PatientRowForFhir,
  phones: readonly PatientPhoneRow[],
  identifiers: readonly PatientIdentifierRow[],
): Patient {
  const identifier: Identifier[] = [
    { use: 'usual', type: { coding: [coding(MEDICAL_RECORD_NUMBER)], text: 'MRN' }, value: row.mrn },
    ...identifiers.map((i) => ({ use: 'official' as const, type: { text: i.system }, value: i.value })),
  ];
  const given = row.given_names.split(/\s+/).filter(Boolean);
  const address = [row.address_line, row.city, row.region, row.postal_code, row.country].some((s) => s !== '')
    ? [
        {
          ...(row.address_line ? { line: [row.address_line] } : {}),
          ...(row.city ? { city: row.city } : {}),
          ...(row.region ? { state: row.region } : {}),
          ...(row.postal_code ? { postalCode: row.postal_code } : {}),
          ...(row.country ? { country: row.country } : {}),
        },
      ]
    : undefined;
  const contact: PatientContact[] | undefined =
    row.emergency_name || row.emergency_phone
      ? [
          {
            relationship: [
              {
                coding: [coding(EMERGENCY_CONTACT)],
                ...(row.emergency_relationship ? { text: row.emergency_relationship } : {}),
              },
            ],
            ...(row.emergency_name ? { name: { text: row.emergency_name } } : {}),
            ...(row.emergency_phone ? { telecom: [{ system: 'phone' as const, value: row.emergency_phone }] } : {}),
          },
        ]
      : undefined;
  return {
    resourceType: 'Patient',
    id: row.id,
    meta: metaOf(row),
    // The R4 core extension for gender identity (hl7.org/fhir/R4/extension-patient-genderidentity.html), as typed.
    ...(row.gender_identity
      ? { extension: [{ url: GENDER_IDENTITY_EXTENSION, valueCodeableConcept: { text: row.gender_identity } }] }
      : {}),
    identifier,
    active: row.deleted_at === null,
    name: [
      {
        use: 'official',
        text: [row.given_names, row.family_name].filter(Boolean).join(' '),
        ...(row.family_name ? { family: row.family_name } : {}),
        ...(given.length ? { given } : {}),
      },
    ],
    ...(phones.length
      ? {
          telecom: phones.map((p, i) => ({
            system: 'phone' as const,
            value: p.number,
            ...(PHONE_USE[p.kind] ? { use: PHONE_USE[p.kind] } : {}),
            rank: i + 1,
          })),
        }
      : {}),
    gender: row.sex as Patient['gender'],
    birthDate: row.birth_date,
    ...(address ? { address } : {}),
    ...(contact ? { contact } : {}),
  };
}
