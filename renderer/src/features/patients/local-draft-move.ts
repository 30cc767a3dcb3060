import { draftBodySchemas } from '../../../../shared/domain/draft';
import { idSchema, versionSchema } from '../../../../shared/domain/common';
import { call } from '../../api/client';
import { emptyPatientForm } from './patient-form-model';
import { REGISTRATION_DRAFT } from './patient-draft';

/**
 * Versions before drafts moved to main kept patient drafts in the browser profile's localStorage,
 * in plain text: `chartbook.patients.registrationDraft.<userId>` and
 * `chartbook.patients.editDraft.<userId>.<patientId>`, each `{ savedAt, form, baseVersion? }`. When
 * their owner signs in, each is moved into main (unless main already has a draft for that form, which
 * is then the newer) and deleted from the profile. Another person's stay until that person signs in:
 * only they may write their drafts, and deleting them would lose what they typed.
 */
const REGISTRATION_PREFIX = 'chartbook.patients.registrationDraft.';
const EDIT_PREFIX = 'chartbook.patients.editDraft.';

interface OldDraft {
  form?: unknown;
  baseVersion?: unknown;
}

function oldDrafts(userId: string): { storageKey: string; patientId: string | null }[] {
  const found: { storageKey: string; patientId: string | null }[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const storageKey = localStorage.key(i);
    if (storageKey === `${REGISTRATION_PREFIX}${userId}`) found.push({ storageKey, patientId: null });
    else if (storageKey?.startsWith(`${EDIT_PREFIX}${userId}.`)) {
      found.push({ storageKey, patientId: storageKey.slice(`${EDIT_PREFIX}${userId}.`.length) });
    }
  }
  return found;
}

/** The old form's fields this version knows, each defaulting to empty: older and newer forms both fit. */
function knownFields(form: unknown): Record<string, unknown> {
  const empty = emptyPatientForm();
  const typed = typeof form === 'object' && form !== null ? (form as Record<string, unknown>) : {};
  return Object.fromEntries(Object.entries(empty).map(([field, blank]) => [field, typed[field] ?? blank]));
}

async function moveOne(storageKey: string, patientId: string | null): Promise<void> {
  let old: OldDraft | null;
  try {
    old = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as OldDraft | null;
  } catch {
    old = null;
  }
  if (!old || typeof old !== 'object') {
    localStorage.removeItem(storageKey); // not a draft anyone could get back
    return;
  }
  const form = knownFields(old.form);
  if (patientId === null) {
    const body = draftBodySchemas.registration.safeParse({ form });
    if (!body.success) return; // kept for a version that can read it, rather than lost
    if (!(await call('drafts.get', { kind: 'registration', key: REGISTRATION_DRAFT }))) {
      await call('drafts.save', { kind: 'registration', key: REGISTRATION_DRAFT, body: body.data });
    }
  } else {
    if (!idSchema.safeParse(patientId).success) return;
    const baseVersion = versionSchema.safeParse(old.baseVersion).success ? (old.baseVersion as number) : 1;
    const body = draftBodySchemas.patientEdit.safeParse({ form, baseVersion });
    if (!body.success) return;
    if (!(await call('drafts.get', { kind: 'patientEdit', key: patientId }))) {
      await call('drafts.save', { kind: 'patientEdit', key: patientId, body: body.data });
    }
  }
  // Moved, or superseded by the newer draft main already had: it must not stay readable here.
  localStorage.removeItem(storageKey);
}

/** Moves the person's old localStorage drafts into main; a draft main refused stays for the next sign-in. */
export async function moveLocalDraftsToMain(userId: string): Promise<void> {
  let drafts: { storageKey: string; patientId: string | null }[];
  try {
    drafts = oldDrafts(userId);
  } catch {
    return; // storage unavailable: nothing could have been kept there either
  }
  for (const { storageKey, patientId } of drafts) {
    try {
      await moveOne(storageKey, patientId);
    } catch {
      // Main refused or was unreachable: try again at the next sign-in rather than lose the text.
    }
  }
}
