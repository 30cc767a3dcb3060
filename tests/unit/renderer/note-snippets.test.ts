import { describe, expect, it } from 'vitest';
import type { NoteSnippet } from '../../../shared/domain/note';
import { expandSnippet } from '../../../renderer/src/features/chart/visits/note-form';

const snippet = (abbreviation: string, expansion: string): NoteSnippet => ({
  id: abbreviation,
  version: 1,
  createdAt: '',
  updatedAt: '',
  createdBy: '',
  updatedBy: '',
  abbreviation,
  expansion,
});
const snippets = new Map([
  [';nad', snippet(';nad', 'No abnormality detected')],
  [';bp', snippet(';bp', 'Blood pressure')],
]);

describe('snippets in a note', () => {
  it('expand the abbreviation before the caret, then the space or line break typed', () => {
    expect(expandSnippet('Chest ;nad', 10, ' ', snippets)).toEqual({
      value: 'Chest No abnormality detected ',
      caret: 30,
    });
    expect(expandSnippet(';bp and more', 3, '\n', snippets)).toEqual({ value: 'Blood pressure\n and more', caret: 15 });
  });

  it('leave alone what is not a whole abbreviation of the doctor’s', () => {
    expect(expandSnippet('Chest;nad', 9, ' ', snippets)).toBeNull(); // inside a word
    expect(expandSnippet('Chest ;na', 9, ' ', snippets)).toBeNull(); // not one of the snippets
    expect(expandSnippet('Chest ;nad', 8, ' ', snippets)).toBeNull(); // caret in the middle of it
    expect(expandSnippet('', 0, ' ', snippets)).toBeNull();
  });
});
