import type Database from 'better-sqlite3';
import {
  isEmptyNote,
  NOTE_TEXT_FIELDS,
  noteDraftKey,
  UNSIGNED_NOTE_AGE_MS,
  type AddendumInput,
  type Note,
  type NoteContent,
  type NoteSaveInput,
  type UnsignedNote,
} from '../../../../shared/domain/note';
import { AppError } from '../../../../shared/errors';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { removeDraft } from '../../drafts/draft-store';
import { t } from '../../i18n/translate';
import { RecordWriter } from '../../records/record-writer';
import { noteKind } from '../chart-kinds';
import { assertLivePatient, loadVisitRow } from './visit-service';
import { NOTE_SELECT, toNote, type NoteRow } from './visit-rows';

const contentOf = (n: NoteContent): NoteContent => ({
  format: n.format,
  subjective: n.subjective,
  objective: n.objective,
  assessment: n.assessment,
  plan: n.plan,
  body: n.body,
});

/**
 * Notes (issue 9 part 2). The author writes and edits a note while it is unsigned; signing makes it
 * read-only for good (a signed note is a legal record: corrections are addenda, never edits); an
 * addendum is a signed note of its own pointing at the note. Each save removes the draft the editor
 * typed it in, in the same transaction, so a crash after the save cannot bring back text already saved.
 */
export class NoteService {
  private readonly writer: RecordWriter;

  constructor(private readonly ctx: ServiceContext) {
    this.writer = new RecordWriter(ctx);
  }

  private get db(): Database.Database {
    return this.ctx.db.sqlite;
  }

  private load(id: string): NoteRow {
    const row = preparedOnce(this.db, `${NOTE_SELECT} WHERE n.id = ? AND n.deleted_at IS NULL`).get(id) as
      NoteRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', t('errors.chart.visits.noteNotFound'));
    return row;
  }

  save(input: NoteSaveInput, actor: Actor): Note {
    const db = this.db;
    return db
      .transaction(() => {
        const visit = loadVisitRow(db, input.visitId);
        assertLivePatient(db, visit.patient_id);
        const content = contentOf(input);
        if (isEmptyNote(content)) {
          const message = t('errors.chart.visits.emptyNote');
          const field = content.format === 'soap' ? 'subjective' : 'body';
          throw new AppError('VALIDATION', message, { [field]: message });
        }
        const at = isoNow(this.ctx);
        let id: string;
        if (input.id === undefined) {
          id = this.writer.create(
            noteKind,
            {
              ...content,
              patient_id: visit.patient_id,
              visit_id: visit.id,
              author_id: actor.userId,
              status: 'unsigned',
            },
            { actor, at, audit: { action: 'note.create', details: `visit ${visit.id}` } },
          ).id;
          removeDraft(db, actor.userId, 'note', noteDraftKey.newInVisit(visit.id));
        } else {
          const before = this.load(input.id);
          if (before.visit_id !== visit.id) throw new AppError('NOT_FOUND', t('errors.chart.visits.noteNotFound'));
          this.assertEditable(before, actor);
          id = before.id;
          const changed = NOTE_TEXT_FIELDS.some((f) => before[f] !== content[f]) || before.format !== content.format;
          if (changed || before.version !== input.version) {
            this.writer.update(
              noteKind,
              id,
              input.version!,
              { ...content },
              {
                actor,
                at,
                audit: {
                  action: 'note.update',
                  details: (changes) => `changed: ${changes.map((c) => c.field).join(', ') || 'text'}`,
                },
              },
            );
          }
          removeDraft(db, actor.userId, 'note', noteDraftKey.edit(id));
        }
        if (input.sign) {
          const current = this.load(id);
          this.writer.update(
            noteKind,
            id,
            current.version,
            { status: 'signed', signed_at: at, signed_by: actor.userId },
            { actor, at, audit: { action: 'note.sign' } },
          );
        }
        return toNote(this.load(id));
      })
      .immediate();
  }

  /** A signed note is never changed; an unsigned one only by its author. */
  private assertEditable(note: NoteRow, actor: Actor): void {
    if (note.status === 'signed') throw new AppError('VALIDATION', t('errors.chart.visits.noteSigned'));
    if (note.author_id !== actor.userId) {
      throw new AppError('FORBIDDEN', t('errors.chart.visits.notAuthor', { author: note.author_name }));
    }
  }

  /** An addendum to a signed note: a note of its own, signed as it is saved (addenda of addenda go to the first note). */
  addAddendum(input: AddendumInput, actor: Actor): Note {
    const db = this.db;
    return db
      .transaction(() => {
        const original = this.load(input.noteId);
        if (original.status !== 'signed') {
          const message = t('errors.chart.visits.addendumNeedsSignedNote');
          throw new AppError('VALIDATION', message, { noteId: message });
        }
        assertLivePatient(db, original.patient_id);
        const at = isoNow(this.ctx);
        const target = original.addendum_to ?? original.id;
        const row = this.writer.create(
          noteKind,
          {
            patient_id: original.patient_id,
            visit_id: original.visit_id,
            author_id: actor.userId,
            format: 'free',
            body: input.body,
            status: 'signed',
            signed_at: at,
            signed_by: actor.userId,
            addendum_to: target,
          },
          { actor, at, audit: { action: 'note.addendum', details: `to note ${target}` } },
        );
        removeDraft(db, actor.userId, 'note', noteDraftKey.addendum(input.noteId));
        return toNote(this.load(row.id));
      })
      .immediate();
  }

  /** The doctor's own notes left unsigned for more than a day, oldest first (no clinical text: names and times). */
  unsignedOlderThanADay(actor: Actor): UnsignedNote[] {
    const before = new Date(this.ctx.now().getTime() - UNSIGNED_NOTE_AGE_MS).toISOString();
    const rows = preparedOnce(
      this.db,
      `SELECT n.id, n.patient_id, trim(p.given_names || ' ' || p.family_name) AS patient_name, p.mrn,
              n.visit_id, v.started_at, n.created_at, n.updated_at
       FROM notes n JOIN patients p ON p.id = n.patient_id LEFT JOIN visits v ON v.id = n.visit_id
       WHERE n.author_id = ? AND n.status = 'unsigned' AND n.deleted_at IS NULL AND n.created_at < ?
       ORDER BY n.created_at, n.id`,
    ).all(actor.userId, before) as {
      id: string;
      patient_id: string;
      patient_name: string;
      mrn: string;
      visit_id: string | null;
      started_at: string | null;
      created_at: string;
      updated_at: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      patientId: r.patient_id,
      patientName: r.patient_name,
      patientMrn: r.mrn,
      visitId: r.visit_id,
      visitStartedAt: r.started_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }
}
