import { emptyPatientForm, type PatientFormState } from './patient-form-model';

/**
 * The unfinished registration, kept in localStorage so a reload, a crash or an idle lock does not
 * lose what the receptionist typed. One draft per user: someone else signing in on this computer
 * does not see it, and signing out keeps it for when the same person signs in again.
 */
const PREFIX = 'chartbook.patients.registrationDraft.';

export interface PatientDraft {
  savedAt: string;
  form: PatientFormState;
}

function key(userId: string): string {
  return PREFIX + userId;
}

export function loadDraft(userId: string): PatientDraft | null {
  try {
    const raw = localStorage.getItem(key(userId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<PatientDraft>;
    if (typeof parsed.savedAt !== 'string' || typeof parsed.form !== 'object' || parsed.form === null) return null;
    // Merge onto an empty form so a draft saved by an older version still has every field.
    return { savedAt: parsed.savedAt, form: { ...emptyPatientForm(), ...parsed.form } };
  } catch {
    return null;
  }
}

export function saveDraft(userId: string, form: PatientFormState): void {
  try {
    localStorage.setItem(key(userId), JSON.stringify({ savedAt: new Date().toISOString(), form } satisfies PatientDraft));
  } catch {
    // Storage full or unavailable: the form itself still holds everything; the draft is a convenience.
  }
}

export function clearDraft(userId: string): void {
  try {
    localStorage.removeItem(key(userId));
  } catch {
    // Nothing to do: see saveDraft.
  }
}
