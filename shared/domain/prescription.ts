import { z } from 'zod';
import { lineText, multilineText } from '../plain-text';
import { optionalText } from './common';
import { DOSE_FORMS, ROUTES, type DoseForm } from './drug';

/**
 * The dose model of one prescription item (issue 10, part 2). Structured enough to read back as a
 * plain sentence, compute a quantity, be checked by the safety engine and map to a FHIR Dosage;
 * free text when the structure does not fit. A taper is several dose lines, taken one after another.
 * Pure: the renderer reads the same sentence back that the printout and the service use.
 */

// ---------------------------------------------------------------------------------------------
// Units and the forms they fit
// ---------------------------------------------------------------------------------------------

export const DOSE_UNITS = [
  'tablet',
  'capsule',
  'mL',
  'puff',
  'drop',
  'application',
  'unit',
  'suppository',
  'patch',
  'sachet',
  'spray',
  'g',
  'mg',
  'mcg',
] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];

/** The units a dose of each form may be written in (the first is the usual one). */
export const UNITS_BY_FORM: Record<DoseForm, readonly DoseUnit[]> = {
  tablet: ['tablet'],
  capsule: ['capsule'],
  syrup: ['mL'],
  suspension: ['mL'],
  solution: ['mL', 'drop'],
  drops: ['drop', 'mL'],
  injection: ['mL', 'unit', 'mg', 'mcg'],
  cream: ['application', 'g'],
  ointment: ['application', 'g'],
  gel: ['application', 'g'],
  lotion: ['application', 'mL'],
  inhaler: ['puff'],
  'nebuliser solution': ['mL'],
  suppository: ['suppository'],
  patch: ['patch'],
  powder: ['sachet', 'g'],
  spray: ['spray'],
};

/** Units counted whole when dispensed (a quantity of these is rounded up). */
const COUNTED_UNITS: ReadonlySet<DoseUnit> = new Set(['tablet', 'capsule', 'suppository', 'patch', 'sachet']);
/** Units whose total is a meaningful quantity to dispense (others: the doctor writes it, e.g. "1 inhaler"). */
const QUANTITY_UNITS: ReadonlySet<DoseUnit> = new Set([...COUNTED_UNITS, 'mL', 'unit']);

export function unitFitsForm(unit: DoseUnit, form: DoseForm): boolean {
  return UNITS_BY_FORM[form].includes(unit);
}

// ---------------------------------------------------------------------------------------------
// Frequency, timing, duration
// ---------------------------------------------------------------------------------------------

export const TIMINGS = ['none', 'before-food', 'after-food', 'bedtime'] as const;
export type Timing = (typeof TIMINGS)[number];

