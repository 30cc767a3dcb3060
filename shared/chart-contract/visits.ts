import { z } from 'zod';
import { DOCTOR } from '../access';
import type { ChannelSpecs } from '../contract';
import {
  addendumInputSchema,
  noteSaveSchema,
  noteSchema,
  noteSnippetSaveSchema,
  noteSnippetSchema,
  noteTemplateSaveSchema,
  noteTemplateSchema,
  unsignedNoteSchema,
} from '../domain/note';
import {
  visitFinishSchema,
  visitListInputSchema,
  visitSchema,
  visitStartSchema,
  visitWithNotesSchema,
} from '../domain/visit';

const empty = z.strictObject({});

/** The chart's channels for: Visits and notes. Clinical: doctors only (DOCTOR in shared/access.ts). */
export const visitChannels = {
  /** Starts a visit, linked to the patient's appointment of today when there is one (called in if waiting). */
  'visits.start': { access: DOCTOR, input: visitStartSchema, output: visitSchema },
  /** Finishes a visit and marks its appointment done, in one transaction. */
  'visits.finish': { access: DOCTOR, input: visitFinishSchema, output: visitSchema },
  /** A patient's visits newest first, with their notes and addenda; audited as chart.view ("visits"). */
  'visits.list': { access: DOCTOR, input: visitListInputSchema, output: z.array(visitWithNotesSchema) },
  /** A new note in a visit, or the author's edits of an unsigned one; `sign` signs it too. Removes its draft. */
  'notes.save': { access: DOCTOR, input: noteSaveSchema, output: noteSchema },
  /** An addendum to a signed note, signed as it is saved. */
  'notes.addAddendum': { access: DOCTOR, input: addendumInputSchema, output: noteSchema },
  /** The doctor's own notes unsigned for more than a day: patients' names, no clinical text. */
  'notes.unsigned': {
    access: DOCTOR,
    shows: { action: 'chart.view', idKey: 'patientId' },
    input: empty,
    output: z.array(unsignedNoteSchema),
  },
  'noteTemplates.list': { access: DOCTOR, input: empty, output: z.array(noteTemplateSchema) },
  'noteTemplates.save': { access: DOCTOR, input: noteTemplateSaveSchema, output: noteTemplateSchema },
  /** The doctor's own snippets only. */
  'noteSnippets.list': { access: DOCTOR, input: empty, output: z.array(noteSnippetSchema) },
  'noteSnippets.save': { access: DOCTOR, input: noteSnippetSaveSchema, output: noteSnippetSchema },
} as const satisfies ChannelSpecs;
