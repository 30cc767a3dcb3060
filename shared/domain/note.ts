import { z } from 'zod';
import { idSchema, optionalText, recordMetaSchema, versionSchema } from './common';

/**
 * Clinical notes (FHIR Composition): SOAP sections (subjective, objective, assessment, plan; Weed's
 * problem-oriented record, the structure of the FHIR "SOAP note" and of most EMRs) or one free-text
 * body. The author edits a note while it is unsigned; signing makes it read-only for good, and
 * corrections are addenda: signed notes of their own that point at the note (addendum_to).
 */
export const NOTE_FORMATS = ['soap', 'free'] as const;
export type NoteFormat = (typeof NOTE_FORMATS)[number];
export const NOTE_STATUSES = ['unsigned', 'signed'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

/** Each text field of a note holds at most this many characters (issue 9: a 50,000-character note). Longer is refused, never cut. */
export const NOTE_TEXT_MAX = 50_000;
export const SOAP_FIELDS = ['subjective', 'objective', 'assessment', 'plan'] as const;
export type SoapField = (typeof SOAP_FIELDS)[number];
export const NOTE_TEXT_FIELDS = [...SOAP_FIELDS, 'body'] as const;
export type NoteTextField = (typeof NOTE_TEXT_FIELDS)[number];

const LABELS: Record<NoteTextField, string> = {
  subjective: 'Subjective',
  objective: 'Objective',
  assessment: 'Assessment',
  plan: 'Plan',
  body: 'Note',
};
const noteText = (field: NoteTextField) => optionalText(NOTE_TEXT_MAX, LABELS[field], { multiline: true });

/** The fields of a note's content, as the editor has them. */
const contentFields = {
  format: z.enum(NOTE_FORMATS, { message: 'Choose SOAP sections or free text' }),
  subjective: noteText('subjective'),
  objective: noteText('objective'),
  assessment: noteText('assessment'),
  plan: noteText('plan'),
  body: noteText('body'),
};
export type NoteContent = {
  format: NoteFormat;
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  body: string;
};

/** A note's text lives in the fields of its format only; text in the other format's fields would be hidden, so it is refused. */
function checkFormat(note: NoteContent, ctx: z.RefinementCtx): void {
  const stray: NoteTextField[] = note.format === 'soap' ? ['body'] : [...SOAP_FIELDS];
  for (const field of stray) {
    if (note[field] !== '') {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message:
          note.format === 'soap'
            ? 'A SOAP note keeps its text in its four sections; move this text into them.'
            : 'A free-text note keeps its text in one body; move this text into it.',
      });
    }
  }
}

export function isEmptyNote(note: NoteContent): boolean {
  return NOTE_TEXT_FIELDS.every((f) => note[f].trim() === '');
}

/**
 * Saving a note: a new one in a visit (no id), or the author's edits to an unsigned one (id and the
 * version they were made to). `sign` signs it in the same transaction.
 */
export const noteSaveSchema = z
  .strictObject({
    visitId: idSchema,
    id: idSchema.optional(),
    version: versionSchema.optional(),
    ...contentFields,
    sign: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    if ((input.id === undefined) !== (input.version === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['version'],
        message: 'An edit names the note and the version it was made to',
      });
    }
    checkFormat(input, ctx);
  });
export type NoteSaveInput = z.infer<typeof noteSaveSchema>;

export const addendumInputSchema = z.strictObject({
  noteId: idSchema,
  body: noteText('body').refine((s) => s !== '', { message: 'Write the addendum before saving it' }),
});
export type AddendumInput = z.infer<typeof addendumInputSchema>;

export const noteSchema = recordMetaSchema.extend({
  patientId: z.string(),
  visitId: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string(),
  format: z.enum(NOTE_FORMATS),
  subjective: z.string(),
  objective: z.string(),
  assessment: z.string(),
  plan: z.string(),
  body: z.string(),
  status: z.enum(NOTE_STATUSES),
  signedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
  signedByName: z.string().nullable(),
  addendumTo: z.string().nullable(),
});
export type Note = z.infer<typeof noteSchema>;

/** A note with the addenda written to it since it was signed, oldest first. */
export const noteWithAddendaSchema = noteSchema.extend({ addenda: z.array(noteSchema) });
export type NoteWithAddenda = z.infer<typeof noteWithAddendaSchema>;

/** One of the doctor's own notes left unsigned for more than a day (issue 9: they stay listed until signed). */
export const unsignedNoteSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  patientMrn: z.string(),
  visitId: z.string().nullable(),
  visitStartedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UnsignedNote = z.infer<typeof unsignedNoteSchema>;

/** Unsigned notes older than this are the doctor's to sign (the list and the notice). */
export const UNSIGNED_NOTE_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Which `note` draft the editor types into (shared/domain/draft.ts): a new note in a visit, the
 * author's edits of a saved note, or an addendum to a signed one. Main removes the same key when
 * the note is saved, in the save's transaction.
 */
export const noteDraftKey = {
  newInVisit: (visitId: string) => `visit:${visitId}`,
  edit: (noteId: string) => `note:${noteId}`,
  addendum: (noteId: string) => `addendum:${noteId}`,
};

// ---- Templates and snippets -----------------------------------------------------------------

export const noteTemplateSaveSchema = z
  .strictObject({
    id: idSchema.optional(),
    version: versionSchema.optional(),
    name: optionalText(100, 'Template name').refine((s) => s !== '', { message: 'Name the template' }),
    ...contentFields,
  })
  .superRefine((input, ctx) => {
    if ((input.id === undefined) !== (input.version === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['version'], message: 'An edit names the template and its version' });
    }
    checkFormat(input, ctx);
  });
export type NoteTemplateSaveInput = z.infer<typeof noteTemplateSaveSchema>;

export const noteTemplateSchema = recordMetaSchema.extend({
  name: z.string(),
  format: z.enum(NOTE_FORMATS),
  subjective: z.string(),
  objective: z.string(),
  assessment: z.string(),
  plan: z.string(),
  body: z.string(),
});
export type NoteTemplate = z.infer<typeof noteTemplateSchema>;

/**
 * A snippet's abbreviation: a semicolon and 1 to 20 letters or digits (";nad"), so it never
 * collides with words typed in a note; typing it and then a space or Enter expands it.
 */
export const SNIPPET_ABBREVIATION = /^;[\p{L}\p{N}]{1,20}$/u;

export const noteSnippetSaveSchema = z
  .strictObject({
    id: idSchema.optional(),
    version: versionSchema.optional(),
    abbreviation: optionalText(21, 'Abbreviation').refine((s) => SNIPPET_ABBREVIATION.test(s), {
      message: 'An abbreviation is a semicolon and 1 to 20 letters or digits, for example ;nad',
    }),
    expansion: optionalText(5_000, 'Expansion', { multiline: true }).refine((s) => s !== '', {
      message: 'Write the text the abbreviation expands to',
    }),
  })
  .superRefine((input, ctx) => {
    if ((input.id === undefined) !== (input.version === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['version'], message: 'An edit names the snippet and its version' });
    }
  });
export type NoteSnippetSaveInput = z.infer<typeof noteSnippetSaveSchema>;

export const noteSnippetSchema = recordMetaSchema.extend({ abbreviation: z.string(), expansion: z.string() });
export type NoteSnippet = z.infer<typeof noteSnippetSchema>;