export const DURATION_UNITS = ['days', 'weeks', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const AS_NEEDED_REASON_MAX = 100;

export const frequencySchema = z.discriminatedUnion(
  'kind',
  [
    /** A single dose. */
    z.strictObject({ kind: z.literal('once') }),
    /** Once to four times a day. */
    z.strictObject({
      kind: z.literal('daily'),
      times: z
        .number({ message: 'Say how many times a day (1 to 4)' })
        .int({ message: 'Times a day must be a whole number (1 to 4)' })
        .min(1, { message: 'Times a day must be 1 to 4' })
        .max(4, { message: 'Times a day must be 1 to 4; for more, write every N hours' }),
    }),
    z.strictObject({
      kind: z.literal('every-hours'),
      hours: z
        .number({ message: 'Say every how many hours (1 to 72)' })
        .int({ message: 'Every N hours must be a whole number of hours' })
        .min(1, { message: 'Every N hours must be at least every hour' })
        .max(72, { message: 'Every N hours must be at most every 72 hours; for longer, write weekly' }),
    }),
    z.strictObject({ kind: z.literal('weekly') }),
    /** As needed, with the reason (required) and optionally the most doses a day. */
    z.strictObject({
      kind: z.literal('as-needed'),
      reason: lineText('Reason')
        .trim()
        .min(1, { message: 'Say what it is needed for (e.g. pain)' })
        .max(AS_NEEDED_REASON_MAX, { message: `The reason must be at most ${AS_NEEDED_REASON_MAX} characters` }),
      maxPerDay: z
        .number()
        .int({ message: 'Most doses a day must be a whole number' })
        .min(1, { message: 'Most doses a day must be at least 1' })
        .max(24, { message: 'Most doses a day must be at most 24' })
        .nullable()
        .default(null),
    }),
  ],
  { message: 'Choose a frequency: once, 1 to 4 times a day, every N hours, weekly or as needed' },
);
export type Frequency = z.output<typeof frequencySchema>;

export const durationSchema = z.strictObject({
  value: z
    .number({ message: 'Enter the duration as a number' })
    .int({ message: 'The duration must be a whole number' })
    .min(1, { message: 'The duration must be at least 1 (leave it empty for no fixed end)' })
    .max(366, { message: 'The duration must be at most 366' }),
  unit: z.enum(DURATION_UNITS, { message: 'Choose days, weeks or months' }),
});
export type Duration = z.output<typeof durationSchema>;

const DAYS_PER: Record<DurationUnit, number> = { days: 1, weeks: 7, months: 30 };

export function durationDays(duration: Duration): number {
  return duration.value * DAYS_PER[duration.unit];
}

// ---------------------------------------------------------------------------------------------
// Reading frequency text ("bd", "twice a day", "every 8 hours", "prn pain")
// ---------------------------------------------------------------------------------------------

export type ParsedFrequency = { ok: true; value: Frequency } | { ok: false; message: string };

const DAILY_WORDS: Record<string, number> = {
  od: 1,
  qd: 1,
  daily: 1,
  'once daily': 1,
  'once a day': 1,
  'once per day': 1,
  bd: 2,
  bid: 2,
  'twice daily': 2,
  'twice a day': 2,
  'two times a day': 2,
  tds: 3,
  tid: 3,
  'three times a day': 3,
  'three times daily': 3,
  qds: 4,
  qid: 4,
  'four times a day': 4,
  'four times daily': 4,
};

export const FREQUENCY_HELP =
  'e.g. "twice a day", "bd", "every 8 hours", "weekly", "once" or "as needed for pain" (", at most 4 a day")';

/** Reads what a doctor types for a frequency; anything else is refused with the forms it understands. */
export function parseFrequency(text: string): ParsedFrequency {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (t === '') return { ok: false, message: `Enter a frequency, ${FREQUENCY_HELP}` };
  const daily = DAILY_WORDS[t];
  if (daily !== undefined) return { ok: true, value: { kind: 'daily', times: daily } };
  let m = /^(\d+) times? (?:a|per) day$|^(\d+)x? ?daily$/.exec(t);
  if (m) {
    const times = Number(m[1] ?? m[2]);
    if (times >= 1 && times <= 4) return { ok: true, value: { kind: 'daily', times } };
    return { ok: false, message: `"${text.trim()}": at most 4 times a day; for more, write every N hours` };
  }
  if (t === 'once' || t === 'stat' || t === 'single dose' || t === 'once only')
    return { ok: true, value: { kind: 'once' } };
  if (t === 'weekly' || t === 'once a week' || t === 'once weekly') return { ok: true, value: { kind: 'weekly' } };
  m = /^(?:every|q) ?(\d+) ?(?:hours?|hrs?|h)$/.exec(t);
  if (m) {
    const hours = Number(m[1]);
    if (hours >= 1 && hours <= 72) return { ok: true, value: { kind: 'every-hours', hours } };
    return { ok: false, message: `"${text.trim()}": every N hours must be 1 to 72 hours` };
  }
  m = /^(?:prn|sos|as needed|when needed|as required)(?: for)? ?(.*)$/.exec(t);
  if (m) {
    // "as needed for pain, at most 4 times a day" (or "max 4 a day", "max 4/day"): the most doses a day.
    const most = /^(.*?),? (?:at most|max(?:imum)?|not more than) (\d+)(?: times?)?(?: ?(?:a|per|\/) ?day)$/.exec(
      (m[1] ?? '').trim(),
    );
    const reason = (most ? most[1]! : (m[1] ?? '')).trim();
    if (reason === '') return { ok: false, message: 'Say what it is needed for, e.g. "as needed for pain"' };
    if (reason.length > AS_NEEDED_REASON_MAX)
      return { ok: false, message: `The reason must be at most ${AS_NEEDED_REASON_MAX} characters` };
    const maxPerDay = most ? Number(most[2]) : null;
    if (maxPerDay !== null && (maxPerDay < 1 || maxPerDay > 24))
      return { ok: false, message: 'Most doses a day must be 1 to 24' };
    return { ok: true, value: { kind: 'as-needed', reason, maxPerDay } };
  }
  const shown = text.trim().length > 40 ? `${text.trim().slice(0, 40)}…` : text.trim();
  return { ok: false, message: `Could not read the frequency "${shown}": write it as ${FREQUENCY_HELP}` };
}

/**
 * A frequency as the contract takes it: the structured form, or the text a doctor typed (read by
 * parseFrequency; an unreadable one is refused with the forms understood).
 */
export const frequencyInputSchema = z.union([frequencySchema, z.string()]).transform((value, ctx): Frequency => {
  if (typeof value !== 'string') return value;
  const parsed = parseFrequency(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return parsed.value;
});

// ---------------------------------------------------------------------------------------------
// Dose lines and items
// ---------------------------------------------------------------------------------------------

export const DOSE_AMOUNT_MAX = 100_000;
export const TAPER_LINES_MAX = 12;
export const REPEATS_MAX = 12;
export const ITEM_NAME_MAX = 200;
export const FREE_TEXT_MAX = 1000;
export const INSTRUCTIONS_MAX = 500;

export const doseAmountSchema = z
  .number({ message: 'Enter the dose as a number' })
  .refine((n) => Number.isFinite(n), { message: 'Enter the dose as a number' })
  .refine((n) => n > 0, { message: 'The dose must be more than 0' })
  .refine((n) => n <= DOSE_AMOUNT_MAX, { message: `The dose must be at most ${DOSE_AMOUNT_MAX}` })
  .refine((n) => Math.abs(Math.round(n * 1000) - n * 1000) < 1e-6, {
    message: 'The dose may have at most 3 decimals',
  });

/** One step of the regimen: a regular item has one, a taper several (taken in order). */
export const doseLineSchema = z.strictObject({
  amount: doseAmountSchema,
  unit: z.enum(DOSE_UNITS, { message: 'Choose the dose unit' }),
  frequency: frequencyInputSchema,
  timing: z.enum(TIMINGS, { message: 'Choose when: before food, after food, at bedtime or none' }).default('none'),
  /** null: no fixed end (a chronic medicine, or a single dose). */
  duration: durationSchema.nullable().default(null),
});
export type DoseLine = z.output<typeof doseLineSchema>;
export type DoseLineInput = z.input<typeof doseLineSchema>;

export const quantitySchema = z.strictObject({
  value: z
    .number({ message: 'Enter the quantity as a number' })
    .refine((n) => Number.isFinite(n) && n > 0, { message: 'The quantity must be more than 0' })
    .refine((n) => n <= 100_000, { message: 'The quantity must be at most 100000' }),
  /** What is counted: "tablets", "mL", "inhaler", "tube"... */
  unit: lineText('Quantity unit')
    .trim()
    .min(1, { message: 'Say what the quantity counts (e.g. tablets, bottle, inhaler)' })
    .max(40, { message: 'The quantity unit must be at most 40 characters' }),
});
export type Quantity = z.output<typeof quantitySchema>;

const itemName = lineText('Medicine')
  .trim()
  .min(1, { message: 'Enter the medicine' })
  .max(ITEM_NAME_MAX, { message: `The medicine must be at most ${ITEM_NAME_MAX} characters` });

const repeatsSchema = z
  .number({ message: 'Enter the repeats as a number' })
  .int({ message: 'Repeats must be a whole number' })
  .min(0, { message: 'Repeats cannot be negative' })
  .max(REPEATS_MAX, { message: `At most ${REPEATS_MAX} repeats` })
  .default(0);

/** A product from the catalogue or formulary: its id and a copy of what was shown when written. */
const structuredItemSchema = z.strictObject({
  kind: z.literal('structured'),
  /** "cat:<id>" or "form:<uuid>" (DrugProduct.id); null for a medicine not in the catalogue. */
  productId: z.string().min(1).max(80).nullable().default(null),
  /** The display name copied from the product (or typed), e.g. "Amoxicillin 500 mg capsule". */
  name: itemName,
  /** The product's dose form, copied; null for a medicine not in the catalogue. */
  form: z.enum(DOSE_FORMS).nullable().default(null),
  route: z.enum(ROUTES, { message: 'Choose the route' }),
  lines: z
    .array(doseLineSchema)
    .min(1, { message: 'Enter the dose' })
    .max(TAPER_LINES_MAX, { message: `A taper has at most ${TAPER_LINES_MAX} steps` }),
  /** Computed by computeQuantity when it can be, editable; null: not stated. */
  quantity: quantitySchema.nullable().default(null),
  repeats: repeatsSchema,
  instructions: optionalText(INSTRUCTIONS_MAX, 'Instructions', { multiline: true }),
});

/** When the structure does not fit: the medicine and its directions as written. */
const freeTextItemSchema = z.strictObject({
  kind: z.literal('free'),
  productId: z.string().min(1).max(80).nullable().default(null),
  name: itemName,
  directions: multilineText('Directions')
    .trim()
    .min(1, { message: 'Write the directions' })
    .max(FREE_TEXT_MAX, { message: `The directions must be at most ${FREE_TEXT_MAX} characters` }),
  quantity: quantitySchema.nullable().default(null),
  repeats: repeatsSchema,
});

function checkUnitsFitForm(
  item: { kind: 'structured' | 'free'; form?: DoseForm | null; lines?: DoseLine[] },
  ctx: z.RefinementCtx,
) {
  if (item.kind !== 'structured' || !item.form || !item.lines) return;
  const form = item.form;
  item.lines.forEach((line, i) => {
    if (!unitFitsForm(line.unit, form)) {
      const fits = UNITS_BY_FORM[form].map((u) => unitWords(u, 2)).join(' or ');
      ctx.addIssue({
        code: 'custom',
        path: ['lines', i, 'unit'],
        message: `${/^[aeiou]/.test(form) ? 'An' : 'A'} ${form} is dosed in ${fits}, not ${unitWords(line.unit, 2)}`,
      });
    }
  });
}

export const prescriptionItemInputSchema = z
  .discriminatedUnion('kind', [structuredItemSchema, freeTextItemSchema], {
    message: 'Choose a structured dose or free text',
  })
  .superRefine(checkUnitsFitForm);
export type PrescriptionItemInput = z.output<typeof prescriptionItemInputSchema>;
export type PrescriptionItemFormInput = z.input<typeof prescriptionItemInputSchema>;
export type StructuredItem = Extract<PrescriptionItemInput, { kind: 'structured' }>;
export type FreeTextItem = Extract<PrescriptionItemInput, { kind: 'free' }>;

// ---------------------------------------------------------------------------------------------
// Quantity
// ---------------------------------------------------------------------------------------------

/** Doses a day of a frequency; null when it cannot be known (as needed without a most-per-day). */
export function dosesPerDay(frequency: Frequency): number | null {
  switch (frequency.kind) {
    case 'once':
      return null;
    case 'daily':
      return frequency.times;
    case 'every-hours':
      return 24 / frequency.hours;
    case 'weekly':
      return 1 / 7;
    case 'as-needed':
      return frequency.maxPerDay;
  }
}

function doseCount(line: DoseLine): number | null {
  if (line.frequency.kind === 'once') return 1;
  const perDay = dosesPerDay(line.frequency);
  if (perDay === null || line.duration === null) return null;
  const days = durationDays(line.duration);
  // Every N hours over D days: the doses given within those hours (at least one).
  const doses = line.frequency.kind === 'weekly' ? Math.ceil(days / 7) : Math.max(1, Math.ceil(perDay * days - 1e-9));
  return doses;
}

/**
 * What to dispense for a structured item: the sum over its lines of dose × doses. Null when it
 * cannot be computed (no duration, as needed without a most-per-day, lines in different units, or
 * a unit one does not dispense by, such as puffs or applications): the doctor writes it.
 */
export function computeQuantity(item: Pick<StructuredItem, 'lines'>): Quantity | null {
  const first = item.lines[0];
  if (!first) return null;
  const unit = first.unit;
  if (!QUANTITY_UNITS.has(unit) || item.lines.some((l) => l.unit !== unit)) return null;
  let total = 0;
  for (const line of item.lines) {
    const count = doseCount(line);
    if (count === null) return null;
    total += line.amount * count;
  }
  const value = COUNTED_UNITS.has(unit) ? Math.ceil(total - 1e-9) : Math.round(total * 1000) / 1000;
  return { value, unit: unitWords(unit, value) };
}

// ---------------------------------------------------------------------------------------------
// The dose read back in English (rx-print wraps this per language)
// ---------------------------------------------------------------------------------------------

const UNIT_WORDS: Record<DoseUnit, [string, string]> = {
  tablet: ['tablet', 'tablets'],
  capsule: ['capsule', 'capsules'],
  mL: ['mL', 'mL'],
  puff: ['puff', 'puffs'],
  drop: ['drop', 'drops'],
  application: ['application', 'applications'],
  unit: ['unit', 'units'],
  suppository: ['suppository', 'suppositories'],
  patch: ['patch', 'patches'],
  sachet: ['sachet', 'sachets'],
  spray: ['spray', 'sprays'],
  g: ['g', 'g'],
  mg: ['mg', 'mg'],
  mcg: ['mcg', 'mcg'],
};

/** The dose unit an English quantity word names ("tablets", "Tablet", "ml"), or null for any other word ("bottle"). */
export function doseUnitOfWord(word: string): DoseUnit | null {
  const w = word.trim().toLowerCase();
  for (const unit of DOSE_UNITS) if (UNIT_WORDS[unit].some((u) => u.toLowerCase() === w)) return unit;
  return null;
}

/** "tablet" for exactly 1, "tablets" otherwise (English). */
export function unitWords(unit: DoseUnit, amount: number): string {
  const [one, many] = UNIT_WORDS[unit];
  return amount === 1 ? one : many;
}

/** A number as people write it: no trailing zeros, ½ and ¼ kept as decimals. */
export function formatAmount(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

const TIMES_A_DAY = ['', 'once a day', 'twice a day', 'three times a day', 'four times a day'];

export function frequencyWords(frequency: Frequency): string {
  switch (frequency.kind) {
    case 'once':
      return 'once';
    case 'daily':
      return TIMES_A_DAY[frequency.times] ?? `${frequency.times} times a day`;
    case 'every-hours':
      return frequency.hours === 1 ? 'every hour' : `every ${frequency.hours} hours`;
    case 'weekly':
      return 'once a week';
    case 'as-needed':
      return frequency.maxPerDay === null
        ? `when needed for ${frequency.reason}`
        : `when needed for ${frequency.reason}, at most ${frequency.maxPerDay} ${frequency.maxPerDay === 1 ? 'time' : 'times'} a day`;
  }
}

const TIMING_WORDS: Record<Timing, string> = {
  none: '',
  'before-food': 'before food',
  'after-food': 'after food',
  bedtime: 'at bedtime',
};

export function durationWords(duration: Duration): string {
  const [one, many] = { days: ['day', 'days'], weeks: ['week', 'weeks'], months: ['month', 'months'] }[duration.unit];
  return `for ${duration.value} ${duration.value === 1 ? one : many}`;
}

/** One dose line in English: "1 tablet twice a day after food for 5 days". */
export function doseLineSentence(line: DoseLine): string {
  const parts = [
    `${formatAmount(line.amount)} ${unitWords(line.unit, line.amount)}`,
    frequencyWords(line.frequency),
    TIMING_WORDS[line.timing],
    line.duration ? durationWords(line.duration) : '',
  ];
  return parts.filter((p) => p !== '').join(' ');
}

/**
 * The whole item's directions in English: one line, or a taper's steps joined with "then"; free
 * text as written. This is the one English sentence; other languages wrap it (rx-print).
 */
export function doseSentence(item: PrescriptionItemInput): string {
  if (item.kind === 'free') return item.directions;
  return item.lines.map(doseLineSentence).join(', then ');
}

// ---------------------------------------------------------------------------------------------
// The prescription record as the channels carry it (shared/rx-contract/prescriptions.ts)
// ---------------------------------------------------------------------------------------------

export const PRESCRIPTION_STATUSES = ['draft', 'signed', 'cancelled'] as const;
export type PrescriptionStatus = (typeof PRESCRIPTION_STATUSES)[number];

export const OVERRIDE_REASON_MAX = 300;
export const CANCEL_REASON_MAX = 300;

export const overrideReasonSchema = lineText('Reason')
  .trim()
  .min(1, { message: 'Say why you go on despite this alert' })
  .max(OVERRIDE_REASON_MAX, { message: `The reason must be at most ${OVERRIDE_REASON_MAX} characters` });

export const cancelReasonSchema = lineText('Reason')
  .trim()
  .min(1, { message: 'Say why the prescription is cancelled' })
  .max(CANCEL_REASON_MAX, { message: `The reason must be at most ${CANCEL_REASON_MAX} characters` });

/** An override given with an item (its rule id, from the alert shown) or at signing (with the item's id). */
export const overrideInputSchema = z.strictObject({ ruleId: z.string().min(1).max(120), reason: overrideReasonSchema });
export const signOverrideInputSchema = overrideInputSchema.extend({ itemId: z.string().uuid() });

const alertShape = z.object({
  kind: z.string(),
  severity: z.enum(['interrupt', 'warn', 'note']),
  ruleId: z.string(),
  message: z.string(),
  source: z.string(),
  against: z.string().nullable(),
});

export const alertOverrideSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  kind: z.string(),
  severity: z.string(),
  message: z.string(),
  reason: z.string(),
  byName: z.string(),
  at: z.string(),
});
export type AlertOverride = z.infer<typeof alertOverrideSchema>;

export const prescriptionItemSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  position: z.number().int(),
  /** The item as written (parsed form). */
  item: z.custom<PrescriptionItemInput>((v) => typeof v === 'object' && v !== null),
  /** The directions in English (doseSentence). */
  sentence: z.string(),
  /** Drafts: the alerts of the last check (every read re-checks). Signed: the alerts overridden. */
  alerts: z.array(alertShape),
  overrides: z.array(alertOverrideSchema),
  /** Interrupting alerts still without an override reason (signing is refused while any remain). */
  needsOverride: z.array(z.string()),
});
export type PrescriptionItem = z.infer<typeof prescriptionItemSchema>;

