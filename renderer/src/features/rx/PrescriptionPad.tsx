import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dosePerKg } from '../../../../shared/domain/dose-per-kg';
import { DOSE_FORMS, ROUTES, type DoseForm, type DrugProduct } from '../../../../shared/domain/drug';
import {
  DURATION_UNITS,
  INSTRUCTIONS_MAX,
  REPEATS_MAX,
  TIMINGS,
  UNITS_BY_FORM,
  FAVOURITE_LABEL_MAX,
  computeQuantity,
  doseSentence,
  frequencyWords,
  parseFrequency,
  prescriptionItemInputSchema,
  unitWords,
  type Prescription,
  type DoseUnit,
  type Favourite,
  type Frequency,
  type PrescriptionItem,
  type Quantity,
} from '../../../../shared/domain/prescription';
import { useChannelMutation, useChannelQuery } from '../../api/channel-hooks';
import { call } from '../../api/client';
import { useDateFormat } from '../../format/use-date-format';
import { errorMessage, fieldErrors, type FieldErrors } from '../../forms/field-errors';
import { Notice, SelectField, TextAreaField, TextField } from '../../ui';
import './rx.css';
import { PrintPrescriptionButton } from './print/PrintPrescriptionButton';
import { MedicineCombobox, productItemName } from './MedicineCombobox';

const INVALIDATES = ['prescriptions.list', 'prescriptions.get', 'medications.list'] as const;

/**
 * The prescription pad in the visit (issue 10): a draft's items typed from the keyboard (Enter adds
 * one), each read back as a sentence, the safety alerts under it with a reason to go on where one
 * is needed, then Sign. Alt+P starts a prescription, Alt+R repeats the last one, Alt+C renews the
 * chronic medicines prescribed here.
 */
