import type {
  CodeableConcept,
  Coding,
  Encounter,
  Meta,
  Narrative,
  Patient,
  Practitioner,
  Quantity,
  Reference,
} from '@medplum/fhirtypes';
import type {
  allergies,
  historyEntries,
  immunizations,
  medications,
  notes,
  patients,
  problems,
  socialHistory,
  visits,
  vitals,
} from '../db/schema';
import { SYSTEM, type Code } from './fhir-codes';

/**
 * A row as `SELECT *` returns it. SQLite gives 0/1 for the schema's boolean columns, drizzle's
 * inferred type says boolean: the mappers take either.
 */
type Stored<T> = { [K in keyof T]: T[K] extends boolean ? boolean | number : T[K] };

export type PatientRowForFhir = Stored<typeof patients.$inferSelect>;
export type VisitRow = Stored<typeof visits.$inferSelect>;
export type NoteRow = Stored<typeof notes.$inferSelect>;
export type VitalsRow = Stored<typeof vitals.$inferSelect>;
export type ProblemRow = Stored<typeof problems.$inferSelect>;
export type AllergyRow = Stored<typeof allergies.$inferSelect>;
export type MedicationRow = Stored<typeof medications.$inferSelect>;
export type ImmunizationRow = Stored<typeof immunizations.$inferSelect>;
export type HistoryEntryRow = Stored<typeof historyEntries.$inferSelect>;
export type SocialHistoryRow = Stored<typeof socialHistory.$inferSelect>;

/** meta.versionId is the record's version and meta.lastUpdated its last change (docs/ARCHITECTURE.md, "Records"). */
export function metaOf(row: { version: number; updated_at: string }, profile?: string): Meta {
  return { versionId: String(row.version), lastUpdated: row.updated_at, ...(profile ? { profile: [profile] } : {}) };
}

export const patientRef = (id: string): Reference<Patient> => ({ reference: `Patient/${id}` });
/** Chartbook's users are the clinic's practitioners; Practitioner ids are user ids. */
export const practitionerRef = (id: string): Reference<Practitioner> => ({ reference: `Practitioner/${id}` });
export const encounterRef = (id: string): Reference<Encounter> => ({ reference: `Encounter/${id}` });

export function coding(code: Code): Coding {
  return { system: code.system, code: code.code, display: code.display };
}

export function concept(code: Code, text?: string): CodeableConcept {
  return { coding: [coding(code)], ...(text ? { text } : {}) };
}

/** A concept from a FHIR code system whose codes are their own display (status and category codes). */
export function statusConcept(system: string, code: string): CodeableConcept {
  return { coding: [{ system, code }] };
}

/** Free text that no code was chosen for. */
export const textConcept = (text: string): CodeableConcept => ({ text });

/**
 * An ICD-10-CM coding with the code as the official list writes it with its dot (E11.9); the
 * table keeps it as entered, which is the dotted form, or the undotted one of the order file.
 */
export function icd10Coding(code: string, display?: string): Coding {
  const dotted = code.includes('.') || code.length <= 3 ? code : `${code.slice(0, 3)}.${code.slice(3)}`;
  return { system: SYSTEM.icd10cm, code: dotted, ...(display ? { display } : {}) };
}

export function ucumQuantity(value: number, unit: string): Quantity {
  return { value, unit, system: SYSTEM.ucum, code: unit };
}

const XHTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Plain text as a FHIR narrative: escaped, its lines kept as line breaks (text reached the
 * database through shared/plain-text.ts, so it holds no control characters).
 */
export function narrative(text: string): Narrative {
  const escaped = text.replace(/[&<>"]/g, (c) => XHTML_ESCAPES[c]!).replace(/\r?\n/g, '<br/>');
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${escaped}</div>` };
}

/** Resource.note for a free-text note column, omitted when empty. */
export function notesOf(...texts: string[]): { note?: { text: string }[] } {
  const present = texts.filter((t) => t.trim() !== '');
  return present.length ? { note: present.map((text) => ({ text })) } : {};
}

export const isDeleted = (row: { deleted_at: string | null }): boolean => row.deleted_at !== null;

/** A status the schema does not list is a bug to see at once, never something to export as a guess. */
export function unknownStatus(status: string): never {
  throw new Error(`FHIR mapping: unknown status ${JSON.stringify(status)}`);
}
