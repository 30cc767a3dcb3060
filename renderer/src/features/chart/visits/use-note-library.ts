import { useMemo } from 'react';
import type { NoteSnippet, NoteTemplate } from '../../../../../shared/domain/note';
import { useChannelQuery } from '../../../api/channel-hooks';

/** The clinic's templates and the doctor's own snippets (by abbreviation), for the note editors. */
export function useNoteLibrary(): { templates: NoteTemplate[]; snippets: ReadonlyMap<string, NoteSnippet> } {
  const templates = useChannelQuery('noteTemplates.list', {});
  const snippets = useChannelQuery('noteSnippets.list', {});
  const byAbbreviation = useMemo(
    () => new Map((snippets.data ?? []).map((s) => [s.abbreviation, s] as const)),
    [snippets.data],
  );
  return { templates: templates.data ?? [], snippets: byAbbreviation };
}
