import { DOSE_FORMS, type DoseForm, type DrugProduct } from '../../../../shared/domain/drug';
import {
  UNITS_BY_FORM,
  computeQuantity,
  frequencyWords,
  type Favourite,
  type Frequency,
  type Quantity,
} from '../../../../shared/domain/prescription';

/** One dose line as typed: a regular item has one, a taper one per step (issue 10, part 2). */
export interface StepState {
  amount: string;
  unit: string;
  frequency: string;
  timing: string;
  durationValue: string;
  durationUnit: string;
}

/** The add-medicine form: the steps already kept (a taper) and the line being typed. */
export interface ItemFormState extends StepState {
  /** The product chosen in the medicine search; null: the medicine is free text. */
  product: DrugProduct | null;
  /** The product's id: from the search, or from a favourite (whose product is looked up for show). */
  productId: string | null;
  name: string;
  form: DoseForm;
  route: string;
  /** A taper's earlier steps, in the order taken; the fields above are the next step. */
  steps: StepState[];
  /** Empty: the quantity computed from the dose (sent as null, main computes the same). */
  quantity: string;
  /** Empty: what the computed quantity counts, or the dose unit. */
  quantityUnit: string;
  repeats: string;
  instructions: string;
}

export const EMPTY_ITEM_FORM: ItemFormState = {
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
  steps: [],
  quantity: '',
  quantityUnit: '',
  repeats: '0',
  instructions: '',
};

/** The step fields of a form state (what "Add a step" keeps). */
export function stepOf(s: StepState): StepState {
  const { amount, unit, frequency, timing, durationValue, durationUnit } = s;
  return { amount, unit, frequency, timing, durationValue, durationUnit };
}

/** The quantity the doctor typed; null (empty field) means computed from the dose. */
function quantityOf(s: ItemFormState, computed: Quantity | null) {
  if (s.quantity.trim() === '') return null;
  const value = Number(s.quantity);
  const unit = s.quantityUnit.trim() || computed?.unit || s.unit;
  return { value, unit };
}

export function lineOf(s: StepState) {
  return {
    amount: s.amount.trim() === '' ? Number.NaN : Number(s.amount),
    unit: s.unit,
    frequency: s.frequency,
    timing: s.timing,
    duration: s.durationValue.trim() === '' ? null : { value: Number(s.durationValue), unit: s.durationUnit },
  };
}

/** The item as the contract takes it: the kept steps, then the line being typed. */
export function itemOf(s: ItemFormState, computed: Quantity | null = null) {
  return {
    kind: 'structured' as const,
    productId: s.productId,
    name: s.name,
    form: s.form,
    route: s.route,
    lines: [...s.steps.map(lineOf), lineOf(s)],
    quantity: quantityOf(s, computed),
    repeats: s.repeats.trim() === '' ? Number.NaN : Number(s.repeats),
    instructions: s.instructions,
  };
}

/**
 * Form path from main's or zod's ("item.lines.0.amount") to this form's control: the line being
 * typed is the last one (after the kept steps); an error in a kept step is shown on the steps.
 */
export function controlOfFor(steps: number) {
  return (path: string): string => {
    const p = path.replace(/^item\./, '');
    const line = /^lines\.(\d+)\.(.*)$/.exec(p);
    if (line) {
      if (Number(line[1]) !== steps) return 'steps';
      const rest = line[2]!;
      return rest.startsWith('duration') ? 'durationValue' : rest.split('.')[0]!;
    }
    if (p === 'quantity.unit') return 'quantityUnit';
    return p.split('.')[0]!;
  };
}

/** A frequency as text the form's parser reads back to the same frequency (a PRN keeps its most a day). */
export function frequencyText(f: Frequency): string {
  switch (f.kind) {
    case 'every-hours':
      return `every ${f.hours} hours`;
    case 'as-needed':
      return f.maxPerDay === null
        ? `as needed for ${f.reason}`
        : `as needed for ${f.reason}, at most ${f.maxPerDay} a day`;
    default:
      return frequencyWords(f);
  }
}

/** A favourite fills the form when it is structured (a taper's steps fill the kept steps). */
export function fillsForm(fav: Favourite): boolean {
  return fav.item.kind === 'structured' && fav.item.lines.length >= 1;
}

/** The add form filled from a favourite in one step; a quantity equal to the computed one stays computed. */
export function formOfFavourite(fav: Favourite): ItemFormState {
  const item = fav.item;
  if (item.kind !== 'structured' || item.lines.length === 0) return EMPTY_ITEM_FORM;
  const steps: StepState[] = item.lines.map((line) => ({
    amount: String(line.amount),
    unit: line.unit,
    frequency: frequencyText(line.frequency),
    timing: line.timing,
    durationValue: line.duration ? String(line.duration.value) : '',
    durationUnit: line.duration?.unit ?? 'days',
  }));
  const last = steps.pop()!;
  const firstUnit = item.lines[0]!.unit;
  const form = item.form ?? DOSE_FORMS.find((f) => UNITS_BY_FORM[f].includes(firstUnit)) ?? 'tablet';
  const computed = computeQuantity(item);
  const sameAsComputed =
    item.quantity === null ||
    (computed !== null && computed.value === item.quantity.value && computed.unit === item.quantity.unit);
  return {
    product: null,
    productId: item.productId,
    name: item.name,
    form,
    route: item.route,
    ...last,
    steps,
    quantity: sameAsComputed || !item.quantity ? '' : String(item.quantity.value),
    quantityUnit: sameAsComputed || !item.quantity ? '' : item.quantity.unit,
    repeats: String(item.repeats),
    instructions: item.instructions,
  };
}
