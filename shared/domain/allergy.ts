import { z } from 'zod';
import { calendarDateSchema, idSchema, optionalText, versionSchema } from './common';
import { lineText } from '../plain-text';

/**
 * Allergies and intolerances (FHIR R4 AllergyIntolerance; value sets from its R4 definition:
 * category, reaction.severity, criticality, clinicalStatus), and the explicit "No known allergies".
 */
export const SUBSTANCE_TYPES = ['medication', 'food', 'environment', 'biologic'] as const;
export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export const ALLERGY_CRITICALITIES = ['low', 'high', 'unable-to-assess'] as const;
export const ALLERGY_STATUSES = ['active', 'inactive', 'resolved'] as const;

export const MAX_SUBSTANCE = 200;
export const MAX_REACTION = 300;
export const MAX_ALLERGY_NOTE = 2000;

const allergyFields = {
  substance: lineText('Substance')
    .trim()
    .min(1, { message: 'Enter the substance, e.g. penicillin or peanuts' })
    .max(MAX_SUBSTANCE, { message: `Substance must be at most ${MAX_SUBSTANCE} characters` }),
  substanceType: z.enum(SUBSTANCE_TYPES, { message: 'Choose medication, food, environment or biologic' }),
  reaction: optionalText(MAX_REACTION, 'Reaction'),
  severity: z.enum(ALLERGY_SEVERITIES).nullable().default(null),
  criticality: z.enum(ALLERGY_CRITICALITIES).nullable().default(null),
  onsetDate: calendarDateSchema.nullable().default(null),
  note: optionalText(MAX_ALLERGY_NOTE, 'Note', { multiline: true }),
};

export const allergyAddSchema = z.strictObject({ patientId: idSchema, ...allergyFields });
export type AllergyAddInput = z.input<typeof allergyAddSchema>;

export const allergyUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  ...allergyFields,
  status: z.enum(ALLERGY_STATUSES),
});
export type AllergyUpdateInput = z.input<typeof allergyUpdateSchema>;

export const allergySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  substance: z.string(),
  substanceType: z.enum(SUBSTANCE_TYPES),
  reaction: z.string(),
  severity: z.enum(ALLERGY_SEVERITIES).nullable(),
  criticality: z.enum(ALLERGY_CRITICALITIES).nullable(),
  status: z.enum(ALLERGY_STATUSES),
  onsetDate: z.string().nullable(),
  note: z.string(),
  updatedAt: z.string(),
});
export type Allergy = z.infer<typeof allergySchema>;

/**
 * What the chart knows about a patient's allergies: 'recorded' (active allergies listed),
 * 'nka' (someone recorded "No known allergies": who and when), or 'not-recorded' (nobody asked yet).
 */
export const allergyListSchema = z.object({
  status: z.enum(['recorded', 'nka', 'not-recorded']),
  /** Every allergy of the patient, active first. */
  allergies: z.array(allergySchema),
  nka: z
    .object({
      id: z.string(),
      version: z.number().int(),
      recordedBy: z.string(),
      recordedAt: z.string(),
    })
    .nullable(),
});
export type AllergyList = z.infer<typeof allergyListSchema>;
