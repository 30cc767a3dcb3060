import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOSE_FORMS, ROUTES } from '../../../../shared/domain/drug';
import { STRENGTH_UNITS, type FormularyEntry } from '../../../../shared/domain/formulary';
import { useChannelMutation } from '../../api/channel-hooks';
import { errorMessage, fieldErrors, type FieldErrors } from '../../forms/field-errors';
import { FormDialog, Notice, SelectField, TextAreaField, TextField } from '../../ui';

interface EditFormularyProductProps {
  entry: FormularyEntry;
  onClose: () => void;
  onSaved: (brand: string) => void;
}

interface IngredientState {
  ingredientId: string;
  name: string;
  strength: string;
  unit: string;
}

/**
 * Edits a clinic product of the formulary: its brand name, form, route, each ingredient's strength
 * and the note. The ingredients themselves stay (a different medicine is a new product). Main checks
 * it all again and refuses a brand already listed; what was typed stays on a refusal.
 */
export function EditFormularyProduct({ entry, onClose, onSaved }: EditFormularyProductProps) {
  const { t } = useTranslation('drugs');
  const p = entry.product;
  const [brand, setBrand] = useState(p.brand ?? '');
  const [form, setForm] = useState<string>(p.form);
  const [route, setRoute] = useState<string>(p.route);
  const [note, setNote] = useState(entry.note);
  const [ingredients, setIngredients] = useState<IngredientState[]>(
    p.ingredients.map((i) => ({
      ingredientId: i.id,
      name: i.name,
      strength: String(i.strength),
      unit: i.strengthUnit,
    })),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState('');
  const update = useChannelMutation('rx.formulary.update', { invalidates: ['rx.formulary.list', 'rx.drugs.search'] });

  // A changed value drops its own error (main checks it again on save).
  const clear = (key: string) =>
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => k !== key)));
  const setIngredient = (n: number, patch: Partial<IngredientState>) => {
    for (const field of Object.keys(patch)) clear(`ingredients.${n}.${field}`);
    setIngredients((prev) => prev.map((i, k) => (k === n ? { ...i, ...patch } : i)));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure('');
    try {
      const saved = await update.mutateAsync({
        id: entry.id,
        version: entry.version,
        product: {
          brand,
          form: form as (typeof DOSE_FORMS)[number],
          route: route as (typeof ROUTES)[number],
          ingredients: ingredients.map((i) => ({
            ingredientId: i.ingredientId,
            strength: i.strength.trim() === '' ? Number.NaN : Number(i.strength),
            unit: i.unit,
          })),
          note,
        },
      });
      setErrors({});
      onSaved(saved.product.brand ?? brand);
    } catch (error) {
      const fields = fieldErrors(error, (path) => path.replace(/^product\./, ''));
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(errorMessage(error));
    }
  }

  const units = (current: string) =>
    STRENGTH_UNITS.includes(current as never) ? STRENGTH_UNITS : [current, ...STRENGTH_UNITS];
  return (
    <FormDialog
      title={t('edit.title', { brand: p.brand })}
      onClose={onClose}
      onSubmit={(e) => void submit(e)}
      submitLabel={t('edit.save')}
      cancelLabel={t('edit.cancel')}
      busy={update.isPending}
      className="admin-form"
      primary
    >
      <TextField
        label={t('add.brand')}
        value={brand}
        error={errors.brand}
        onChange={(e) => {
          clear('brand');
          setBrand(e.target.value);
        }}
      />
      <SelectField
        label={t('edit.form')}
        value={form}
        error={errors.form}
        options={DOSE_FORMS.map((f) => ({ value: f, label: f }))}
        onChange={(e) => setForm(e.target.value)}
      />
      <SelectField
        label={t('edit.route')}
        value={route}
        error={errors.route}
        options={ROUTES.map((r) => ({ value: r, label: r }))}
        onChange={(e) => setRoute(e.target.value)}
      />
      {ingredients.map((i, n) => (
        <fieldset key={i.ingredientId}>
          <legend>{i.name}</legend>
          <TextField
            label={t('edit.strength', { name: i.name })}
            inputMode="decimal"
            value={i.strength}
            error={errors[`ingredients.${n}.strength`]}
            onChange={(e) => setIngredient(n, { strength: e.target.value })}
          />
          <SelectField
            label={t('edit.unit', { name: i.name })}
            value={i.unit}
            error={errors[`ingredients.${n}.unit`]}
            options={units(i.unit).map((u) => ({ value: u, label: u }))}
            onChange={(e) => setIngredient(n, { unit: e.target.value })}
          />
        </fieldset>
      ))}
      <TextAreaField
        label={t('edit.note')}
        rows={2}
        limit={500}
        value={note}
        error={errors.note}
        onChange={(e) => setNote(e.target.value)}
      />
      {(failure || errors.ingredients) && <Notice tone="error">{failure || errors.ingredients}</Notice>}
    </FormDialog>
  );
}
