import { useTranslation } from 'react-i18next';
import { PHONE_KINDS } from '../../../../shared/domain/patient';
import { SelectField, TextField } from '../../ui';
import type { FieldErrors, PatientFormState } from './patient-form-model';

const MAX_PHONES = 5;

interface PhoneRowsProps {
  phones: PatientFormState['phones'];
  errors: FieldErrors;
  onChange(phones: PatientFormState['phones']): void;
}

export function PhoneRows({ phones, errors, onChange }: PhoneRowsProps) {
  const { t } = useTranslation('patients');
  const update = (index: number, patch: Partial<PatientFormState['phones'][number]>) =>
    onChange(phones.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  return (
    <fieldset className="patient-form__section">
      <legend>{t('form.phones')}</legend>
      {phones.length === 0 && <p className="patient-form__empty">{t('form.noPhones')}</p>}
      {phones.map((phone, i) => (
        <div className="patient-form__row" key={i}>
          <SelectField
            label={t('form.phoneKind', { n: i + 1 })}
            value={phone.kind}
            options={PHONE_KINDS.map((k) => ({ value: k, label: t(`phoneKind.${k}`) }))}
            error={errors[`phones.${i}.kind`]}
            onChange={(e) => update(i, { kind: e.target.value as (typeof PHONE_KINDS)[number] })}
          />
          <TextField
            label={t('form.phoneNumber', { n: i + 1 })}
            type="tel"
            autoComplete="off"
            value={phone.number}
            error={errors[`phones.${i}.number`]}
            onChange={(e) => update(i, { number: e.target.value })}
          />
          <button
            type="button"
            className="patient-form__remove"
            aria-label={t('form.removePhone', { n: i + 1 })}
            onClick={() => onChange(phones.filter((_, j) => j !== i))}
          >
            {t('form.remove')}
          </button>
        </div>
      ))}
      {errors.phones && (
        <p className="field__error" role="alert">
          {errors.phones}
        </p>
      )}
      <button
        type="button"
        disabled={phones.length >= MAX_PHONES}
        onClick={() => onChange([...phones, { kind: phones.length === 0 ? 'mobile' : 'home', number: '' }])}
      >
        {t('form.addPhone')}
      </button>
    </fieldset>
  );
}
