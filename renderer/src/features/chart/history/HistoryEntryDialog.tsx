import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../../api/channel-hooks';
import { errorMessage, fieldErrors, type FieldErrors } from '../../../forms/field-errors';
import { Dialog, Notice, SelectField, TextField } from '../../../ui';
import { HISTORY_SECTIONS, type HistoryEntry, type HistorySection } from '../../../../../shared/domain/history';

interface HistoryEntryDialogProps {
  patientId: string;
  editing: HistoryEntry | null;
  onClose(): void;
  onSaved(): void;
}

const lastPart = (path: string) => path.split('.').pop() ?? path;

/** One line of past medical, surgical or family history. */
export function HistoryEntryDialog({ patientId, editing, onClose, onSaved }: HistoryEntryDialogProps) {
  const { t } = useTranslation('meds');
  const [section, setSection] = useState<HistorySection>(editing?.section ?? 'medical');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [relation, setRelation] = useState(editing?.relation ?? '');
  const [whenText, setWhenText] = useState(editing?.whenText ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState('');
  const add = useChannelMutation('history.addEntry', { invalidates: ['history.get'] });
  const update = useChannelMutation('history.updateEntry', { invalidates: ['history.get'] });

  async function save(e: FormEvent) {
    e.preventDefault();
    const entry = {
      section,
      description,
      relation: section === 'family' ? relation : '',
      whenText,
      note: editing?.note ?? '',
    };
    try {
      if (editing) await update.mutateAsync({ id: editing.id, version: editing.version, entry });
      else await add.mutateAsync({ patientId, entry });
      onSaved();
    } catch (error) {
      setErrors(fieldErrors(error, lastPart));
      setAlert(errorMessage(error));
    }
  }

  return (
    <Dialog
      open
      title={editing ? t('hist.editTitle') : t('hist.addTitle')}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" form="history-entry" className="primary" disabled={add.isPending || update.isPending}>
            {t('hist.save')}
          </button>
        </>
      }
    >
      {alert && <Notice tone="error">{alert}</Notice>}
      <form id="history-entry" className="meds-form" onSubmit={save} noValidate>
        <SelectField
          label={t('hist.section')}
          value={section}
          onChange={(e) => setSection(e.target.value as HistorySection)}
          error={errors.section}
          options={HISTORY_SECTIONS.map((s) => ({ value: s, label: t(`hist.sections.${s}`) }))}
        />
        <TextField
          label={t('hist.description')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={errors.description}
          autoFocus
        />
        {section === 'family' && (
          <TextField
            label={t('hist.relation')}
            value={relation}
            onChange={(e) => setRelation(e.target.value)}
            error={errors.relation}
            hint={t('hist.relationHint')}
          />
        )}
        <TextField
          label={t('hist.when')}
          value={whenText}
          onChange={(e) => setWhenText(e.target.value)}
          error={errors.whenText}
          hint={t('hist.whenHint')}
        />
      </form>
    </Dialog>
  );
}
