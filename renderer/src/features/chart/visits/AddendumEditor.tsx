import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftOfKind } from '../../../../../shared/domain/draft';
import { noteDraftKey, type Note } from '../../../../../shared/domain/note';
import { useChannelMutation } from '../../../api/channel-hooks';
import { DiscardDraftDialog, useDraftAutosave, useStoredDraft } from '../../../drafts';
import { errorMessage, fieldErrors } from '../../../forms/field-errors';
import { Dialog, Notice } from '../../../ui';
import { blankNote, type NoteForm } from './note-form';
import { NoteTextArea } from './NoteTextArea';
import { useNoteLibrary } from './use-note-library';

/** An addendum to a signed note: typed into its own draft, signed as it is saved (after a confirmation). */
export function AddendumEditor({ note, onClose }: { note: Note; onClose(): void }) {
  const { t } = useTranslation('visits');
  const stored = useStoredDraft('note', noteDraftKey.addendum(note.id));
  if (!stored.loaded) return <p role="status">{t('editor.loading')}</p>;
  return <AddendumForm note={note} onClose={onClose} stored={stored.draft} />;
}

function AddendumForm({ note, onClose, stored }: { note: Note; onClose(): void; stored: DraftOfKind<'note'> | null }) {
  const { t } = useTranslation('visits');
  const { snippets } = useNoteLibrary();
  const [form, setForm] = useState<NoteForm>(() => stored?.body.form ?? blankNote('free'));
  const typed = form.body.trim() !== '';
  const draft = useDraftAutosave('note', noteDraftKey.addendum(note.id), typed ? { form } : null, stored?.body ?? null);
  const add = useChannelMutation('notes.addAddendum', { invalidates: ['visits.list'] });
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [discarding, setDiscarding] = useState(false);

  const [sending, setSending] = useState(false);
  const submit = async () => {
    setConfirming(false);
    setSending(true);
    try {
      // Typing reaches the draft before the save removes it (see NoteEditor).
      await draft.flush();
      await add.mutateAsync({ noteId: note.id, body: form.body });
      await draft.forget();
      onClose();
    } catch (e) {
      setError(fieldErrors(e).body ?? errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      className="note-editor note-editor--addendum"
      aria-label={t('addendum.title')}
      onSubmit={(e) => {
        e.preventDefault();
        setConfirming(true);
      }}
    >
      <NoteTextArea
        label={t('addendum.text')}
        value={form.body}
        error={error ?? undefined}
        snippets={snippets}
        readOnly={sending}
        rows={4}
        onChange={(body) => setForm((f) => ({ ...f, body }))}
      />
      {draft.problem && <Notice tone="error">{t('editor.draftProblem', { reason: draft.problem })}</Notice>}
      <div className="note-editor__actions">
        <button type="submit" className="primary" disabled={!typed || sending}>
          {t('addendum.save')}
        </button>
        <button type="button" onClick={() => (typed ? setDiscarding(true) : onClose())}>
          {t('addendum.cancel')}
        </button>
      </div>
      {confirming && (
        <Dialog
          open
          title={t('addendum.signQuestion')}
          onClose={() => setConfirming(false)}
          actions={
            <>
              <button type="button" className="primary" onClick={() => void submit()}>
                {t('addendum.signConfirm')}
              </button>
              <button type="button" onClick={() => setConfirming(false)} autoFocus>
                {t('editor.keepEditing')}
              </button>
            </>
          }
        >
          <p>{t('addendum.signExplain')}</p>
        </Dialog>
      )}
      {discarding && (
        <DiscardDraftDialog
          title={t('addendum.discardQuestion')}
          onKeep={() => setDiscarding(false)}
          onDiscard={() => {
            setDiscarding(false);
            void draft.forget();
            onClose();
          }}
        />
      )}
    </form>
  );
}
