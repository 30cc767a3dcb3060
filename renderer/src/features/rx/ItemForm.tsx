import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dosePerKg } from '../../../../shared/domain/dose-per-kg';
import { DOSE_FORMS, ROUTES, type DoseForm } from '../../../../shared/domain/drug';
import {
  DURATION_UNITS,
  INSTRUCTIONS_MAX,
  REPEATS_MAX,
  TIMINGS,
  UNITS_BY_FORM,
  computeQuantity,
  doseLineSchema,
  doseLineSentence,
  doseSentence,
  parseFrequency,
  prescriptionItemInputSchema,
  unitWords,
  type DoseUnit,
} from '../../../../shared/domain/prescription';
import { useChannelMutation, useChannelQuery } from '../../api/channel-hooks';
import { call } from '../../api/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../forms/field-errors';
import { Notice, SelectField, TextAreaField, TextField } from '../../ui';
import {
  EMPTY_ITEM_FORM,
  controlOfFor,
  fillsForm,
  formOfFavourite,
  itemOf,
  lineOf,
  stepOf,
  type ItemFormState,
} from './item-form-state';
import { MedicineCombobox, productItemName } from './MedicineCombobox';

const INVALIDATES = ['prescriptions.list', 'prescriptions.get', 'medications.list'] as const;

/**
 * The add-medicine form of the prescription pad: one dose line typed from the keyboard (Enter adds
 * the item), read back as a sentence; "Add a step" keeps the line as a taper's step and starts the
 * next one. A favourite fills it in one step.
 */
