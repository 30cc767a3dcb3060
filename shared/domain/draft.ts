import { z } from 'zod';
import { draftKeySchema, idSchema, versionSchema } from './common';

export { draftKeySchema };
import { PHONE_KINDS, SEXES } from './patient';
import { REPEAT_UNITS } from './appointment';
import { NOTE_FORMATS } from './note';
import { DOSE_FORMS, drugProductSchema } from './drug';

/**
 * Drafts: what someone has typed into a form and not yet saved, kept per user in the (encrypted)
 * database in main, never in the browser profile (docs/ARCHITECTURE.md, "Drafts"). A draft holds the
 * form as typed, so its text fields are not checked against the record's rules (that happens when the
 * form is saved); only its shape and its total size are.
 */
export const DRAFT_KINDS = ['registration', 'patientEdit', 'booking', 'note', 'rxItem'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** A draft's JSON may be this many bytes (UTF-8): room for a 50,000-character note in any script. */
export const MAX_DRAFT_BYTES = 200 * 1024;

/** Text as typed: any string (the form checks it on save); the whole draft is bounded by MAX_DRAFT_BYTES. */
const typed = z.string();
const rows = <T extends z.ZodType>(row: T) => z.array(row).max(100, { message: 'At most 100 rows' });

/** renderer/src/features/patients/patient-form-model.ts PatientFormState, control by control. */
export const patientFormDraftSchema = z.strictObject({
  givenNames: typed,
  familyName: typed,
  // Drafts kept before the field existed have none.
  latinName: typed.default(''),
  sex: z.enum([...SEXES, '']),
  genderIdentity: typed,
  birthKind: z.enum(['date', 'estimatedAge']),
  birthDate: typed,
  estimatedYears: typed,
  phones: rows(z.strictObject({ kind: z.enum(PHONE_KINDS), number: typed })),
  address: z.strictObject({ line: typed, city: typed, region: typed, postalCode: typed, country: typed }),
  identifiers: rows(z.strictObject({ system: typed, value: typed })),
  emergencyContact: z.strictObject({ name: typed, relationship: typed, phone: typed }),
  notes: typed,
});

/** renderer/src/features/appointments/book/booking-form.ts BookingDraft, control by control. */
export const bookingFormDraftSchema = z.strictObject({
  patient: z.strictObject({ id: idSchema, name: typed, mrn: typed }).nullable(),
  providerId: typed,
  date: typed,
  time: typed,
  length: typed,
  reason: typed,
  note: typed,
  repeat: z.boolean(),
  every: typed,
  unit: z.enum(REPEAT_UNITS),
  endKind: z.enum(['count', 'until']),
  count: typed,
  until: typed,
  overbook: z.boolean(),
  overbookReason: typed,
  outsideHours: z.boolean(),
  outsideHoursReason: typed,
  dstChoice: z.enum(['', 'earlier', 'later']),
});

/**
 * renderer/src/features/chart/visits/note-form.ts NoteForm, control by control: a new note in a visit
 * (key noteDraftKey.newInVisit), edits of the author's unsigned note (noteDraftKey.edit; baseVersion is
 * the version they were made to) or an addendum (noteDraftKey.addendum; its text in body).
 */
export const noteFormDraftSchema = z.strictObject({
  format: z.enum(NOTE_FORMATS),
  subjective: typed,
  objective: typed,
  assessment: typed,
  plan: typed,
  body: typed,
  baseVersion: versionSchema.nullable(),
});

/** One dose line of the prescription pad's add-medicine form (renderer/src/features/rx/item-form-state.ts StepState). */
const rxStepDraftSchema = z.strictObject({
  amount: typed,
  unit: typed,
  frequency: typed,
  timing: typed,
  durationValue: typed,
  durationUnit: typed,
});

/**
 * The prescription pad's add-medicine form (renderer/src/features/rx/item-form-state.ts
 * ItemFormState), control by control, kept per draft prescription (key rxItemDraftKey): the product
 * chosen in the search as it was shown, a taper's kept steps and the line being typed.
 */
export const rxItemFormDraftSchema = z.strictObject({
  product: drugProductSchema.nullable(),
  productId: typed.nullable(),
  name: typed,
  form: z.enum(DOSE_FORMS),
  route: typed,
  ...rxStepDraftSchema.shape,
  steps: rows(rxStepDraftSchema),
  quantity: typed,
  quantityUnit: typed,
  repeats: typed,
  instructions: typed,
});

/** The add-medicine form of one draft prescription. */
export const rxItemDraftKey = (prescriptionId: string) => `rx:${prescriptionId}`;

/** Each kind's body. */
export const draftBodySchemas = {
  registration: z.strictObject({ form: patientFormDraftSchema }),
  /** The version of the record the edits were made to, so saving them later cannot overwrite another save. */
  patientEdit: z.strictObject({ form: patientFormDraftSchema, baseVersion: versionSchema }),
  booking: z.strictObject({ form: bookingFormDraftSchema }),
  note: z.strictObject({ form: noteFormDraftSchema }),
  rxItem: z.strictObject({ form: rxItemFormDraftSchema }),
} as const satisfies Record<DraftKind, z.ZodType>;

export type DraftBody<K extends DraftKind> = z.infer<(typeof draftBodySchemas)[K]>;

/** How many bytes a string takes as UTF-8, counted without TextEncoder so shared/ needs neither Node nor the DOM. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one code point of four bytes
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

export function draftBytes(body: unknown): number {
  return utf8Length(JSON.stringify(body));
}

const withBody = <K extends DraftKind, B extends z.ZodType, Key extends z.ZodType<string>>(
  kind: K,
  key: Key,
  body: B,
) => z.strictObject({ kind: z.literal(kind), key, body });

/** A draft as saved: edits are of one patient, so their key is that patient's id. */
export const draftSaveSchema = z
  .discriminatedUnion('kind', [
    withBody('registration', draftKeySchema, draftBodySchemas.registration),
    withBody('patientEdit', idSchema, draftBodySchemas.patientEdit),
    withBody('booking', draftKeySchema, draftBodySchemas.booking),
    withBody('note', draftKeySchema, draftBodySchemas.note),
    withBody('rxItem', draftKeySchema, draftBodySchemas.rxItem),
  ])
  .superRefine((input, ctx) => {
    const bytes = draftBytes(input.body);
    if (bytes > MAX_DRAFT_BYTES) {
      // Refused whole: a draft is never cut, because the cut-off text would be lost without anyone noticing.
      ctx.addIssue({
        code: 'custom',
        path: ['body'],
        message: `This draft is too long to keep (${Math.ceil(bytes / 1024)} KB; at most ${MAX_DRAFT_BYTES / 1024} KB). Nothing was cut: what you typed is still on the screen. Save it, or shorten it.`,
      });
    }
  });
export type DraftSaveInput = z.infer<typeof draftSaveSchema>;

export const draftRefSchema = z.strictObject({ kind: z.enum(DRAFT_KINDS), key: draftKeySchema });
export const draftListInputSchema = z.strictObject({ kind: z.enum(DRAFT_KINDS).optional() });

export const draftInfoSchema = z.object({ kind: z.enum(DRAFT_KINDS), key: z.string(), updatedAt: z.string() });
export type DraftInfo = z.infer<typeof draftInfoSchema>;

const stored = <K extends DraftKind, B extends z.ZodType>(kind: K, body: B) =>
  z.object({ kind: z.literal(kind), key: z.string(), updatedAt: z.string(), body });

/** A draft as read back: its kind says the shape of its body. */
export const draftSchema = z.discriminatedUnion('kind', [
  stored('registration', draftBodySchemas.registration),
  stored('patientEdit', draftBodySchemas.patientEdit),
  stored('booking', draftBodySchemas.booking),
  stored('note', draftBodySchemas.note),
  stored('rxItem', draftBodySchemas.rxItem),
]);
export type Draft = z.infer<typeof draftSchema>;
export type DraftOfKind<K extends DraftKind> = Extract<Draft, { kind: K }>;
