import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui';
import type { FieldErrors, PatientFormState } from './patient-form-model';

const MAX_IDENTIFIERS = 10;
const SUGGESTED_TYPES = ['nationalId', 'passport', 'insurance', 'drivingLicence'] as const;

interface IdentifierRowsProps {
  identifiers: PatientFormState['identifiers'];
  errors: FieldErrors;
  onChange(identifiers: PatientFormState['identifiers']): void;
}

/** Identifier types are free text (every country has its own), with the common ones suggested. */
export function IdentifierRows({ identifiers, errors, onChange }: IdentifierRowsProps) {
  const { t } = useTranslation('patients');
  const listId = useId();
  const update = (index: number, patch: Partial<PatientFormState['identifiers'][number]>) =>
    onChange(identifiers.map((x, i) => (i === index ? { ...x, ...patch } : x)));
  return (
    <fieldset className="patient-form__section">
      <legend>{t('form.identifiers')}</legend>
      <datalist id={listId}>
        {SUGGESTED_TYPES.map((k) => (
          <option key={k} value={t(`identifierType.${k}`)} />
        ))}
      </datalist>
      {identifiers.length === 0 && <p className="patient-form__empty">{t('form.noIdentifiers')}</p>}
      {identifiers.map((identifier, i) => (
        <div className="patient-form__row" key={i}>
          <TextField
            label={t('form.identifierType', { n: i + 1 })}
            list={listId}
            autoComplete="off"
            value={identifier.system}
            error={errors[`identifiers.${i}.system`]}
            onChange={(e) => update(i, { system: e.target.value })}
          />
          <TextField
            label={t('form.identifierValue', { n: i + 1 })}
            autoComplete="off"
            value={identifier.value}
            error={errors[`identifiers.${i}.value`]}
            onChange={(e) => update(i, { value: e.target.value })}
          />
          <button
            type="button"
            className="patient-form__remove"
            aria-label={t('form.removeIdentifier', { n: i + 1 })}
            onClick={() => onChange(identifiers.filter((_, j) => j !== i))}
          >
            {t('form.remove')}
          </button>
        </div>
      ))}
      {errors.identifiers && (
        <p className="field__error" role="alert">
          {errors.identifiers}
        </p>
      )}
      <button
        type="button"
        disabled={identifiers.length >= MAX_IDENTIFIERS}
        onClick={() =>
          onChange([
            ...identifiers,
            { system: identifiers.length === 0 ? t('identifierType.nationalId') : '', value: '' },
          ])
        }
      >
        {t('form.addIdentifier')}
      </button>
    </fieldset>
  );
}
