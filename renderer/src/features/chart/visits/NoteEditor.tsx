import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftOfKind } from '../../../../../shared/domain/draft';
import { noteDraftKey, SOAP_FIELDS, type Note, type NoteTextField } from '../../../../../shared/domain/note';
import { useChannelMutation } from '../../../api/channel-hooks';
import { ApiError } from '../../../api/client';
import { DraftRestoredNotice, useDraftAutosave, useStoredDraft } from '../../../drafts';
import { useDateFormat } from '../../../format/use-date-format';
import { errorMessage, fieldErrors, type FieldErrors } from '../../../forms/field-errors';
import { Dialog, Notice, SelectField } from '../../../ui';
import { blankNote, formFromNote, formFromTemplate, isBlank, sameText, type NoteForm } from './note-form';
import { NoteTextArea } from './NoteTextArea';
import { useNoteLibrary } from './use-note-library';

interface NoteEditorProps {
  visitId: string;
  /** The author's unsigned note to edit; omitted for a new note in the visit. */
  note?: Note;
  /** After a save, a signature or a cancel (editors opened from a past visit close then). */
  onDone?: () => void;
  /** Whether something typed is not saved yet (finishing the visit asks first). */
  onDirtyChange?: (dirty: boolean) => void;
  /** Take the focus when opened if nothing has it (the saved new note reopening as the author's note). */
  takeFocus?: boolean;
}

/**
 * The note editor: SOAP sections or free text, a template for an empty note, snippets as you type,
 * Save (Ctrl+S) and Sign. Every keystroke is kept in the `note` draft in main (useDraftAutosave),
 * restored after a reload or a crash; main removes the draft when the note is saved.
 */
export function NoteEditor(props: NoteEditorProps) {
  const { t } = useTranslation('visits');
  const key = props.note ? noteDraftKey.edit(props.note.id) : noteDraftKey.newInVisit(props.visitId);
  // The form opens once its draft is read, so nothing typed meanwhile could be replaced by it.
  const stored = useStoredDraft('note', key);
  if (!stored.loaded) return <p role="status">{t('editor.loading')}</p>;
  return <EditorForm {...props} draftKey={key} stored={stored.draft} />;
}

