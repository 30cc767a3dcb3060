import type { DuplicateCandidate, Patient, PatientInput } from '../../../../shared/domain/patient';
import { call } from '../../api/client';
import { birthDateOf } from './patient-form-model';

/** Patients main counts as possible duplicates of what the form holds (same name and birth date, or phone). */
export function findDuplicates(patient: PatientInput, excludeId?: string): Promise<DuplicateCandidate[]> {
  return call('patients.checkDuplicates', {
    givenNames: patient.givenNames,
    familyName: patient.familyName,
    birthDate: birthDateOf(patient),
    phones: patient.phones.map((p) => p.number),
    ...(excludeId ? { excludeId } : {}),
  });
}

/** Patients the edited record looks like that the saved record did not already look like (as main decides). */
export async function newLikeness(saved: Patient, edited: PatientInput): Promise<DuplicateCandidate[]> {
  const [now, before] = await Promise.all([
    findDuplicates(edited, saved.id),
    call('patients.checkDuplicates', {
      givenNames: saved.givenNames,
      familyName: saved.familyName,
      birthDate: saved.birthDate,
      phones: saved.phones.map((p) => p.number),
      excludeId: saved.id,
    }),
  ]);
  const known = new Set(before.map((c) => c.id));
  return now.filter((c) => !known.has(c.id));
}
