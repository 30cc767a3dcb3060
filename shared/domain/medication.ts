import { z } from 'zod';
import { lineText } from '../plain-text';
import { idSchema, isoDateSchema, optionalText, versionSchema } from './common';

/** Prescribed at this clinic, or taken on another prescriber's word (recorded as such). */
export const MEDICATION_SOURCES = ['here', 'outside'] as const;
export type MedicationSource = (typeof MEDICATION_SOURCES)[number];
export const MEDICATION_STATUSES = ['active', 'stopped'] as const;

export const MEDICATION_NAME_MAX = 200;
export const STOP_REASON_MAX = 200;

const medicationName = lineText('Medication name')
  .trim()
  .min(1, { message: 'Enter the medication’s name' })
  .max(MEDICATION_NAME_MAX, { message: `The name must be at most ${MEDICATION_NAME_MAX} characters` });

/** What a doctor types for one line of the medication list (FHIR MedicationStatement). */
export const medicationInputSchema = z.strictObject({
  name: medicationName,
  dose: optionalText(100, 'Dose'),
  route: optionalText(60, 'Route'),
  frequency: optionalText(100, 'Frequency'),
  /** When the patient started it; may be unknown for medicines prescribed elsewhere. */
  startDate: isoDateSchema.nullable().default(null),
  source: z.enum(MEDICATION_SOURCES, { message: 'Choose prescribed here or prescribed elsewhere' }),
  note: optionalText(1000, 'Note', { multiline: true }),
});
export type MedicationInput = z.output<typeof medicationInputSchema>;
export type MedicationFormInput = z.input<typeof medicationInputSchema>;

export const stopReasonSchema = lineText('Reason')
  .trim()
  .min(1, { message: 'Say why it is stopped' })
  .max(STOP_REASON_MAX, { message: `The reason must be at most ${STOP_REASON_MAX} characters` });

export const medicationSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  patientId: z.string(),
  name: z.string(),
  dose: z.string(),
  route: z.string(),
  frequency: z.string(),
  source: z.enum(MEDICATION_SOURCES),
  status: z.enum(MEDICATION_STATUSES),
  startDate: z.string().nullable(),
  stopDate: z.string().nullable(),
  stopReason: z.string(),
  note: z.string(),
  reconciledAt: z.string().nullable(),
  reconciledByName: z.string().nullable(),
  updatedAt: z.string(),
});
export type Medication = z.infer<typeof medicationSchema>;

export const medicationListSchema = z.object({
  active: z.array(medicationSchema),
  /** Newest stop first. */
  stopped: z.array(medicationSchema),
});
export type MedicationList = z.infer<typeof medicationListSchema>;

export const medicationAddSchema = z.strictObject({ patientId: idSchema, medication: medicationInputSchema });
export const medicationUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  medication: medicationInputSchema,
});
export const medicationStopSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  stopDate: isoDateSchema,
  reason: stopReasonSchema,
});

/**
 * One line of a reconciliation: the patient still takes it (continue), or it is stopped now with a
 * reason. Lines left undecided are not sent and keep their last reconciliation.
 */
export const reconcileLineSchema = z.discriminatedUnion('decision', [
  z.strictObject({ id: idSchema, version: versionSchema, decision: z.literal('continue') }),
  z.strictObject({
    id: idSchema,
    version: versionSchema,
    decision: z.literal('stop'),
    stopDate: isoDateSchema,
    reason: stopReasonSchema,
  }),
]);
export type ReconcileLine = z.infer<typeof reconcileLineSchema>;

export const medicationReconcileSchema = z.strictObject({
  patientId: idSchema,
  lines: z
    .array(reconcileLineSchema)
    .min(1, { message: 'Decide at least one line before saving' })
    .max(500, { message: 'At most 500 lines in one reconciliation' }),
});

export const reconcileResultSchema = z.object({ continued: z.number().int(), stopped: z.number().int() });
