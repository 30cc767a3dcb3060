import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SOAP_FIELDS, type Note, type NoteWithAddenda } from '../../../../../shared/domain/note';
import { useSessionStore } from '../../../app/session-store';
import { useDateFormat } from '../../../format/use-date-format';
import { AddendumEditor } from './AddendumEditor';
import { NoteEditor } from './NoteEditor';

function NoteText({ note }: { note: Note }) {
  const { t } = useTranslation('visits');
  if (note.format === 'free') return <p className="note-view__text">{note.body}</p>;
  return (
    <dl className="note-view__soap">
      {SOAP_FIELDS.filter((f) => note[f] !== '').map((f) => (
        <div key={f}>
          <dt>{t(`editor.fields.${f}`)}</dt>
          <dd className="note-view__text">{note[f]}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A saved note as read: its text, who signed it and when, its addenda beside it. A signed note takes
 * an addendum; the author's unsigned note opens in the editor.
 */
export function NoteView({ note }: { note: NoteWithAddenda }) {
  const { t } = useTranslation('visits');
  const format = useDateFormat();
  const me = useSessionStore((s) => s.session?.userId);
  const [mode, setMode] = useState<'read' | 'edit' | 'addendum'>('read');
  if (mode === 'edit' && note.visitId) {
    return <NoteEditor visitId={note.visitId} note={note} onDone={() => setMode('read')} />;
  }
  const state =
    note.status === 'signed'
      ? t('note.signedBy', {
          name: note.signedByName ?? note.authorName,
          when: format.dateTime(note.signedAt ?? note.updatedAt),
        })
      : t('note.unsigned', { name: note.authorName });
  return (
    <article className="note-view" aria-label={t('note.label', { when: format.dateTime(note.createdAt) })}>
      <p className="note-view__state">{state}</p>
      <NoteText note={note} />
      {note.addenda.length > 0 && (
        <ol className="note-view__addenda" aria-label={t('note.addenda')}>
          {note.addenda.map((a) => (
            <li key={a.id}>
              <p className="note-view__state">
                {t('note.addendumBy', { name: a.authorName, when: format.dateTime(a.signedAt ?? a.createdAt) })}
              </p>
              <p className="note-view__text">{a.body}</p>
            </li>
          ))}
        </ol>
      )}
      {mode === 'addendum' ? (
        <AddendumEditor note={note} onClose={() => setMode('read')} />
      ) : note.status === 'signed' ? (
        <button type="button" onClick={() => setMode('addendum')}>
          {t('note.addAddendum')}
        </button>
      ) : (
        note.authorId === me && (
          <button type="button" onClick={() => setMode('edit')}>
            {t('note.edit')}
          </button>
        )
      )}
    </article>
  );
}
