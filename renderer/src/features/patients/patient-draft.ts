import type { DraftBody } from '../../../../shared/domain/draft';
import { useDraftAutosave } from '../../drafts';
import type { PatientFormState } from './patient-form-model';

/**
 * Unfinished patient forms, kept per person in main's database (drafts.save), never in the browser
 * profile: the registration being typed, and edits to a patient's record. A reload, a crash, a closed
 * window or a lock loses nothing; someone else signing in on this computer does not see them.
 */

/** The registration form's draft; the one opened from the booking dialog has its own. */
export const REGISTRATION_DRAFT = '';
export const BOOKING_REGISTRATION_DRAFT = 'booking';

const same = (a: PatientFormState, b: PatientFormState) => JSON.stringify(a) === JSON.stringify(b);

/** Keeps a registration's draft while the form holds anything but the `blank` form; `stored` is the restored one. */
export function useRegistrationDraft(
  key: string,
  form: PatientFormState,
  blank: PatientFormState,
  stored: DraftBody<'registration'> | null,
) {
  return useDraftAutosave('registration', key, same(form, blank) ? null : { form }, stored);
}

/**
 * Keeps edits to a record while the form differs from the record as saved (`blank`), with the
 * version they were made to, so saving them later cannot overwrite another save.
 */
export function usePatientEditDraft(
  patientId: string,
  form: PatientFormState,
  blank: PatientFormState,
  baseVersion: number,
  stored: DraftBody<'patientEdit'> | null,
) {
  return useDraftAutosave('patientEdit', patientId, same(form, blank) ? null : { form, baseVersion }, stored);
}
