import { useTranslation } from 'react-i18next';
import { CheckboxField, TextField } from '../../../ui';
import type { BookingDraft, FieldErrors } from './booking-form';

interface OverrideFieldsProps {
  draft: Pick<BookingDraft, 'overbook' | 'overbookReason' | 'outsideHours' | 'outsideHoursReason'>;
  errors: FieldErrors;
  onChange(patch: Partial<BookingDraft>): void;
  /** Offered once main reported a clash, and only to doctors and administrators. */
  showOverbook: boolean;
  /** Offered once main said the time is outside the doctor's hours. */
  showOutsideHours: boolean;
}

/** Booking on purpose where main would refuse: on top of another appointment, or outside working hours. */
export function OverrideFields({ draft, errors, onChange, showOverbook, showOutsideHours }: OverrideFieldsProps) {
  const { t } = useTranslation('appointments');
  if (!showOverbook && !showOutsideHours) return null;
  return (
    <div className="book-form__overrides">
      {showOverbook && (
        <>
          <CheckboxField
            label={t('booking.overbook')}
            hint={t('booking.overbookHint')}
            checked={draft.overbook}
            onChange={(e) => onChange({ overbook: e.target.checked })}
          />
          {draft.overbook && (
            <TextField
              label={t('booking.overbookReason')}
              value={draft.overbookReason}
              error={errors.overbookReason}
              limit={300}
              onChange={(e) => onChange({ overbookReason: e.target.value })}
            />
          )}
        </>
      )}
      {showOutsideHours && (
        <>
          <CheckboxField
            label={t('booking.outsideHours')}
            checked={draft.outsideHours}
            onChange={(e) => onChange({ outsideHours: e.target.checked })}
          />
          {draft.outsideHours && (
            <TextField
              label={t('booking.outsideHoursReason')}
              value={draft.outsideHoursReason}
              error={errors.outsideHoursReason}
              limit={300}
              onChange={(e) => onChange({ outsideHoursReason: e.target.value })}
            />
          )}
        </>
      )}
    </div>
  );
}
