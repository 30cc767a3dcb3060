import type { Composition, CompositionSection } from '@medplum/fhirtypes';
import { NOTE_CODES } from './fhir-codes';
import {
  concept,
  encounterRef,
  isDeleted,
  metaOf,
  narrative,
  patientRef,
  practitionerRef,
  type NoteRow,
  unknownStatus,
} from './fhir-common';

const SOAP_SECTIONS = [
  ['subjective', 'Subjective', NOTE_CODES.subjective],
  ['objective', 'Objective', NOTE_CODES.objective],
  ['assessment', 'Assessment', NOTE_CODES.assessment],
  ['plan', 'Plan', NOTE_CODES.plan],
] as const;

/**
 * A note as a FHIR R4 Composition (a progress note): SOAP sections with their LOINC section codes,
 * empty ones left out, or one free-text section. Unsigned notes are preliminary; a signed note is
 * final, attested (legal) by whoever signed it. An addendum is a Composition of its own that
 * `appends` to the note it adds to.
 */
export function noteToFhir(row: NoteRow): Composition {
  const addendum = row.addendum_to !== null;
  const sections: CompositionSection[] =
    row.format === 'soap'
      ? SOAP_SECTIONS.filter(([column]) => row[column].trim() !== '').map(([column, title, code]) => ({
          title,
          code: concept(code),
          text: narrative(row[column]),
        }))
      : row.body.trim() !== ''
        ? [{ title: addendum ? 'Addendum' : 'Note', text: narrative(row.body) }]
        : [];
  if (row.status !== 'signed' && row.status !== 'unsigned') unknownStatus(row.status);
  const signed = row.status === 'signed';
  return {
    resourceType: 'Composition',
    id: row.id,
    meta: metaOf(row),
    status: isDeleted(row) ? 'entered-in-error' : signed ? 'final' : 'preliminary',
    type: concept(NOTE_CODES.progressNote),
    subject: patientRef(row.patient_id),
    ...(row.visit_id ? { encounter: encounterRef(row.visit_id) } : {}),
    date: signed && row.signed_at ? row.signed_at : row.updated_at,
    author: [practitionerRef(row.author_id)],
    title: addendum ? 'Addendum to progress note' : 'Progress note',
    ...(signed && row.signed_at && row.signed_by
      ? { attester: [{ mode: 'legal' as const, time: row.signed_at, party: practitionerRef(row.signed_by) }] }
      : {}),
    ...(addendum
      ? { relatesTo: [{ code: 'appends' as const, targetReference: { reference: `Composition/${row.addendum_to}` } }] }
      : {}),
    ...(sections.length ? { section: sections } : {}),
  };
}
