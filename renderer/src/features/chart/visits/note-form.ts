import type { DraftBody } from '../../../../../shared/domain/draft';
import {
  NOTE_TEXT_FIELDS,
  SNIPPET_ABBREVIATION,
  type Note,
  type NoteFormat,
  type NoteSnippet,
  type NoteTemplate,
} from '../../../../../shared/domain/note';

/** The note editor's controls as typed: what its `note` draft keeps (shared/domain/draft.ts noteFormDraftSchema). */
export type NoteForm = DraftBody<'note'>['form'];

export function blankNote(format: NoteFormat = 'soap'): NoteForm {
  return { format, subjective: '', objective: '', assessment: '', plan: '', body: '', baseVersion: null };
}

export function formFromNote(note: Note): NoteForm {
  return {
    format: note.format,
    subjective: note.subjective,
    objective: note.objective,
    assessment: note.assessment,
    plan: note.plan,
    body: note.body,
    baseVersion: note.version,
  };
}

/** Nothing typed in any field (the format alone is no text). */
export function isBlank(form: NoteForm): boolean {
  return NOTE_TEXT_FIELDS.every((f) => form[f].trim() === '');
}

/** The same text in every field and the same format: nothing to keep as a draft. */
export function sameText(a: NoteForm, b: NoteForm): boolean {
  return a.format === b.format && NOTE_TEXT_FIELDS.every((f) => a[f] === b[f]);
}

/** "Insert template" fills an empty note with the template's format and text. */
export function formFromTemplate(template: NoteTemplate, baseVersion: number | null): NoteForm {
  return {
    format: template.format,
    subjective: template.subjective,
    objective: template.objective,
    assessment: template.assessment,
    plan: template.plan,
    body: template.body,
    baseVersion,
  };
}

/** What typing a space or Enter after a snippet's abbreviation does to a field: its new text and caret. */
export interface Expansion {
  value: string;
  caret: number;
}

/**
 * Expands the abbreviation just before the caret (";nad" at the start or after whitespace) into its
 * snippet, followed by the space or line break that was typed. Null when there is nothing to expand.
 */
export function expandSnippet(
  value: string,
  caret: number,
  typed: ' ' | '\n',
  snippets: ReadonlyMap<string, NoteSnippet>,
): Expansion | null {
  const before = value.slice(0, caret);
  const match = /(?:^|\s)(;[\p{L}\p{N}]{1,20})$/u.exec(before);
  const abbreviation = match?.[1];
  if (!abbreviation || !SNIPPET_ABBREVIATION.test(abbreviation)) return null;
  const snippet = snippets.get(abbreviation);
  if (!snippet) return null;
  const head = before.slice(0, before.length - abbreviation.length) + snippet.expansion + typed;
  return { value: head + value.slice(caret), caret: head.length };
}
