import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../../api/channel-hooks';
import { errorMessage, fieldErrors, type FieldErrors } from '../../../forms/field-errors';
import { Dialog, Notice, SelectField, TextField } from '../../../ui';
import { ALCOHOL_USE, PREGNANCY_STATUSES, TOBACCO_USE, type SocialHistory } from '../../../../../shared/domain/history';

interface SocialHistoryDialogProps {
  patientId: string;
  /** The record shown (null: none yet): saved by its id and version. */
  current: SocialHistory | null;
  pregnancyRelevant: boolean;
  today: string;
  onClose(): void;
  onSaved(): void;
}

const lastPart = (path: string) => path.split('.').pop() ?? path;

/** Tobacco, alcohol, occupation and, where relevant, pregnancy status with the last menstrual period. */
export function SocialHistoryDialog({
  patientId,
  current,
  pregnancyRelevant,
  today,
  onClose,
  onSaved,
}: SocialHistoryDialogProps) {
  const { t } = useTranslation('meds');
  const [tobacco, setTobacco] = useState(current?.tobacco ?? 'unknown');
  const [tobaccoDetail, setTobaccoDetail] = useState(current?.tobaccoDetail ?? '');
  const [alcohol, setAlcohol] = useState(current?.alcohol ?? 'unknown');
  const [alcoholDetail, setAlcoholDetail] = useState(current?.alcoholDetail ?? '');
  const [occupation, setOccupation] = useState(current?.occupation ?? '');
  const [pregnancy, setPregnancy] = useState(current?.pregnancyStatus ?? '');
  const [lmpDate, setLmpDate] = useState(current?.lmpDate ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState('');
  const save = useChannelMutation('history.saveSocial', { invalidates: ['history.get'] });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const social = {
      tobacco,
      tobaccoDetail,
      alcohol,
      alcoholDetail,
      occupation,
      pregnancyStatus: pregnancyRelevant && pregnancy ? (pregnancy as SocialHistory['pregnancyStatus']) : null,
      lmpDate: pregnancyRelevant && pregnancy && lmpDate ? lmpDate : null,
    };
    try {
      await save.mutateAsync({
        patientId,
        record: current ? { id: current.id, version: current.version } : null,
        social,
      });
      onSaved();
    } catch (error) {
      setErrors(fieldErrors(error, lastPart));
      setAlert(errorMessage(error));
    }
  }

  return (
    <Dialog
      open
      title={t('social.title')}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" form="social-history" className="primary" disabled={save.isPending}>
            {t('social.save')}
          </button>
        </>
      }
    >
      {alert && <Notice tone="error">{alert}</Notice>}
      <form id="social-history" className="meds-form" onSubmit={submit} noValidate>
        <SelectField
          label={t('social.tobacco')}
          value={tobacco}
          onChange={(e) => setTobacco(e.target.value as SocialHistory['tobacco'])}
          error={errors.tobacco}
          options={TOBACCO_USE.map((v) => ({ value: v, label: t(`social.tobaccoUse.${v}`) }))}
          autoFocus
        />
        <TextField
          label={t('social.tobaccoDetail')}
          value={tobaccoDetail}
          onChange={(e) => setTobaccoDetail(e.target.value)}
          error={errors.tobaccoDetail}
        />
        <SelectField
          label={t('social.alcohol')}
          value={alcohol}
          onChange={(e) => setAlcohol(e.target.value as SocialHistory['alcohol'])}
          error={errors.alcohol}
          options={ALCOHOL_USE.map((v) => ({ value: v, label: t(`social.alcoholUse.${v}`) }))}
        />
        <TextField
          label={t('social.alcoholDetail')}
          value={alcoholDetail}
          onChange={(e) => setAlcoholDetail(e.target.value)}
          error={errors.alcoholDetail}
        />
        <TextField
          label={t('social.occupation')}
          value={occupation}
          onChange={(e) => setOccupation(e.target.value)}
          error={errors.occupation}
        />
        {pregnancyRelevant && (
          <>
            <SelectField
              label={t('social.pregnancy')}
              value={pregnancy}
              onChange={(e) => setPregnancy(e.target.value as typeof pregnancy)}
              error={errors.pregnancyStatus}
              options={[
                { value: '', label: t('social.pregnancyStatus.notAsked') },
                ...PREGNANCY_STATUSES.map((v) => ({ value: v, label: t(`social.pregnancyStatus.${v}`) })),
              ]}
            />
            {pregnancy && (
              <TextField
                label={t('social.lmp')}
                type="date"
                max={today}
                value={lmpDate}
                onChange={(e) => setLmpDate(e.target.value)}
                error={errors.lmpDate}
              />
            )}
          </>
        )}
      </form>
    </Dialog>
  );
}
