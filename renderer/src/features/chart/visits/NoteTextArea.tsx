import type { KeyboardEvent } from 'react';
import type { NoteSnippet } from '../../../../../shared/domain/note';
import { TextAreaField } from '../../../ui';
import { expandSnippet } from './note-form';

interface NoteTextAreaProps {
  label: string;
  value: string;
  error?: string | undefined;
  snippets: ReadonlyMap<string, NoteSnippet>;
  readOnly?: boolean;
  rows?: number;
  onChange(value: string): void;
}

/**
 * A field of a note. Typing a snippet's abbreviation (";nad") and then a space or Enter replaces it
 * with the snippet's text; everything else is typed as usual. Every change goes to the editor's
 * state at once, which keeps the draft.
 */
export function NoteTextArea({ label, value, error, snippets, readOnly, rows = 3, onChange }: NoteTextAreaProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((e.key !== ' ' && e.key !== 'Enter') || e.ctrlKey || e.metaKey || e.altKey || snippets.size === 0) return;
    const area = e.currentTarget;
    if (area.selectionStart !== area.selectionEnd) return;
    const expanded = expandSnippet(area.value, area.selectionStart, e.key === ' ' ? ' ' : '\n', snippets);
    if (!expanded) return;
    e.preventDefault();
    onChange(expanded.value);
    // After React has put the new text in, put the caret after the expansion.
    requestAnimationFrame(() => area.setSelectionRange(expanded.caret, expanded.caret));
  };
  return (
    <TextAreaField
      label={label}
      value={value}
      error={error}
      rows={rows}
      readOnly={readOnly}
      spellCheck
      onKeyDown={onKeyDown}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
