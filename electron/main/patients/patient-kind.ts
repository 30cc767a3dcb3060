import { preparedOnce } from '../db/records';
import { patients } from '../db/schema';
import { defineRecordKind, type HistoryContext } from '../records/record-kind';
import type { PatientRow } from './patient-repository';
import { t } from '../i18n/translate';

/**
 * The patient as labelled values a person reads in its history, phones and identifiers included
 * (they are part of the record and versioned with it).
 */
export function patientHistoryView(
  p: Pick<
    PatientRow,
    | 'given_names'
    | 'family_name'
    | 'latin_name'
    | 'sex'
    | 'gender_identity'
    | 'birth_date'
    | 'birth_date_estimated'
    | 'address_line'
    | 'city'
    | 'region'
    | 'postal_code'
    | 'country'
    | 'emergency_name'
    | 'emergency_relationship'
    | 'emergency_phone'
    | 'notes'
  >,
  phones: { kind: string; number: string }[],
  identifiers: { system: string; value: string }[],
): Record<string, string> {
  return {
    'Given names': p.given_names,
    'Family name': p.family_name,
    'Name in Latin letters': p.latin_name,
    Sex: p.sex,
    'Gender identity': p.gender_identity,
    'Date of birth': p.birth_date + (p.birth_date_estimated ? ' (estimated)' : ''),
    Phones: phones.map((ph) => `${ph.kind}: ${ph.number}`).join('; '),
    Address: [p.address_line, p.city, p.region, p.postal_code, p.country].filter(Boolean).join(', '),
    Identifiers: identifiers.map((i) => `${i.system}: ${i.value}`).join('; '),
    'Emergency contact': [p.emergency_name, p.emergency_relationship, p.emergency_phone].filter(Boolean).join(', '),
    Notes: p.notes,
  };
}

function childrenOf(ctx: HistoryContext, id: string) {
  const phones = preparedOnce(
    ctx.db,
    'SELECT kind, number FROM patient_phones WHERE patient_id = ? ORDER BY position',
  ).all(id) as { kind: string; number: string }[];
  const identifiers = preparedOnce(
    ctx.db,
    'SELECT system, value FROM patient_identifiers WHERE patient_id = ? ORDER BY position',
  ).all(id) as { system: string; value: string }[];
  return { phones, identifiers };
}

/** Search keys carry the patient's device sequence so prefix lookups sort newest first from the index alone. */
const LOCAL_SEQ_OF_RECORD = '(SELECT local_seq FROM patients WHERE id = @recordId)';

export const patientKind = defineRecordKind({
  name: 'patient',
  table: patients,
  fhirResource: 'Patient',
  // The device's own registration sequence: the search index's row id and "newest first" order.
  deviceColumns: { local_seq: '(SELECT COALESCE(MAX(local_seq), 0) + 1 FROM patients)' },
  children: [
    { table: 'patient_phones', recordColumn: 'patient_id' },
    { table: 'patient_identifiers', recordColumn: 'patient_id', deviceColumns: { seq: LOCAL_SEQ_OF_RECORD } },
    { table: 'patient_phone_keys', recordColumn: 'patient_id', deviceColumns: { seq: LOCAL_SEQ_OF_RECORD } },
  ],
  history: { table: 'patient_history', recordColumn: 'patient_id' },
  historyView: (row, ctx) => {
    const { phones, identifiers } = childrenOf(ctx, row.id);
    return patientHistoryView(row as unknown as PatientRow, phones, identifiers);
  },
  patientOf: (row) => row.id,
  conflictMessage: () => t('errors.patients.someoneElseSavedChangesPatient'),
  notFoundMessage: () => t('errors.patients.patientRecordNotFound'),
});