export function PrescriptionPad({ visitId, patientId }: { visitId: string; patientId: string }) {
  const { t } = useTranslation('rx');
  const format = useDateFormat();
  const [rxId, setRxId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const list = useChannelQuery('prescriptions.list', { patientId });
  const context = useChannelQuery('prescriptions.patientContext', { patientId });
  const openDraft = list.data?.find((p) => p.status === 'draft' && p.visitId === visitId);
  const currentId = rxId ?? openDraft?.id ?? null;
  const create = useChannelMutation('prescriptions.createDraft', { invalidates: [...INVALIDATES] });
  const repeat = useChannelMutation('prescriptions.repeatLast', { invalidates: [...INVALIDATES] });
  const renew = useChannelMutation('prescriptions.renewChronic', { invalidates: [...INVALIDATES] });

  const start = async (how: 'new' | 'repeat' | 'renew') => {
    setFailure(null);
    try {
      const mutation = how === 'new' ? create : how === 'repeat' ? repeat : renew;
      const rx = await mutation.mutateAsync({ visitId });
      setRxId(rx.id);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  // One key each, wherever the focus is in the chart while the visit is open.
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
      const how = e.code === 'KeyP' ? 'new' : e.code === 'KeyR' ? 'repeat' : e.code === 'KeyC' ? 'renew' : null;
      if (!how) return;
      e.preventDefault();
      void start(how);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  const ctx = context.data;
  return (
    <section className="rx-pad" aria-label={t('pad.label')}>
      <div className="rx-pad__header">
        <h4>{t('pad.title')}</h4>
        <button type="button" aria-keyshortcuts="Alt+P" onClick={() => void start('new')}>
          {t('pad.new')}
        </button>
        <button type="button" aria-keyshortcuts="Alt+R" onClick={() => void start('repeat')}>
          {t('pad.repeatLast')}
        </button>
        <button type="button" aria-keyshortcuts="Alt+C" onClick={() => void start('renew')}>
          {t('pad.renewChronic')}
        </button>
        <span className="rx-pad__keys">{t('pad.keys')}</span>
      </div>
      {ctx?.isChild && (
        <Notice tone="info">
          {ctx.weightKg !== null && ctx.weighedAt
            ? t('pad.childWeight', { age: ctx.ageYears, weight: ctx.weightKg, when: format.dateTime(ctx.weighedAt) })
            : t('pad.childNoWeight', { age: ctx.ageYears })}
        </Notice>
      )}
      {failure && <Notice tone="error">{failure}</Notice>}
      {currentId && <PrescriptionDraft key={currentId} id={currentId} weightKg={ctx?.isChild ? ctx.weightKg : null} />}
    </section>
  );
}

/** weightKg: a child's latest weight (mg/kg help), else null. */
function PrescriptionDraft({ id, weightKg }: { id: string; weightKg: number | null }) {
  const { t } = useTranslation('rx');
  const query = useChannelQuery('prescriptions.get', { id });
  const [signedNote, setSignedNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [signErrors, setSignErrors] = useState<FieldErrors>({});
  const sign = useChannelMutation('prescriptions.sign', { invalidates: [...INVALIDATES] });
  const rx = query.data;
  if (!rx) return null;

  const signNow = async () => {
    setFailure(null);
    setSignErrors({});
    try {
      const signed = await sign.mutateAsync({ id: rx.id, version: rx.version });
      setSignedNote(t('pad.signed', { number: signed.number }));
    } catch (error) {
      setFailure(errorMessage(error));
      setSignErrors(fieldErrors(error));
    }
  };

  return (
    <div className="rx-draft">
      {rx.status === 'signed' && <p className="rx-draft__status">{t('pad.signedAs', { number: rx.number })}</p>}
      {rx.status === 'cancelled' && (
        <p className="rx-draft__status">{t('pad.cancelled', { reason: rx.cancelReason })}</p>
      )}
      {signedNote && <Notice tone="success">{signedNote}</Notice>}
      <PrintPrescriptionButton prescriptionId={rx.id} number={rx.number} status={rx.status} />
      <ol className="rx-items" aria-label={t('pad.items')}>
        {rx.items.map((item) => (
          <ItemRow
            key={item.id}
            rx={rx}
            item={item}
            error={item.needsOverride.length > 0 ? signErrors[`items.${item.position}`] : undefined}
          />
        ))}
      </ol>
      {rx.items.length === 0 && <p>{t('pad.noItems')}</p>}
      {rx.status === 'draft' && (
        <>
          <ItemForm prescriptionId={rx.id} weightKg={weightKg} />
          {failure && <Notice tone="error">{failure}</Notice>}
          <button type="button" className="primary" onClick={() => void signNow()} disabled={sign.isPending}>
            {t('pad.sign')}
          </button>
        </>
      )}
    </div>
  );
}

function ItemRow({ rx, item, error }: { rx: Prescription; item: PrescriptionItem; error: string | undefined }) {
  const { t } = useTranslation('rx');
  const remove = useChannelMutation('prescriptions.removeItem', { invalidates: [...INVALIDATES] });
  const draft = rx.status === 'draft';
  return (
    <li className="rx-item">
      <div className="rx-item__line">
        <strong>{item.item.name}</strong> <span>{item.sentence}</span>
        {draft && (
          <button
            type="button"
            aria-label={t('pad.remove', { name: item.item.name })}
            onClick={() => void remove.mutateAsync({ itemId: item.id, version: item.version })}
          >
            ×
          </button>
        )}
      </div>
      <ItemExtras item={item} />
      <SaveFavourite item={item} />
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <ul className="rx-alerts">
        {item.alerts.map((a) => {
          const done = item.overrides.find((o) => o.ruleId === a.ruleId);
          return (
            <li key={`${a.ruleId}-${a.against ?? ''}`} className={`rx-alert rx-alert--${a.severity}`}>
              <span className="rx-alert__severity">{t(`alert.${a.severity}`)}</span> {a.message}
              {done && <span> · {t('alert.overridden', { reason: done.reason })}</span>}
              {draft && !done && a.severity === 'interrupt' && <OverrideForm itemId={item.id} ruleId={a.ruleId} />}
            </li>
          );
        })}
        {!draft &&
          item.overrides.map((o) => (
            <li key={o.id} className="rx-alert rx-alert--interrupt">
              {o.message} · {t('alert.overridden', { reason: o.reason })}
            </li>
          ))}
      </ul>
    </li>
  );
}

/** Quantity, repeats and instructions of an item, under its sentence. */
function ItemExtras({ item }: { item: PrescriptionItem }) {
  const { t } = useTranslation('rx');
  const it = item.item;
  const parts = [
    it.quantity ? t('row.quantity', { value: it.quantity.value, unit: it.quantity.unit }) : t('row.noQuantity'),
    t('row.repeats', { count: it.repeats }),
  ];
  const instructions = it.kind === 'structured' ? it.instructions : '';
  return (
    <div className="rx-item__extras">
      <span>{parts.join(' · ')}</span>
      {instructions && <p className="rx-item__instructions">{t('row.instructions', { text: instructions })}</p>}
    </div>
  );
}

/** "Save as favourite" on an added item: asks a label, then keeps the regimen as the doctor's own. */
function SaveFavourite({ item }: { item: PrescriptionItem }) {
  const { t } = useTranslation('rx');
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  const save = useChannelMutation('prescriptions.saveFavourite', { invalidates: ['prescriptions.favourites'] });
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const fav = await save.mutateAsync({ label, item: item.item });
      setSaved(t('favourite.saved', { label: fav.label }));
      setOpen(false);
      setLabel('');
    } catch (err) {
      setError(fieldErrors(err).label ?? errorMessage(err));
    }
  };
  if (!open)
    return (
      <div className="rx-item__favourite">
        <button
          type="button"
          aria-label={t('favourite.saveFor', { name: item.item.name })}
          onClick={() => {
            setSaved(null);
            setLabel(item.item.name);
            setOpen(true);
          }}
        >
          {t('favourite.save')}
        </button>
        {saved && <span role="status"> {saved}</span>}
      </div>
    );
  return (
    <form
      className="rx-override"
      aria-label={t('favourite.formFor', { name: item.item.name })}
      onSubmit={(e) => void submit(e)}
    >
      <TextField
        ref={field}
        label={t('favourite.label')}
        value={label}
        limit={FAVOURITE_LABEL_MAX}
        onChange={(e) => setLabel(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
        error={error}
      />
      <button type="submit" disabled={save.isPending}>
        {t('favourite.keep')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('favourite.cancel')}
      </button>
    </form>
  );
}

function OverrideForm({ itemId, ruleId }: { itemId: string; ruleId: string }) {
  const { t } = useTranslation('rx');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const keep = useChannelMutation('prescriptions.overrideAlert', { invalidates: [...INVALIDATES] });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await keep.mutateAsync({ itemId, ruleId, reason });
    } catch (err) {
      setError(fieldErrors(err).reason ?? errorMessage(err));
    }
  };
  return (
    <form className="rx-override" onSubmit={(e) => void submit(e)}>
      <TextField
        label={t('alert.reason', { rule: ruleId })}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={error}
      />
      <button type="submit">{t('alert.keep')}</button>
    </form>
  );
}

interface ItemFormState {
  /** The product chosen in the medicine search; null: the medicine is free text. */
  product: DrugProduct | null;
  /** The product's id: from the search, or from a favourite (whose product is looked up for show). */
  productId: string | null;
  name: string;
  form: DoseForm;
  amount: string;
  unit: string;
  route: string;
  frequency: string;
  timing: string;
  durationValue: string;
  durationUnit: string;
  /** Empty: the quantity computed from the dose (sent as null, main computes the same). */
  quantity: string;
  /** Empty: what the computed quantity counts, or the dose unit. */
  quantityUnit: string;
  repeats: string;
  instructions: string;
}

const EMPTY: ItemFormState = {
  product: null,
  productId: null,
  name: '',
  form: 'tablet',
  amount: '1',
  unit: 'tablet',
  route: 'oral',
  frequency: '',
  timing: 'none',
  durationValue: '',
  durationUnit: 'days',
  quantity: '',
  quantityUnit: '',
  repeats: '0',
  instructions: '',
};

/** The quantity the doctor typed; null (empty field) means computed from the dose. */
function quantityOf(s: ItemFormState, computed: Quantity | null) {
  if (s.quantity.trim() === '') return null;
  const value = Number(s.quantity);
  const unit = s.quantityUnit.trim() || computed?.unit || s.unit;
  return { value, unit };
}

function itemOf(s: ItemFormState, computed: Quantity | null = null) {
  return {
    kind: 'structured' as const,
    productId: s.productId,
    name: s.name,
    form: s.form,
    route: s.route,
    lines: [
      {
        amount: s.amount.trim() === '' ? Number.NaN : Number(s.amount),
        unit: s.unit,
        frequency: s.frequency,
        timing: s.timing,
        duration: s.durationValue.trim() === '' ? null : { value: Number(s.durationValue), unit: s.durationUnit },
      },
    ],
    quantity: quantityOf(s, computed),
    repeats: s.repeats.trim() === '' ? Number.NaN : Number(s.repeats),
    instructions: s.instructions,
  };
}

/** Form path from main's or zod's ("item.lines.0.amount") to this form's control. */
function controlOf(path: string): string {
  const p = path.replace(/^item\./, '');
  if (p.startsWith('lines.0.duration')) return 'durationValue';
  if (p === 'quantity.unit') return 'quantityUnit';
  if (p.startsWith('lines.0.')) return p.slice('lines.0.'.length).split('.')[0]!;
  return p.split('.')[0]!;
}

function ItemForm({ prescriptionId, weightKg }: { prescriptionId: string; weightKg: number | null }) {
  const { t } = useTranslation('rx');
  const [s, setS] = useState<ItemFormState>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alertsNote, setAlertsNote] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const add = useChannelMutation('prescriptions.addItem', { invalidates: [...INVALIDATES] });
  useEffect(() => first.current?.focus(), []);
  const set = (patch: Partial<ItemFormState>) => setS((prev) => ({ ...prev, ...patch }));
  // The quantity computed from the dose as typed so far: the quantity field's default.
  const base = prescriptionItemInputSchema.safeParse(itemOf({ ...s, quantity: '' }));
  const computed = base.success && base.data.kind === 'structured' ? computeQuantity(base.data) : null;
  const parsed = prescriptionItemInputSchema.safeParse(itemOf(s, computed));
  const frequency = s.frequency.trim() ? parseFrequency(s.frequency) : null;

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
      setS(EMPTY);
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
      <TextField
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
    </form>
  );
}

