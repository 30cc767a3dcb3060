import { z } from 'zod';
import { calendarDateSchema, idSchema, optionalText, versionSchema } from './common';
import { lineText } from '../plain-text';

/**
 * Problems and diagnoses (FHIR R4 Condition). Coded with ICD-10-CM (CDC/NCHS, FY2026 base, see
 * resources/icd10cm/SOURCE.md) or free text left uncoded.
 */

/** FHIR Condition.category (http://terminology.hl7.org/CodeSystem/condition-category). */
export const PROBLEM_CATEGORIES = ['problem-list-item', 'encounter-diagnosis'] as const;
/** FHIR Condition.clinicalStatus, the two a small clinic uses. */
export const PROBLEM_STATUSES = ['active', 'resolved'] as const;

export const MAX_PROBLEM_TEXT = 300;
export const MAX_PROBLEM_NOTE = 2000;

/**
 * An ICD-10-CM code as people type it: with or without the dot, any case. A letter, then two
 * digits or letters (FY2026's new block QA0 has a letter second), up to 7 characters in all.
 */
export const ICD10_CODE_PATTERN = /^[A-Z][0-9A-Z][0-9A-Z](\.?[0-9A-Z]{1,4})?$/;

/** 'E119' or 'e11.9' -> 'E119' (the code as the official file writes it). */
export function bareIcd10Code(text: string): string {
  return text.trim().toUpperCase().replace('.', '');
}

/** 'E119' -> 'E11.9': the dot goes after the third character (SOURCE.md); FHIR uses this form too. */
export function dottedIcd10Code(code: string): string {
  const bare = bareIcd10Code(code);
  return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
}

export const icd10CodeSchema = z
  .string()
  .trim()
  .max(8, { message: 'An ICD-10-CM code is at most 8 characters, e.g. E11.9' })
  .transform((s) => s.toUpperCase())
  .refine((s) => ICD10_CODE_PATTERN.test(s), {
    message: 'Enter an ICD-10-CM code such as E11.9 (a letter, two digits or letters, then up to four more)',
  })
  .transform(dottedIcd10Code);

/** How a problem is named: an ICD-10-CM code (its official description is kept with it) or free text. */
export const problemCodingSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('icd10'), code: icd10CodeSchema }),
  z.strictObject({
    kind: z.literal('text'),
    text: lineText('Diagnosis')
      .trim()
      .min(1, { message: 'Enter the diagnosis' })
      .max(MAX_PROBLEM_TEXT, { message: `Diagnosis must be at most ${MAX_PROBLEM_TEXT} characters` }),
  }),
]);
export type ProblemCoding = z.infer<typeof problemCodingSchema>;

const optionalDate = calendarDateSchema.nullable().default(null);

export const problemAddSchema = z.strictObject({
  patientId: idSchema,
  category: z.enum(PROBLEM_CATEGORIES),
  /** The visit a diagnosis was made at; required for an encounter diagnosis. */
  visitId: idSchema.nullable().default(null),
  coding: problemCodingSchema,
  chronic: z.boolean().default(false),
  onsetDate: optionalDate,
  note: optionalText(MAX_PROBLEM_NOTE, 'Note', { multiline: true }),
  /** A visit diagnosis also put on the problem list (active), in the same save. */
  addToProblemList: z.boolean().default(false),
});
export type ProblemAddInput = z.input<typeof problemAddSchema>;

export const problemUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  coding: problemCodingSchema,
  chronic: z.boolean(),
  onsetDate: optionalDate,
  note: optionalText(MAX_PROBLEM_NOTE, 'Note', { multiline: true }),
});

export const problemResolveSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  resolvedDate: calendarDateSchema,
});

export const problemReactivateSchema = z.strictObject({ id: idSchema, version: versionSchema });

export const problemSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  patientId: z.string(),
  visitId: z.string().nullable(),
  category: z.enum(PROBLEM_CATEGORIES),
  /** Dotted (E11.9; problems.icd10_code stores it as the official file does, E119); null when uncoded. */
  code: z.string().nullable(),
  description: z.string(),
  status: z.enum(PROBLEM_STATUSES),
  chronic: z.boolean(),
  onsetDate: z.string().nullable(),
  resolvedDate: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Problem = z.infer<typeof problemSchema>;

export const diagnosisSearchSchema = z.strictObject({
  text: lineText('Search').trim().max(100, { message: 'Search text must be at most 100 characters' }),
});

export const diagnosisSchema = z.object({
  /** Dotted (E11.9). */
  code: z.string(),
  description: z.string(),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

export const icd10ImportSchema = z.strictObject({
  /** A file in the layout of the official codes file (icd10cm_codes_YYYY.txt), plain or gzipped. */
  filePath: z
    .string()
    .trim()
    .min(1, { message: 'Choose the ICD-10-CM codes file' })
    .max(1000, { message: 'The file path must be at most 1000 characters' }),
  /** e.g. '2027'; taken from a file named icd10cm_codes_YYYY.txt when not given. */
  release: z
    .string()
    .trim()
    .regex(/^[0-9]{4}[A-Za-z0-9-]{0,12}$/, { message: 'Enter the release as its year, e.g. 2027 or 2026-04' })
    .optional(),
});

export const icd10ReleaseSchema = z.object({
  release: z.string().nullable(),
  codes: z.number().int(),
});