export const prescriptionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  patientId: z.string(),
  visitId: z.string(),
  doctorId: z.string(),
  doctorName: z.string(),
  status: z.enum(PRESCRIPTION_STATUSES),
  number: z.string().nullable(),
  createdAt: z.string(),
  signedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string(),
  replacesId: z.string().nullable(),
  items: z.array(prescriptionItemSchema),
});
export type Prescription = z.infer<typeof prescriptionSchema>;

export const prescriptionSummarySchema = z.object({
  id: z.string(),
  status: z.enum(PRESCRIPTION_STATUSES),
  number: z.string().nullable(),
  visitId: z.string(),
  doctorName: z.string(),
  createdAt: z.string(),
  signedAt: z.string().nullable(),
  itemNames: z.array(z.string()),
});

/** After an item is written: the prescription and the alerts the item raised (shown to the doctor). */
export const itemWriteResultSchema = z.object({
  prescription: prescriptionSchema,
  itemId: z.string(),
  alerts: z.array(alertShape),
});

/** What the pad shows above the items: for children the latest weight, for mg/kg help. */
export const rxPatientContextSchema = z.object({
  ageYears: z.number().int().nullable(),
  isChild: z.boolean(),
  weightKg: z.number().nullable(),
  weighedAt: z.string().nullable(),
  allergiesRecorded: z.boolean(),
});

export const FAVOURITE_LABEL_MAX = 100;
export const favouriteSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  label: z.string(),
  item: z.custom<PrescriptionItemInput>((v) => typeof v === 'object' && v !== null),
  sentence: z.string(),
});
export type Favourite = z.infer<typeof favouriteSchema>;

/** Admin report: counts per rule over a period, no patient data. */
export const alertReportRowSchema = z.object({
  ruleId: z.string(),
  kind: z.string(),
  severity: z.string(),
  shown: z.number().int(),
  overridden: z.number().int(),
});
export type AlertReportRow = z.infer<typeof alertReportRowSchema>;
