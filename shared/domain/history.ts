import { z } from 'zod';
import { lineText } from '../plain-text';
import { idSchema, isoDateSchema, optionalText, versionSchema } from './common';

export const HISTORY_SECTIONS = ['medical', 'surgical', 'family'] as const;
export type HistorySection = (typeof HISTORY_SECTIONS)[number];
export const TOBACCO_USE = ['never', 'former', 'current', 'unknown'] as const;
export const ALCOHOL_USE = ['none', 'occasional', 'regular', 'unknown'] as const;
export const PREGNANCY_STATUSES = ['not_pregnant', 'pregnant', 'unknown'] as const;

/**
 * A pregnancy lasts about 40 weeks from the last menstrual period (Naegele's rule); past 42 weeks it
 * is post-term (ACOG Committee Opinion 579, "Definition of term pregnancy"). A "pregnant" LMP more
 * than 45 weeks back is a typing mistake or a pregnancy that has ended.
 */
export const MAX_PREGNANT_LMP_WEEKS = 45;

export const historyEntryInputSchema = z
  .strictObject({
    section: z.enum(HISTORY_SECTIONS, { message: 'Choose medical, surgical or family history' }),
    description: lineText('Description')
      .trim()
      .min(1, { message: 'Describe the condition or operation' })
      .max(300, { message: 'The description must be at most 300 characters' }),
    /** Family history: who had it. */
    relation: optionalText(60, 'Relation'),
    /** When, as the patient tells it ("2019", "childhood"). */
    whenText: optionalText(60, 'When'),
    note: optionalText(1000, 'Note', { multiline: true }),
  })
  .superRefine((entry, ctx) => {
    if (entry.section === 'family' && !entry.relation) {
      ctx.addIssue({ code: 'custom', path: ['relation'], message: 'Say who in the family had it' });
    }
    if (entry.section !== 'family' && entry.relation) {
      ctx.addIssue({ code: 'custom', path: ['relation'], message: 'A relation belongs only to family history' });
    }
  });
export type HistoryEntryInput = z.output<typeof historyEntryInputSchema>;
export type HistoryEntryFormInput = z.input<typeof historyEntryInputSchema>;

export const historyEntrySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  section: z.enum(HISTORY_SECTIONS),
  description: z.string(),
  relation: z.string(),
  whenText: z.string(),
  note: z.string(),
  updatedAt: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const socialHistoryInputSchema = z.strictObject({
  tobacco: z.enum(TOBACCO_USE, { message: 'Choose never, former, current or unknown' }).default('unknown'),
  tobaccoDetail: optionalText(200, 'Tobacco details'),
  alcohol: z.enum(ALCOHOL_USE, { message: 'Choose none, occasional, regular or unknown' }).default('unknown'),
  alcoholDetail: optionalText(200, 'Alcohol details'),
  occupation: optionalText(100, 'Occupation'),
  /** Null: not asked (and never for a patient for whom it is not relevant). */
  pregnancyStatus: z
    .enum(PREGNANCY_STATUSES, { message: 'Choose not pregnant, pregnant or unknown' })
    .nullable()
    .default(null),
  lmpDate: isoDateSchema.nullable().default(null),
});
export type SocialHistoryInput = z.output<typeof socialHistoryInputSchema>;
export type SocialHistoryFormInput = z.input<typeof socialHistoryInputSchema>;

export const socialHistorySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  tobacco: z.enum(TOBACCO_USE),
  tobaccoDetail: z.string(),
  alcohol: z.enum(ALCOHOL_USE),
  alcoholDetail: z.string(),
  occupation: z.string(),
  pregnancyStatus: z.enum(PREGNANCY_STATUSES).nullable(),
  lmpDate: z.string().nullable(),
  updatedAt: z.string(),
});
export type SocialHistory = z.infer<typeof socialHistorySchema>;

export const patientHistorySchema = z.object({
  entries: z.array(historyEntrySchema),
  /** The newest social history record; null before one is saved. */
  social: socialHistorySchema.nullable(),
  /** Whether pregnancy status is asked for this patient (recorded sex and age). */
  pregnancyRelevant: z.boolean(),
});
export type PatientHistory = z.infer<typeof patientHistorySchema>;

export const historyEntryAddSchema = z.strictObject({ patientId: idSchema, entry: historyEntryInputSchema });
export const historyEntryUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  entry: historyEntryInputSchema,
});
export const historyEntryRemoveSchema = z.strictObject({ id: idSchema, version: versionSchema });
/** `record`: the social history record the form was opened on (null: none yet), saved by id and version. */
export const socialHistorySaveSchema = z.strictObject({
  patientId: idSchema,
  record: z.strictObject({ id: idSchema, version: versionSchema }).nullable(),
  social: socialHistoryInputSchema,
});

/**
 * Ages at which pregnancy status is asked: WHO counts women of reproductive age as 15 to 49 (WHO,
 * "Reproductive health indicators", 2006); the range is widened to 10 to 55 so the youngest and the
 * oldest pregnancies a clinic sees can still be recorded.
 */
export const PREGNANCY_AGE_YEARS = { min: 10, max: 55 } as const;

/**
 * Whether pregnancy status is asked for a patient: any recorded sex but male (female, other and
 * unknown may be able to become pregnant; shared/domain/patient.ts SEXES), within the ages above.
 */
export function isPregnancyRelevant(sex: string, ageYears: number | null): boolean {
  if (sex === 'male' || ageYears === null) return false;
  return ageYears >= PREGNANCY_AGE_YEARS.min && ageYears <= PREGNANCY_AGE_YEARS.max;
}
