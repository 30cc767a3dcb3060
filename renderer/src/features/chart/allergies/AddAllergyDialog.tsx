import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ALLERGY_CRITICALITIES,
  ALLERGY_SEVERITIES,
  SUBSTANCE_TYPES,
  type Allergy,
} from '../../../../../shared/domain/allergy';
import { useChannelMutation } from '../../../api/channel-hooks';
import { errorMessage, fieldErrors } from '../../../forms/field-errors';
import { Dialog, Notice, SelectField, TextAreaField, TextField } from '../../../ui';

/** Records an allergy or intolerance; an active "No known allergies" ends with it (main does that). */
export function AddAllergyDialog({ patientId, open, onClose }: { patientId: string; open: boolean; onClose(): void }) {
  const { t } = useTranslation('problems');
  const [substance, setSubstance] = useState('');
  const [substanceType, setSubstanceType] = useState<Allergy['substanceType']>('medication');
  const [reaction, setReaction] = useState('');
  const [severity, setSeverity] = useState('');
  const [criticality, setCriticality] = useState('');
  const [onsetDate, setOnsetDate] = useState('');
  const [note, setNote] = useState('');
  const add = useChannelMutation('allergies.add', { invalidates: ['allergies.list'] });
  const errors = fieldErrors(add.error);
  const close = () => {
    add.reset();
    setSubstance('');
    setSubstanceType('medication');
    setReaction('');
    setSeverity('');
    setCriticality('');
    setOnsetDate('');
    setNote('');
    onClose();
  };
  const save = () =>
    add.mutate(
      {
        patientId,
        substance,
        substanceType,
        reaction,
        severity: (severity || null) as Allergy['severity'],
        criticality: (criticality || null) as Allergy['criticality'],
        onsetDate: onsetDate || null,
        note,
      },
      { onSuccess: close },
    );
  const notGiven = { value: '', label: t('allergies.notGiven') };
  return (
    <Dialog
      open={open}
      title={t('allergies.addTitle')}
      onClose={close}
      actions={
        <>
          <button type="button" onClick={close}>
            {t('cancel')}
          </button>
          <button type="button" className="primary" disabled={add.isPending} onClick={save}>
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
          <TextField
            label={t('allergies.substance')}
            value={substance}
            onChange={(e) => setSubstance(e.target.value)}
            error={errors.substance}
            hint={t('allergies.substanceHint')}
          />
          <SelectField
            label={t('allergies.substanceType')}
            value={substanceType}
            onChange={(e) => setSubstanceType(e.target.value as Allergy['substanceType'])}
            options={SUBSTANCE_TYPES.map((v) => ({ value: v, label: t(`allergies.typeValue.${v}`) }))}
            error={errors.substanceType}
          />
          <TextField
            label={t('allergies.reaction')}
            value={reaction}
            onChange={(e) => setReaction(e.target.value)}
            error={errors.reaction}
          />
          <SelectField
            label={t('allergies.severity')}
            value={severity}
            onChange={(e) => setSeverity(e.target.value)}
            options={[
              notGiven,
              ...ALLERGY_SEVERITIES.map((v) => ({ value: v, label: t(`allergies.severityValue.${v}`) })),
            ]}
            error={errors.severity}
          />
          <SelectField
            label={t('allergies.criticality')}
            value={criticality}
            onChange={(e) => setCriticality(e.target.value)}
            options={[
              notGiven,
              ...ALLERGY_CRITICALITIES.map((v) => ({ value: v, label: t(`allergies.criticalityValue.${v}`) })),
            ]}
            error={errors.criticality}
          />
          <TextField
            label={t('allergies.onsetDate')}
            type="date"
            value={onsetDate}
            onChange={(e) => setOnsetDate(e.target.value)}
            error={errors.onsetDate}
          />
          <TextAreaField
            label={t('note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={errors.note}
            rows={2}
          />
          {add.error && !Object.keys(errors).length && <Notice tone="error">{errorMessage(add.error)}</Notice>}
        </form>
      )}
    </Dialog>
  );
}
