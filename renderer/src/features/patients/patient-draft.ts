import { useEffect, useRef } from 'react';
import { emptyPatientForm, type PatientFormState } from './patient-form-model';

/**
 * Unfinished patient forms, kept in localStorage so a reload, a crash, a closed window or an idle
 * lock does not lose what was typed: the registration being typed, and edits to a patient's record.
 * Drafts are per user: someone else signing in on this computer does not see them, and signing out
 * keeps them for when the same person signs in again.
 */
const REGISTRATION_PREFIX = 'chartbook.patients.registrationDraft.';
const EDIT_PREFIX = 'chartbook.patients.editDraft.';

/** Which form a draft belongs to. */
export type DraftOf = { kind: 'registration' } | { kind: 'edit'; patientId: string };
export const REGISTRATION: DraftOf = { kind: 'registration' };

export interface PatientDraft {
  savedAt: string;
  form: PatientFormState;
  /** For edits: the version of the record the edits were made to. */
  baseVersion?: number;
}

function key(userId: string, of: DraftOf): string {
  return of.kind === 'registration' ? REGISTRATION_PREFIX + userId : `${EDIT_PREFIX}${userId}.${of.patientId}`;
}

export function loadDraft(userId: string, of: DraftOf = REGISTRATION): PatientDraft | null {
  try {
    const raw = localStorage.getItem(key(userId, of));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<PatientDraft>;
    if (typeof parsed.savedAt !== 'string' || typeof parsed.form !== 'object' || parsed.form === null) return null;
    // Merge onto an empty form so a draft saved by an older version still has every field.
    const form = { ...emptyPatientForm(), ...parsed.form };
    return typeof parsed.baseVersion === 'number'
      ? { savedAt: parsed.savedAt, form, baseVersion: parsed.baseVersion }
      : { savedAt: parsed.savedAt, form };
  } catch {
    return null;
  }
}

export function saveDraft(
  userId: string,
  form: PatientFormState,
  of: DraftOf = REGISTRATION,
  baseVersion?: number,
): void {
  try {
    const draft: PatientDraft = {
      savedAt: new Date().toISOString(),
      form,
      ...(baseVersion === undefined ? {} : { baseVersion }),
    };
    localStorage.setItem(key(userId, of), JSON.stringify(draft));
  } catch {
    // Storage full or unavailable: the form itself still holds everything; the draft is a convenience.
  }
}

export function clearDraft(userId: string, of: DraftOf = REGISTRATION): void {
  try {
    localStorage.removeItem(key(userId, of));
  } catch {
    // Nothing to do: see saveDraft.
  }
}

const DRAFT_DELAY_MS = 400;

/**
 * Keeps the draft of a form (`of` must be stable: REGISTRATION, or memoised): written shortly after each change that differs from the form as it
 * was opened, and at once if the page goes away first. `forget()` drops the draft (after a save or
 * a deliberate discard) and `resetPristine()` marks the current form as the one opened.
 */
export function usePatientDraft(options: {
  userId: string;
  of: DraftOf;
  form: PatientFormState;
  opened: PatientFormState;
  baseVersion?: number;
}) {
  const { userId, of, form, baseVersion } = options;
  const pristine = useRef(JSON.stringify(options.opened));
  const pending = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (JSON.stringify(form) === pristine.current) return;
    const write = () => saveDraft(userId, form, of, baseVersion);
    pending.current = write;
    const timer = setTimeout(() => {
      write();
      pending.current = null;
    }, DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [form, userId, of, baseVersion]);
  useEffect(() => {
    const flush = () => {
      pending.current?.();
      pending.current = null;
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);
  return {
    forget() {
      pending.current = null;
      clearDraft(userId, of);
    },
    resetPristine(next: PatientFormState) {
      pristine.current = JSON.stringify(next);
    },
  };
}