/** The add form holds one structured dose line; a taper or free-text favourite does not fit it. */
function fillsForm(fav: Favourite): boolean {
  return fav.item.kind === 'structured' && fav.item.lines.length === 1;
}

/** A frequency as text the form's parser reads back to the same frequency. */
function frequencyText(f: Frequency): string {
  switch (f.kind) {
    case 'every-hours':
      return `every ${f.hours} hours`;
    case 'as-needed':
      return `as needed for ${f.reason}`;
    default:
      return frequencyWords(f);
  }
}

/** The add form filled from a favourite in one step; a quantity equal to the computed one stays computed. */
function formOfFavourite(fav: Favourite): ItemFormState {
  const item = fav.item;
  if (item.kind !== 'structured' || !item.lines[0]) return EMPTY;
  const line = item.lines[0];
  const form = item.form ?? DOSE_FORMS.find((f) => UNITS_BY_FORM[f].includes(line.unit)) ?? 'tablet';
  const computed = computeQuantity(item);
  const sameAsComputed =
    item.quantity === null ||
    (computed !== null && computed.value === item.quantity.value && computed.unit === item.quantity.unit);
  return {
    product: null,
    productId: item.productId,
    name: item.name,
    form,
    amount: String(line.amount),
    unit: line.unit,
    route: item.route,
    frequency: frequencyText(line.frequency),
    timing: line.timing,
    durationValue: line.duration ? String(line.duration.value) : '',
    durationUnit: line.duration?.unit ?? 'days',
    quantity: sameAsComputed || !item.quantity ? '' : String(item.quantity.value),
    quantityUnit: sameAsComputed || !item.quantity ? '' : item.quantity.unit,
    repeats: String(item.repeats),
    instructions: item.instructions,
  };
}
