import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../../api/channel-hooks';
import { useClinicTimeZone } from '../../../app/session-store';
import { errorMessage, fieldErrors, focusFirstInvalid, topLevelField } from '../../../forms/field-errors';
import { FormDialog, Notice, TextField } from '../../../ui';
import {
  ENTERED_MEASURES,
  UNIT_SYMBOL,
  feetAndInches,
  unitIn,
  type EnteredMeasure,
  type UnitSystem,
  type VitalsSet,
} from '../../../../../shared/domain/vitals';
import { utcToZoned, zonedToUtc } from '../../../../../shared/zoned-time';
import { convertForm, formValuesOf, keptAsStored, parseNumber, type FormValues } from './vitals-form-values';
import { UnitsSwitch } from './UnitsSwitch';

const CHILD_MEASURES: readonly EnteredMeasure[] = ['headCircumference', 'muac'];
const MAIN_MEASURES = ENTERED_MEASURES.filter((m) => !CHILD_MEASURES.includes(m));

/** The channels a saved set makes stale. */
const VITALS_READS = ['vitals.list', 'vitals.trend'] as const;

interface RecordVitalsDialogProps {
  patientId: string;
  /** The set to correct; absent to record a new one. */
  set?: VitalsSet | undefined;
  /** Show head circumference and MUAC (the patient is a child, or the set has them). */
  childFields: boolean;
  units: UnitSystem;
  onUnits(units: UnitSystem): void;
  onClose(): void;
  onSaved(set: VitalsSet): void;
}

/**
 * Records a set of vitals (or corrects one): values in metric or US units, sent as typed with the
 * unit system; main converts them once to canonical units, refuses impossible values per field and
 * works out BMI. Keyboard only: focus starts on the systolic pressure, Enter saves, Escape cancels.
 */