function EditorForm({
  visitId,
  note,
  onDone,
  onDirtyChange,
  takeFocus,
  draftKey,
  stored,
}: NoteEditorProps & { draftKey: string; stored: DraftOfKind<'note'> | null }) {
  const { t } = useTranslation('visits');
  const format = useDateFormat();
  const formId = useId();
  const { templates, snippets } = useNoteLibrary();
  const [saved, setSaved] = useState<NoteForm>(() => (note ? formFromNote(note) : blankNote()));
  const [form, setForm] = useState<NoteForm>(() => stored?.body.form ?? saved);
  const [restoredAt, setRestoredAt] = useState<string | null>(stored?.updatedAt ?? null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmSign, setConfirmSign] = useState(false);
  const [templateId, setTemplateId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  // A new note, once saved, reopens as the author's note in another editor: nothing more is typed
  // here meanwhile, so no keystroke can fall between the two.
  const [handedOver, setHandedOver] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (takeFocus && document.activeElement === document.body) formRef.current?.querySelector('textarea')?.focus();
  }, [takeFocus]);

  const dirty = !sameText(form, saved);
  const draft = useDraftAutosave('note', draftKey, dirty ? { form } : null, stored?.body ?? null);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  const save = useChannelMutation('notes.save', { invalidates: ['visits.list', 'notes.unsigned'] });

  const [sending, setSending] = useState(false);
  const submit = async (sign: boolean) => {
    setConfirmSign(false);
    setFailure(null);
    setMessage(null);
    setSending(true);
    try {
      // What is typed reaches main's draft before the save that removes it: a write still waiting
      // would otherwise land after the save (when this editor closes) and bring the text back.
      await draft.flush();
      const { baseVersion, ...content } = form;
      const result = await save.mutateAsync({
        visitId,
        ...(note ? { id: note.id, version: baseVersion ?? note.version } : {}),
        ...content,
        sign,
      });
      // Main removed the draft with the save; the form now matches what is saved.
      await draft.forget();
      const now = formFromNote(result);
      setSaved(now);
      setForm(now);
      setErrors({});
      setRestoredAt(null);
      setMessage(sign ? t('editor.signed') : t('editor.saved'));
      if (!note) setHandedOver(true);
      onDone?.();
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (!(error instanceof ApiError) || Object.keys(fields).length === 0) setFailure(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  const set = (field: NoteTextField, value: string) => setForm((f) => ({ ...f, [field]: value }));
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      if (!sending && !isBlank(form)) void submit(false);
    } else if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key === 'Enter') {
      // Sign asks first, as the button does.
      e.preventDefault();
      if (!sending && !isBlank(form)) setConfirmSign(true);
    }
  };
  const template = templates.find((tp) => tp.id === templateId);
  const fieldsOf: readonly NoteTextField[] = form.format === 'soap' ? SOAP_FIELDS : ['body'];

  return (
    <form
      ref={formRef}
      className="note-editor"
      aria-label={note ? t('editor.editTitle') : t('editor.newTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
      onKeyDown={onKeyDown}
    >
      {restoredAt && (
        <DraftRestoredNotice
          message={t('editor.restored', { when: format.dateTime(restoredAt) })}
          discardLabel={t('editor.discardDraft')}
          confirmTitle={t('editor.discardQuestion')}
          onDiscard={() => {
            void draft.forget();
            setForm(saved);
            setRestoredAt(null);
          }}
        />
      )}
      <div className="note-editor__tools">
        <fieldset className="note-editor__format" disabled={!isBlank(form)}>
          <legend>{t('editor.format')}</legend>
          {(['soap', 'free'] as const).map((f) => (
            <label key={f}>
              <input
                type="radio"
                name={`${formId}-format`}
                checked={form.format === f}
                onChange={() => setForm((cur) => ({ ...cur, format: f }))}
              />
              {t(`editor.formats.${f}`)}
            </label>
          ))}
        </fieldset>
        {templates.length > 0 && (
          <div className="note-editor__template">
            <SelectField
              label={t('editor.template')}
              value={templateId}
              options={[
                { value: '', label: t('editor.chooseTemplate') },
                ...templates.map((tp) => ({ value: tp.id, label: tp.name })),
              ]}
              onChange={(e) => setTemplateId(e.target.value)}
            />
            <button
              type="button"
              disabled={!template || !isBlank(form)}
              title={isBlank(form) ? undefined : t('editor.templateNeedsEmpty')}
              onClick={() => template && setForm(formFromTemplate(template, form.baseVersion))}
            >
              {t('editor.insertTemplate')}
            </button>
          </div>
        )}
      </div>
      {fieldsOf.map((field) => (
        <NoteTextArea
          key={field}
          label={t(`editor.fields.${field}`)}
          value={form[field]}
          error={errors[field]}
          snippets={snippets}
          // While Save or Sign is on its way, typing waits: what is sent is what the form then holds.
          readOnly={sending || handedOver}
          rows={field === 'body' ? 8 : 2}
          onChange={(value) => set(field, value)}
        />
      ))}
      {draft.problem && <Notice tone="error">{t('editor.draftProblem', { reason: draft.problem })}</Notice>}
      {failure && <Notice tone="error">{failure}</Notice>}
      {message && !dirty && <Notice tone="success">{message}</Notice>}
      <div className="note-editor__actions">
        <button type="submit" className="primary" disabled={sending || isBlank(form)} aria-keyshortcuts="Control+S">
          {t('editor.save')}
        </button>
        <button
          type="button"
          disabled={sending || isBlank(form)}
          onClick={() => setConfirmSign(true)}
          aria-keyshortcuts="Control+Enter"
        >
          {t('editor.sign')}
        </button>
        {onDone && (
          <button type="button" onClick={onDone}>
            {t('editor.close')}
          </button>
        )}
        <span className="note-editor__state" aria-live="polite">
          {dirty ? t('editor.draftKept') : note || message ? t('editor.allSaved') : ''}
        </span>
      </div>
      {confirmSign && (
        <Dialog
          open
          title={t('editor.signQuestion')}
          onClose={() => setConfirmSign(false)}
          actions={
            <>
              <button type="button" className="primary" onClick={() => void submit(true)}>
                {t('editor.signConfirm')}
              </button>
              <button type="button" onClick={() => setConfirmSign(false)} autoFocus>
                {t('editor.keepEditing')}
              </button>
            </>
          }
        >
          <p>{t('editor.signExplain')}</p>
        </Dialog>
      )}
    </form>
  );
}
