import type { Note, NoteFormat, NoteStatus, NoteWithAddenda } from '../../../../shared/domain/note';
import type { Visit, VisitStatus, VisitWithNotes } from '../../../../shared/domain/visit';
import type { notes, visits } from '../../db/schema';

/** Rows as SQLite returns them (the drizzle schema's column names), with the people's names joined in. */
export type VisitRow = typeof visits.$inferSelect & { provider_name: string };
export type NoteRow = typeof notes.$inferSelect & { author_name: string; signed_by_name: string | null };

export const VISIT_SELECT = `SELECT v.*, COALESCE(u.display_name, v.provider_id) AS provider_name
  FROM visits v LEFT JOIN users u ON u.id = v.provider_id`;

export const NOTE_SELECT = `SELECT n.*, COALESCE(a.display_name, n.author_id) AS author_name, s.display_name AS signed_by_name
  FROM notes n LEFT JOIN users a ON a.id = n.author_id LEFT JOIN users s ON s.id = n.signed_by`;

// Each field is written out (no spread of a shared part): a visit list maps hundreds of notes on
// every chart open, and copying through spreads was a third of the chart-open bench's overhead.
export function toVisit(r: VisitRow): Visit {
  return visitWith(r, undefined) as Visit;
}

function visitWith(r: VisitRow, notes: NoteWithAddenda[] | undefined): Visit | VisitWithNotes {
  const visit: Visit & { notes?: NoteWithAddenda[] } = {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
    updatedBy: r.updated_by,
    patientId: r.patient_id,
    providerId: r.provider_id,
    providerName: r.provider_name,
    appointmentId: r.appointment_id,
    status: r.status as VisitStatus,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    reason: r.reason,
  };
  if (notes) visit.notes = notes;
  return visit;
}

export function toNote(r: NoteRow): Note {
  return noteWith(r, undefined);
}

function noteWith(r: NoteRow, addenda: Note[] | undefined): Note & { addenda?: Note[] } {
  const note: Note & { addenda?: Note[] } = {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
    updatedBy: r.updated_by,
    patientId: r.patient_id,
    visitId: r.visit_id,
    authorId: r.author_id,
    authorName: r.author_name,
    format: r.format as NoteFormat,
    subjective: r.subjective,
    objective: r.objective,
    assessment: r.assessment,
    plan: r.plan,
    body: r.body,
    status: r.status as NoteStatus,
    signedAt: r.signed_at,
    signedBy: r.signed_by,
    signedByName: r.signed_by_name,
    addendumTo: r.addendum_to,
  };
  if (addenda) note.addenda = addenda;
  return note;
}

/**
 * Puts a patient's notes (oldest first) under their visits (newest first), each addendum under the
 * note it adds to. Notes written outside a visit are not part of this list.
 */
export function visitsWithNotes(visitRows: VisitRow[], noteRows: NoteRow[]): VisitWithNotes[] {
  const addenda = new Map<string, Note[]>();
  const byVisit = new Map<string, NoteWithAddenda[]>();
  for (const row of noteRows) {
    if (!row.addendum_to) continue;
    const list = addenda.get(row.addendum_to);
    if (list) list.push(toNote(row));
    else addenda.set(row.addendum_to, [toNote(row)]);
  }
  for (const row of noteRows) {
    if (row.addendum_to || !row.visit_id) continue;
    const note = noteWith(row, addenda.get(row.id) ?? []) as NoteWithAddenda;
    const list = byVisit.get(row.visit_id);
    if (list) list.push(note);
    else byVisit.set(row.visit_id, [note]);
  }
  return visitRows.map((v) => visitWith(v, byVisit.get(v.id) ?? []) as VisitWithNotes);
}
