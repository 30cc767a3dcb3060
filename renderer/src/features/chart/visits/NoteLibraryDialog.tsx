import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SOAP_FIELDS, type NoteFormat, type NoteTextField } from '../../../../../shared/domain/note';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage, fieldErrors, type FieldErrors } from '../../../forms/field-errors';
import { Dialog, Notice, SelectField, TextAreaField, TextField } from '../../../ui';

type TemplateForm = { name: string; format: NoteFormat } & Record<NoteTextField, string>;
const blankTemplate: TemplateForm = {
  name: '',
  format: 'soap',
  subjective: '',
  objective: '',
  assessment: '',
  plan: '',
  body: '',
};

function TemplatesSection() {
  const { t } = useTranslation('visits');
  const templates = useChannelQuery('noteTemplates.list', {});
  const save = useChannelMutation('noteTemplates.save', { invalidates: ['noteTemplates.list'] });
  const [editing, setEditing] = useState('');
  const [form, setForm] = useState<TemplateForm>(blankTemplate);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const chosen = templates.data?.find((tp) => tp.id === editing);

  const choose = (id: string) => {
    setEditing(id);
    const tp = templates.data?.find((x) => x.id === id);
    setForm(tp ? { ...tp } : blankTemplate);
    setErrors({});
    setMessage(null);
  };
  const submit = async () => {
    try {
      const { name, format, subjective, objective, assessment, plan, body } = form;
      const fields = format === 'soap' ? { subjective, objective, assessment, plan } : { body };
      const saved = await save.mutateAsync({
        ...(chosen ? { id: chosen.id, version: chosen.version } : {}),
        name,
        format,
        ...fields,
      });
      setEditing(saved.id);
      setErrors({});
      setMessage({ tone: 'success', text: t('library.templateSaved', { name: saved.name }) });
    } catch (error) {
      setErrors(fieldErrors(error));
      setMessage({ tone: 'error', text: errorMessage(error) });
    }
  };
  const fieldsOf: readonly NoteTextField[] = form.format === 'soap' ? SOAP_FIELDS : ['body'];
  return (
    <section aria-label={t('library.templates')}>
      <h3>{t('library.templates')}</h3>
      <SelectField
        label={t('library.templateToEdit')}
        value={editing}
        options={[
          { value: '', label: t('library.newTemplate') },
          ...(templates.data ?? []).map((tp) => ({ value: tp.id, label: tp.name })),
        ]}
        onChange={(e) => choose(e.target.value)}
      />
      <TextField
        label={t('library.templateName')}
        value={form.name}
        error={errors.name}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
      />
      <SelectField
        label={t('editor.format')}
        value={form.format}
        options={[
          { value: 'soap', label: t('editor.formats.soap') },
          { value: 'free', label: t('editor.formats.free') },
        ]}
        onChange={(e) => setForm({ ...form, format: e.target.value as NoteFormat })}
      />
      {fieldsOf.map((f) => (
        <TextAreaField
          key={f}
          label={t(`editor.fields.${f}`)}
          value={form[f]}
          error={errors[f]}
          rows={2}
          onChange={(e) => setForm({ ...form, [f]: e.target.value })}
        />
      ))}
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <button type="button" className="primary" disabled={save.isPending} onClick={() => void submit()}>
        {t('library.saveTemplate')}
      </button>
    </section>
  );
}

function SnippetsSection() {
  const { t } = useTranslation('visits');
  const snippets = useChannelQuery('noteSnippets.list', {});
  const save = useChannelMutation('noteSnippets.save', { invalidates: ['noteSnippets.list'] });
  const [editing, setEditing] = useState('');
  const [abbreviation, setAbbreviation] = useState('');
  const [expansion, setExpansion] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const chosen = snippets.data?.find((s) => s.id === editing);

  const choose = (id: string) => {
    setEditing(id);
    const s = snippets.data?.find((x) => x.id === id);
    setAbbreviation(s?.abbreviation ?? '');
    setExpansion(s?.expansion ?? '');
    setErrors({});
    setMessage(null);
  };
  const submit = async () => {
    try {
      const saved = await save.mutateAsync({
        ...(chosen ? { id: chosen.id, version: chosen.version } : {}),
        abbreviation,
        expansion,
      });
      setEditing(saved.id);
      setErrors({});
      setMessage({ tone: 'success', text: t('library.snippetSaved', { abbreviation: saved.abbreviation }) });
    } catch (error) {
      setErrors(fieldErrors(error));
      setMessage({ tone: 'error', text: errorMessage(error) });
    }
  };
  return (
    <section aria-label={t('library.snippets')}>
      <h3>{t('library.snippets')}</h3>
      <p className="field__hint">{t('library.snippetsHint')}</p>
      <SelectField
        label={t('library.snippetToEdit')}
        value={editing}
        options={[
          { value: '', label: t('library.newSnippet') },
          ...(snippets.data ?? []).map((s) => ({
            value: s.id,
            label: `${s.abbreviation} — ${s.expansion.slice(0, 40)}`,
          })),
        ]}
        onChange={(e) => choose(e.target.value)}
      />
      <TextField
        label={t('library.abbreviation')}
        value={abbreviation}
        error={errors.abbreviation}
        placeholder=";nad"
        onChange={(e) => setAbbreviation(e.target.value)}
      />
      <TextAreaField
        label={t('library.expansion')}
        value={expansion}
        error={errors.expansion}
        rows={2}
        onChange={(e) => setExpansion(e.target.value)}
      />
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <button type="button" className="primary" disabled={save.isPending} onClick={() => void submit()}>
        {t('library.saveSnippet')}
      </button>
    </section>
  );
}

/** The clinic's note templates (any doctor makes and edits them) and the doctor's own snippets. */
export function NoteLibraryDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('visits');
  return (
    <Dialog
      open
      title={t('library.title')}
      onClose={onClose}
      actions={
        <button type="button" onClick={onClose}>
          {t('library.close')}
        </button>
      }
    >
      <div className="note-library">
        <TemplatesSection />
        <SnippetsSection />
      </div>
    </Dialog>
  );
}
