import { useTranslation } from 'react-i18next';
import { REPEAT_UNITS } from '../../../../../shared/domain/appointment';
import { SelectField, TextField } from '../../../ui';
import type { BookingDraft, FieldErrors, RepeatUnit } from './booking-form';

interface RepeatFieldsProps {
  draft: BookingDraft;
  errors: FieldErrors;
  onChange(patch: Partial<BookingDraft>): void;
}

/** Every N days, weeks or months, ending after a number of appointments or on a date. */
export function RepeatFields({ draft, errors, onChange }: RepeatFieldsProps) {
  const { t } = useTranslation('appointments');
  return (
    <fieldset className="book-form__repeat">
      <legend>{t('repeat.legend')}</legend>
      <div className="book-form__row">
        <TextField
          label={t('repeat.every')}
          type="number"
          min={1}
          max={52}
          value={draft.every}
          error={errors['repeat.every']}
          onChange={(e) => onChange({ every: e.target.value })}
        />
        <SelectField
          label={t('repeat.unit')}
          value={draft.unit}
          error={errors['repeat.unit']}
          options={REPEAT_UNITS.map((u) => ({ value: u, label: t(`repeat.units.${u}`) }))}
          onChange={(e) => onChange({ unit: e.target.value as RepeatUnit })}
        />
      </div>
      <div className="book-form__row">
        <SelectField
          label={t('repeat.ends')}
          value={draft.endKind}
          options={[
            { value: 'count', label: t('repeat.afterCount') },
            { value: 'until', label: t('repeat.onDate') },
          ]}
          onChange={(e) => onChange({ endKind: e.target.value as BookingDraft['endKind'] })}
        />
        {draft.endKind === 'count' ? (
          <TextField
            label={t('repeat.count')}
            type="number"
            min={2}
            max={100}
            value={draft.count}
            error={errors['repeat.count']}
            onChange={(e) => onChange({ count: e.target.value })}
          />
        ) : (
          <TextField
            label={t('repeat.until')}
            type="date"
            value={draft.until}
            error={errors['repeat.until']}
            onChange={(e) => onChange({ until: e.target.value })}
          />
        )}
      </div>
    </fieldset>
  );
}
