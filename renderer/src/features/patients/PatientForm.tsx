import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInputPattern } from '../../format/date-input-pattern';
import { todayIn } from '../../../../shared/dates';
import { MAX_ESTIMATED_AGE, SEXES } from '../../../../shared/domain/patient';
import { Notice, SelectField, TextAreaField, TextField } from '../../ui';
import { IdentifierRows } from './IdentifierRows';
import type { FieldErrors, PatientFormState, Sex } from './patient-form-model';
import { PhoneRows } from './PhoneRows';

interface PatientFormProps {
  value: PatientFormState;
  errors: FieldErrors;
  onChange(next: PatientFormState): void;
  onSubmit(): void;
  /** Bumped by the parent after a failed save: the first invalid control takes focus. */
  focusErrorRequest: number;
  busy: boolean;
  /** Names the form for assistive technology, e.g. "Register new patient". */
  label: string;
  submitLabel: string;
  /** Extra buttons next to Save (e.g. Cancel). */
  actions?: ReactNode;
  /** A new registration: the cursor starts in Given names (after Ctrl+Shift+N, "Register new"). */
  focusOnOpen?: boolean;
}

/** Error keys a control shows next to itself; anything else goes into the summary at the top. */
const SHOWN_BY_A_FIELD =
  /^(givenNames|familyName|latinName|sex|genderIdentity|birth\.(date|years)|phones(\.\d+\.(kind|number))?|identifiers(\.\d+\.(system|value))?|address\.\w+|emergencyContact\.\w+|notes)$/;