export function ItemForm({ prescriptionId, weightKg }: { prescriptionId: string; weightKg: number | null }) {
  const { t } = useTranslation('rx');
  const [s, setS] = useState<ItemFormState>(EMPTY_ITEM_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alertsNote, setAlertsNote] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const amountField = useRef<HTMLInputElement>(null);
  const add = useChannelMutation('prescriptions.addItem', { invalidates: [...INVALIDATES] });
  useEffect(() => first.current?.focus(), []);
  const set = (patch: Partial<ItemFormState>) => setS((prev) => ({ ...prev, ...patch }));
  // The quantity computed from the dose as typed so far: the quantity field's default.
  const base = prescriptionItemInputSchema.safeParse(itemOf({ ...s, quantity: '' }));
  const computed = base.success && base.data.kind === 'structured' ? computeQuantity(base.data) : null;
  const parsed = prescriptionItemInputSchema.safeParse(itemOf(s, computed));
  const frequency = s.frequency.trim() ? parseFrequency(s.frequency) : null;
  const controlOf = controlOfFor(s.steps.length);

  // "Add a step": the line as typed is checked alone, kept as the taper's next step, and the
  // fields stay filled for the next step (usually a smaller dose): Dose has the focus.
  const addStep = () => {
    const line = doseLineSchema.safeParse(lineOf(s));
    if (!line.success) {
      setErrors(fieldErrors(line.error, (p) => controlOf(`lines.${s.steps.length}.${p}`)));
      return;
    }
    setErrors({});
    setS((prev) => ({ ...prev, steps: [...prev.steps, stepOf(prev)], durationValue: '' }));
    amountField.current?.focus();
  };
  const removeStep = (index: number) => setS((prev) => ({ ...prev, steps: prev.steps.filter((_, i) => i !== index) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAlertsNote(null);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, controlOf));
      return;
    }
    setErrors({});
    try {
      await add.mutateAsync({ prescriptionId, item: itemOf(s, computed) as never });
      setS(EMPTY_ITEM_FORM);
      first.current?.focus();
    } catch (error) {
      const fields = fieldErrors(error, controlOf);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setAlertsNote(errorMessage(error));
    }
  };

  const units = UNITS_BY_FORM[s.form];
  // For a child with a weight: the dose per kg, from the chosen product's strength in mg.
  const perKg = s.product ? dosePerKg(Number(s.amount), s.unit as DoseUnit, s.product.ingredients, weightKg) : [];
  const perKgHint =
    perKg.length === 1
      ? t('item.perKg', { value: perKg[0]!.mgPerKg })
      : perKg.map((p) => t('item.perKgOf', { value: p.mgPerKg, name: p.name })).join('; ') || undefined;
  const favourites = useChannelQuery('prescriptions.favourites', {});
  const usable = (favourites.data ?? []).filter(fillsForm);
  const fillFromFavourite = (id: string) => {
    const fav = usable.find((f) => f.id === id);
    if (!fav) return;
    const next = formOfFavourite(fav);
    setS(next);
    setErrors({});
    first.current?.focus();
    // Show the favourite's product as chosen (its form and ingredients are checked by main either way).
    if (next.productId) {
      const productId = next.productId;
      void call('rx.drugs.search', { text: next.name.replace(/^.*\((.*)\)$/, '$1'), limit: 10 })
        .then((found) => {
          const product = found.find((p) => p.id === productId);
          if (product) setS((prev) => (prev.productId === productId ? { ...prev, product } : prev));
        })
        .catch(() => undefined);
    }
  };
  return (
    <form className="rx-item-form" onSubmit={(e) => void submit(e)} aria-label={t('item.legend')}>
      {usable.length > 0 && (
        <div className="rx-item-form__wide">
          <SelectField
            label={t('favourite.choose')}
            value=""
            hint={t('favourite.chooseHint')}
            options={[
              { value: '', label: t('favourite.none') },
              ...usable.map((f) => ({ value: f.id, label: `${f.label}: ${f.item.name}, ${f.sentence}` })),
            ]}
            onChange={(e) => fillFromFavourite(e.target.value)}
          />
        </div>
      )}
      <MedicineCombobox
        inputRef={first}
        text={s.name}
        product={s.product}
        onText={(name) => set({ name, product: null, productId: null })}
        onChoose={(product) => {
          // A product fills its name, form (so the units fit) and route; null keeps the words as typed.
          if (product)
            set({
              product,
              productId: product.id,
              name: productItemName(product),
              form: product.form,
              unit: UNITS_BY_FORM[product.form][0]!,
              route: product.route,
            });
          else set({ product: null, productId: null });
        }}
        error={errors.name ?? errors.productId}
      />
      <SelectField
        label={t('item.form')}
        value={s.form}
        error={errors.form}
        options={DOSE_FORMS.map((f) => ({ value: f, label: f }))}
        onChange={(e) => {
          const form = e.target.value as DoseForm;
          set({ form, unit: UNITS_BY_FORM[form][0]! });
        }}
      />
      {s.steps.length > 0 && (
        <div className="rx-item-form__wide">
          <ol className="rx-steps" aria-label={t('item.steps')}>
            {s.steps.map((step, i) => {
              const line = doseLineSchema.safeParse(lineOf(step));
              return (
                <li key={i}>
                  {t('item.step', { n: i + 1, dose: line.success ? doseLineSentence(line.data) : '' })}{' '}
                  <button type="button" aria-label={t('item.removeStep', { n: i + 1 })} onClick={() => removeStep(i)}>
                    ×
                  </button>
                </li>
              );
            })}
          </ol>
          {errors.steps && (
            <p className="field__error" role="alert">
              {errors.steps}
            </p>
          )}
          <p className="rx-steps__next">{t('item.nextStep', { n: s.steps.length + 1 })}</p>
        </div>
      )}
      <TextField
        ref={amountField}
        label={t('item.amount')}
        inputMode="decimal"
        value={s.amount}
        hint={perKgHint}
        onChange={(e) => set({ amount: e.target.value })}
        error={errors.amount}
      />
      <SelectField
        label={t('item.unit')}
        value={s.unit}
        options={units.map((u) => ({ value: u, label: u }))}
        onChange={(e) => set({ unit: e.target.value })}
        error={errors.unit}
      />
      <SelectField
        label={t('item.route')}
        value={s.route}
        options={ROUTES.map((r) => ({ value: r, label: r }))}
        onChange={(e) => set({ route: e.target.value })}
      />
      <TextField
        label={t('item.frequency')}
        value={s.frequency}
        hint={t('item.frequencyHint')}
        onChange={(e) => set({ frequency: e.target.value })}
        error={errors.frequency ?? (frequency && !frequency.ok ? frequency.message : undefined)}
      />
      <SelectField
        label={t('item.timing')}
        value={s.timing}
        options={TIMINGS.map((v) => ({ value: v, label: t(`item.timings.${v}`) }))}
        onChange={(e) => set({ timing: e.target.value })}
      />
      <TextField
        label={t('item.duration')}
        inputMode="numeric"
        value={s.durationValue}
        hint={t('item.noDuration')}
        onChange={(e) => set({ durationValue: e.target.value })}
        error={errors.durationValue}
      />
      <SelectField
        label={t('item.durationUnit')}
        value={s.durationUnit}
        options={DURATION_UNITS.map((v) => ({ value: v, label: t(`item.durationUnits.${v}`) }))}
        onChange={(e) => set({ durationUnit: e.target.value })}
      />
      <TextField
        label={t('item.quantity')}
        inputMode="decimal"
        value={s.quantity}
        placeholder={computed ? String(computed.value) : ''}
        hint={computed ? t('item.quantityComputed', computed) : t('item.quantityNotComputed')}
        onChange={(e) => set({ quantity: e.target.value })}
        error={errors.quantity}
      />
      <TextField
        label={t('item.quantityUnit')}
        value={s.quantityUnit}
        placeholder={computed?.unit ?? unitWords(s.unit as DoseUnit, 2)}
        onChange={(e) => set({ quantityUnit: e.target.value })}
        error={errors.quantityUnit}
      />
      <SelectField
        label={t('item.repeats')}
        value={s.repeats}
        options={Array.from({ length: REPEATS_MAX + 1 }, (_, n) => ({ value: String(n), label: String(n) }))}
        onChange={(e) => set({ repeats: e.target.value })}
        error={errors.repeats}
      />
      <div className="rx-item-form__wide">
        <TextAreaField
          label={t('item.instructions')}
          rows={2}
          value={s.instructions}
          limit={INSTRUCTIONS_MAX}
          onChange={(e) => set({ instructions: e.target.value })}
          error={errors.instructions}
        />
      </div>
      {parsed.success && (
        <p className="rx-readback" aria-live="polite">
          {t('item.readBack', { sentence: doseSentence(parsed.data) })}
        </p>
      )}
      {alertsNote && <Notice tone="error">{alertsNote}</Notice>}
      <button type="submit" disabled={add.isPending}>
        {t('item.add')}
      </button>
      <button type="button" onClick={addStep}>
        {t('item.addStep')}
      </button>
    </form>
  );
}