export function RecordVitalsDialog({
  patientId,
  set,
  childFields,
  units,
  onUnits,
  onClose,
  onSaved,
}: RecordVitalsDialogProps) {
  const { t } = useTranslation('vitals');
  const zone = useClinicTimeZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const formRef = useRef<HTMLFormElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  // The native dialog focuses its first control when it opens (after this mounts): start on the
  // systolic pressure instead, where the doctor begins typing.
  useEffect(() => {
    const frame = requestAnimationFrame(() => firstRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  const initial = useMemo(
    () => (set ? formValuesOf(set, units, zone) : utcToZoned(new Date(), zone)),
    // The form starts once; a later switch of units converts what is typed instead.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState('');
  const record = useChannelMutation('vitals.record', { invalidates: VITALS_READS });
  const update = useChannelMutation('vitals.update', { invalidates: VITALS_READS });
  const pending = record.isPending || update.isPending;

  // The measures the person typed in; a correction sends the others exactly as stored (keptAsStored).
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const setValue = (key: keyof FormValues, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    const measure = key === 'heightFeet' || key === 'heightInches' ? 'height' : key;
    setTouched((t) => (t.has(measure) ? t : new Set(t).add(measure)));
  };
  const switchUnits = (next: UnitSystem) => {
    if (next === units) return;
    setValues((v) => convertForm(v, units, next));
    onUnits(next);
  };

  // Each refusal moves the cursor to the first field to fix, once the fields show their messages.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals) focusFirstInvalid(formRef.current);
  }, [refusals]);
  function showErrors(found: Record<string, string>, message = '') {
    setErrors(found);
    setAlert(message);
    setRefusals((n) => n + 1);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    const measured: Partial<Record<EnteredMeasure, number | null>> = {};
    for (const m of ENTERED_MEASURES) {
      if (m === 'height' && units === 'us') {
        const feet = parseNumber(values.heightFeet);
        const inches = parseNumber(values.heightInches);
        if (feet === 'invalid') local.heightFeet = t('enterNumber');
        if (inches === 'invalid') local.heightInches = t('enterNumber');
        if (feet === 'invalid' || inches === 'invalid') continue;
        measured.height = feet === null && inches === null ? null : feetAndInches(feet ?? 0, inches ?? 0);
        continue;
      }
      const n = parseNumber(values[m]);
      if (n === 'invalid') local[m] = t('enterNumber');
      else measured[m] = n;
    }
    const takenAt = values.date && values.time ? zonedToUtc(values.date, values.time, zone, 'earlier') : null;
    if (!takenAt || !takenAt.ok) local.time = takenAt?.ok === false ? takenAt.message : t('enterDateTime');
    if (Object.keys(local).length || !takenAt?.ok) return showErrors(local);
    try {
      const saved = set
        ? await update.mutateAsync({
            id: set.id,
            version: set.version,
            // An unchanged time stays the instant stored (the form shows it to the minute).
            takenAt: touched.has('date') || touched.has('time') ? takenAt.utc : set.takenAt,
            units,
            ...keptAsStored(measured, set, touched, units),
          })
        : await record.mutateAsync({ patientId, takenAt: takenAt.utc, units, ...measured });
      onSaved(saved);
    } catch (error) {
      const fields = fieldErrors(error, topLevelField);
      // Main names fields as the contract does: height is the feet field in US units, the time is takenAt.
      const mapped: Record<string, string> = {};
      for (const [key, message] of Object.entries(fields)) {
        const target = key === 'takenAt' ? 'time' : key === 'height' && units === 'us' ? 'heightFeet' : key;
        mapped[target] ??= message;
      }
      const shownOnFields = Object.keys(mapped).some((k) => k !== '_');
      showErrors(mapped, shownOnFields ? '' : errorMessage(error));
    }
  }

  const label = (m: EnteredMeasure) => {
    const symbol = UNIT_SYMBOL[unitIn(m, units)];
    return m === 'pain' ? t('measure.pain') : `${t(`measure.${m}`)} (${symbol})`;
  };
  const field = (m: EnteredMeasure, first = false) => (
    <TextField
      key={m}
      ref={first ? firstRef : undefined}
      label={label(m)}
      inputMode="decimal"
      value={values[m] ?? ''}
      onChange={(e) => setValue(m, e.target.value)}
      error={errors[m]}
    />
  );
  const title = set ? t('correctTitle', { when: `${initial.date} ${initial.time}` }) : t('recordTitle');

  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={set ? t('saveCorrection') : t('save')}
      cancelLabel={t('cancel')}
      busy={pending}
      className="vitals-form"
      formRef={formRef}
    >
      {alert && <Notice tone="error">{alert}</Notice>}
      <UnitsSwitch units={units} onChange={switchUnits} />
      <div className="vitals-form__grid">
        {MAIN_MEASURES.map((m) =>
          m === 'height' && units === 'us' ? (
            <div key="height" className="vitals-form__pair">
              <TextField
                label={t('heightFeet')}
                inputMode="decimal"
                value={values.heightFeet ?? ''}
                onChange={(e) => setValue('heightFeet', e.target.value)}
                error={errors.heightFeet}
              />
              <TextField
                label={t('heightInches')}
                inputMode="decimal"
                value={values.heightInches ?? ''}
                onChange={(e) => setValue('heightInches', e.target.value)}
                error={errors.heightInches}
              />
            </div>
          ) : (
            field(m, m === 'systolic')
          ),
        )}
      </div>
      <p className="vitals-form__hint">{t('bmiComputed')}</p>
      {childFields && (
        <fieldset className="vitals-form__children">
          <legend>{t('children')}</legend>
          <div className="vitals-form__grid">{CHILD_MEASURES.map((m) => field(m))}</div>
        </fieldset>
      )}
      <div className="vitals-form__grid">
        <TextField
          label={t('dateTaken')}
          type="date"
          value={values.date ?? ''}
          onChange={(e) => setValue('date', e.target.value)}
          error={errors.date}
        />
        <TextField
          label={t('timeTaken')}
          type="time"
          value={values.time ?? ''}
          onChange={(e) => setValue('time', e.target.value)}
          error={errors.time}
        />
      </div>
    </FormDialog>
  );
}
