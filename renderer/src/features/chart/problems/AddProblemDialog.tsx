import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemCoding } from '../../../../../shared/domain/problem';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage, fieldErrors } from '../../../forms/field-errors';
import { CheckboxField, Dialog, Notice, TextAreaField, TextField } from '../../../ui';
import { DiagnosisCombobox } from './DiagnosisCombobox';

interface Props {
  patientId: string;
  /** Given: a diagnosis made at this visit (encounter-diagnosis), which may also go on the problem list. */
  visitId?: string | undefined;
  open: boolean;
  onClose(): void;
}

/** Adds a problem to the list, or a visit's diagnosis: found by code or words, or free text left uncoded. */
export function AddProblemDialog({ patientId, visitId, open, onClose }: Props) {
  const { t } = useTranslation('problems');
  const [coding, setCoding] = useState<ProblemCoding | null>(null);
  const [chosen, setChosen] = useState('');
  const [onsetDate, setOnsetDate] = useState('');
  const [chronic, setChronic] = useState(false);
  const [note, setNote] = useState('');
  const [toProblemList, setToProblemList] = useState(true);
  const add = useChannelMutation('problems.add', { invalidates: ['problems.list'] });
  // Opening the dialog readies the code list (loaded into the database on first use, a few
  // seconds once), so it is there by the time the doctor has typed a few letters.
  useChannelQuery('diagnoses.release', {}, { enabled: open });
  const errors = fieldErrors(add.error);
  const close = () => {
    add.reset();
    setCoding(null);
    setChosen('');
    setOnsetDate('');
    setChronic(false);
    setNote('');
    setToProblemList(true);
    onClose();
  };
  const save = () => {
    if (!coding) return;
    add.mutate(
      {
        patientId,
        ...(visitId
          ? { category: 'encounter-diagnosis', visitId, addToProblemList: toProblemList }
          : { category: 'problem-list-item' }),
        coding,
        chronic,
        onsetDate: onsetDate || null,
        note,
      },
      { onSuccess: close },
    );
  };
  return (
    <Dialog
      open={open}
      title={visitId ? t('addDiagnosisTitle') : t('addTitle')}
      onClose={close}
      actions={
        <>
          <button type="button" onClick={close}>
            {t('cancel')}
          </button>
          <button type="button" className="primary" disabled={!coding || add.isPending} onClick={save}>
            {t('save')}
          </button>
        </>
      }
    >
      {open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <DiagnosisCombobox
            value={coding}
            onChange={(value, label) => {
              setCoding(value);
              setChosen(label);
            }}
            error={errors['coding.code'] ?? errors['coding.text']}
          />
          {coding && <p role="status">{t('chosen', { label: chosen })}</p>}
          <TextField
            label={t('onsetDate')}
            type="date"
            value={onsetDate}
            onChange={(e) => setOnsetDate(e.target.value)}
            error={errors.onsetDate}
          />
          <CheckboxField label={t('chronic')} checked={chronic} onChange={(e) => setChronic(e.target.checked)} />
          {visitId && (
            <CheckboxField
              label={t('alsoProblemList')}
              checked={toProblemList}
              onChange={(e) => setToProblemList(e.target.checked)}
            />
          )}
          <TextAreaField
            label={t('note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={errors.note}
            rows={2}
          />
          {errors.visitId && <Notice tone="error">{errors.visitId}</Notice>}
          {add.error && !Object.keys(errors).length && <Notice tone="error">{errorMessage(add.error)}</Notice>}
        </form>
      )}
    </Dialog>
  );
}