/** The patient's demographics, shared by registration and editing. */
export function PatientForm({
  value,
  errors,
  onChange,
  onSubmit,
  focusErrorRequest,
  busy,
  label,
  submitLabel,
  actions,
  focusOnOpen = false,
}: PatientFormProps) {
  const { t } = useTranslation('patients');
  // A date the control could not read (empty, or typed only in part) is named in the control's own
  // format (dd/mm/yyyy here, mm/dd/yyyy there), not as the ISO text it stores.
  const birthDateError = (error: string | undefined, typed: string) =>
    error && !/^\d{4}-\d{2}-\d{2}$/.test(typed) ? t('form.birthDateFormat', { pattern: dateInputPattern() }) : error;
  const formRef = useRef<HTMLFormElement>(null);
  const birthName = useId();
  const set = <K extends keyof PatientFormState>(key: K, v: PatientFormState[K]) => onChange({ ...value, [key]: v });
  const setAddress = (patch: Partial<PatientFormState['address']>) => set('address', { ...value.address, ...patch });
  const setContact = (patch: Partial<PatientFormState['emergencyContact']>) =>
    set('emergencyContact', { ...value.emergencyContact, ...patch });

  useEffect(() => {
    if (focusErrorRequest > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusErrorRequest]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onSubmit();
  };
  const unplaced = Object.entries(errors).filter(([k]) => !SHOWN_BY_A_FIELD.test(k));
  const errorCount = Object.keys(errors).length;

  return (
    <form ref={formRef} className="patient-form" noValidate autoComplete="off" onSubmit={submit} aria-label={label}>
      {errorCount > 0 && (
        <Notice tone="error">
          {t('form.fixErrors', { count: errorCount })}
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map(([k, m]) => (
                <li key={k}>{m}</li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      <fieldset className="patient-form__section">
        <legend>{t('form.person')}</legend>
        <div className="patient-form__grid">
          <TextField
            label={t('form.givenNames')}
            autoComplete="off"
            autoFocus={focusOnOpen}
            value={value.givenNames}
            error={errors.givenNames}
            onChange={(e) => set('givenNames', e.target.value)}
          />
          <TextField
            label={t('form.familyName')}
            autoComplete="off"
            value={value.familyName}
            error={errors.familyName}
            onChange={(e) => set('familyName', e.target.value)}
          />
          <TextField
            label={t('form.latinName')}
            hint={t('form.latinNameHint')}
            autoComplete="off"
            value={value.latinName ?? ''}
            error={errors.latinName}
            onChange={(e) => set('latinName', e.target.value)}
          />
          <SelectField
            label={t('form.sex')}
            value={value.sex}
            options={[
              { value: '', label: t('form.chooseSex') },
              ...SEXES.map((s) => ({ value: s, label: t(`sex.${s}`) })),
            ]}
            error={errors.sex}
            onChange={(e) => set('sex', e.target.value as Sex | '')}
          />
          <TextField
            label={t('form.genderIdentity')}
            hint={t('form.optional')}
            autoComplete="off"
            value={value.genderIdentity}
            error={errors.genderIdentity}
            onChange={(e) => set('genderIdentity', e.target.value)}
          />
        </div>
      </fieldset>

      <fieldset className="patient-form__section">
        <legend>{t('form.birth')}</legend>
        <div className="patient-form__choice">
          <label>
            <input
              type="radio"
              name={birthName}
              checked={value.birthKind === 'date'}
              onChange={() => set('birthKind', 'date')}
            />
            {t('form.birthKnown')}
          </label>
          <label>
            <input
              type="radio"
              name={birthName}
              checked={value.birthKind === 'estimatedAge'}
              onChange={() => set('birthKind', 'estimatedAge')}
            />
            {t('form.birthEstimated')}
          </label>
        </div>
        <div className="patient-form__grid">
          {value.birthKind === 'date' ? (
            <TextField
              label={t('form.birthDate')}
              type="date"
              min="1900-01-01"
              max={todayIn()}
              value={value.birthDate}
              error={birthDateError(errors['birth.date'], value.birthDate)}
              onChange={(e) => set('birthDate', e.target.value)}
            />
          ) : (
            <TextField
              label={t('form.estimatedYears')}
              hint={t('form.estimatedHint')}
              inputMode="numeric"
              min={0}
              max={MAX_ESTIMATED_AGE}
              value={value.estimatedYears}
              error={errors['birth.years']}
              onChange={(e) => set('estimatedYears', e.target.value)}
            />
          )}
        </div>
      </fieldset>

      <PhoneRows phones={value.phones} errors={errors} onChange={(phones) => set('phones', phones)} />

      <fieldset className="patient-form__section">
        <legend>{t('form.address')}</legend>
        <div className="patient-form__grid">
          <div className="patient-form__wide">
            <TextField
              label={t('form.addressLine')}
              value={value.address.line}
              error={errors['address.line']}
              onChange={(e) => setAddress({ line: e.target.value })}
            />
          </div>
          <TextField
            label={t('form.city')}
            value={value.address.city}
            error={errors['address.city']}
            onChange={(e) => setAddress({ city: e.target.value })}
          />
          <TextField
            label={t('form.region')}
            value={value.address.region}
            error={errors['address.region']}
            onChange={(e) => setAddress({ region: e.target.value })}
          />
          <TextField
            label={t('form.postalCode')}
            value={value.address.postalCode}
            error={errors['address.postalCode']}
            onChange={(e) => setAddress({ postalCode: e.target.value })}
          />
          <TextField
            label={t('form.country')}
            value={value.address.country}
            error={errors['address.country']}
            onChange={(e) => setAddress({ country: e.target.value })}
          />
        </div>
      </fieldset>

      <IdentifierRows
        identifiers={value.identifiers}
        errors={errors}
        onChange={(identifiers) => set('identifiers', identifiers)}
      />

      <fieldset className="patient-form__section">
        <legend>{t('form.emergencyContact')}</legend>
        <div className="patient-form__grid">
          <TextField
            label={t('form.contactName')}
            value={value.emergencyContact.name}
            error={errors['emergencyContact.name']}
            onChange={(e) => setContact({ name: e.target.value })}
          />
          <TextField
            label={t('form.contactRelationship')}
            value={value.emergencyContact.relationship}
            error={errors['emergencyContact.relationship']}
            onChange={(e) => setContact({ relationship: e.target.value })}
          />
          <TextField
            label={t('form.contactPhone')}
            type="tel"
            value={value.emergencyContact.phone}
            error={errors['emergencyContact.phone']}
            onChange={(e) => setContact({ phone: e.target.value })}
          />
        </div>
      </fieldset>

      <fieldset className="patient-form__section">
        <legend>{t('form.notesSection')}</legend>
        <TextAreaField
          label={t('form.notes')}
          value={value.notes}
          error={errors.notes}
          onChange={(e) => set('notes', e.target.value)}
        />
      </fieldset>

      <div className="patient-form__actions">
        <button type="submit" disabled={busy}>
          {busy ? t('form.saving') : submitLabel}
        </button>
        {actions}
      </div>
    </form>
  );
}
