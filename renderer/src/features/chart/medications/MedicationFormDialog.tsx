import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../../api/channel-hooks';
import { errorMessage, fieldErrors, type FieldErrors } from '../../../forms/field-errors';
import { FormDialog, Notice, SelectField, TextAreaField, TextField } from '../../../ui';
import type { Medication, MedicationSource } from '../../../../../shared/domain/medication';
import { lastPathPart } from './medication-text';

interface MedicationFormDialogProps {
  patientId: string;
  /** The line being edited, or null to add one. */
  editing: Medication | null;
  today: string;
  onClose(): void;
  onSaved(saved: Medication): void;
}

/** Adds a line to the medication list or edits one at the version shown. */
export function MedicationFormDialog({ patientId, editing, today, onClose, onSaved }: MedicationFormDialogProps) {
  const { t } = useTranslation('meds');
  const [name, setName] = useState(editing?.name ?? '');
  const [dose, setDose] = useState(editing?.dose ?? '');
  const [route, setRoute] = useState(editing?.route ?? '');
  const [frequency, setFrequency] = useState(editing?.frequency ?? '');
  const [startDate, setStartDate] = useState(editing?.startDate ?? '');
  const [source, setSource] = useState<MedicationSource>(editing?.source ?? 'here');
  const [note, setNote] = useState(editing?.note ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState('');
  const invalidates = ['medications.list'] as const;
  const add = useChannelMutation('medications.add', { invalidates });
  const update = useChannelMutation('medications.update', { invalidates });
  const busy = add.isPending || update.isPending;

  async function save(e: FormEvent) {
    e.preventDefault();
    const medication = { name, dose, route, frequency, startDate: startDate || null, source, note };
    try {
      const saved = editing
        ? await update.mutateAsync({ id: editing.id, version: editing.version, medication })
        : await add.mutateAsync({ patientId, medication });
      onSaved(saved);
    } catch (error) {
      setErrors(fieldErrors(error, lastPathPart));
      setAlert(errorMessage(error));
    }
  }

  return (
    <FormDialog
      title={editing ? t('form.editTitle', { name: editing.name }) : t('form.addTitle')}
      onClose={onClose}
      onSubmit={save}
      submitLabel={editing ? t('form.saveEdit') : t('form.saveAdd')}
      cancelLabel={t('cancel')}
      busy={busy}
      className="meds-form"
      primary
    >
      {alert && <Notice tone="error">{alert}</Notice>}
      <TextField
        label={t('form.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        autoFocus
      />
      <TextField label={t('form.dose')} value={dose} onChange={(e) => setDose(e.target.value)} error={errors.dose} />
      <TextField
        label={t('form.route')}
        value={route}
        onChange={(e) => setRoute(e.target.value)}
        error={errors.route}
      />
      <TextField
        label={t('form.frequency')}
        value={frequency}
        onChange={(e) => setFrequency(e.target.value)}
        error={errors.frequency}
      />
      <TextField
        label={t('form.startDate')}
        type="date"
        max={today}
        value={startDate}
        onChange={(e) => setStartDate(e.target.value)}
        error={errors.startDate}
        hint={t('form.startDateHint')}
      />
      <SelectField
        label={t('form.source')}
        value={source}
        onChange={(e) => setSource(e.target.value as MedicationSource)}
        error={errors.source}
        options={[
          { value: 'here', label: t('source.here') },
          { value: 'outside', label: t('source.outside') },
        ]}
      />
      <TextAreaField
        label={t('form.note')}
        value={note}
        rows={2}
        onChange={(e) => setNote(e.target.value)}
        error={errors.note}
      />
    </FormDialog>
  );
}
