import { z } from 'zod';
import { lineText } from '../plain-text';
import { idSchema, optionalText, versionSchema } from './common';
import {
  LAB_ORDER_STATUSES,
  LAB_RESULT_STATUSES,
  LAB_SEXES,
  LAB_VALUE_TYPES,
  labResultViewSchema,
  labTestSchema,
} from './lab';

/**
 * The catalogue, orders and results entered by hand (issue 11, parts 1-3): the inputs and answers
 * of shared/lab-contract/orders.ts. The shared vocabulary (LabTest, LabRange, flags) is in ./lab.
 */

// ---- Catalogue --------------------------------------------------------------------------------

/** A LOINC code (digits, a dash and the check digit) or a local code starting with X (LOINC licence 10(c)). */
export const LAB_CODE_PATTERN = /^(?:\d{1,7}-\d|X[A-Z0-9._-]{1,31})$/;
export const labCodeSchema = z.string().trim().toUpperCase().regex(LAB_CODE_PATTERN, {
  message: 'A code is a LOINC code (such as 2345-7) or a local code starting with X (such as XCBC)',
});

/** The LOINC check digit (mod 10, as LOINC computes it): 2345-7 is right, 2345-6 is a typo. */
export function loincCheckDigitOk(code: string): boolean {
  const m = /^(\d{1,7})-(\d)$/.exec(code);
  if (!m) return false;
  const digits = m[1]!.split('').map(Number).reverse();
  let sum = 0;
  digits.forEach((d, i) => {
    if (i % 2 === 0) {
      const doubled = d * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else sum += d;
  });
  return (10 - (sum % 10)) % 10 === Number(m[2]);
}

export const LAB_RANGE_SOURCE_MAX = 300;
const limit = z.number().finite().nullable();

/** A range as a doctor types it: the same as LabRange, its source required. */
export const labRangeInputSchema = z.strictObject({
  sex: z.enum(LAB_SEXES),
  ageFromDays: z.number().int().min(0).max(54_750).nullable(),
  ageToDays: z.number().int().min(1).max(54_750).nullable(),
  low: limit,
  high: limit,
  criticalLow: limit,
  criticalHigh: limit,
  source: lineText('Source')
    .trim()
    .min(1, { message: 'Name where this range comes from (a textbook, a guideline or your laboratory)' })
    .max(LAB_RANGE_SOURCE_MAX, { message: `The source must be at most ${LAB_RANGE_SOURCE_MAX} characters` }),
});
export type LabRangeInput = z.infer<typeof labRangeInputSchema>;

const testFields = {
  name: lineText('Name')
    .trim()
    .min(1, { message: 'Give the test a name' })
    .max(200, { message: 'The name must be at most 200 characters' }),
  /** UCUM; null for text results and panels. */
  unit: z.string().trim().max(40, { message: 'The unit must be at most 40 characters' }).nullable(),
  valueType: z.enum(LAB_VALUE_TYPES).nullable(),
  ranges: z.array(labRangeInputSchema).max(40, { message: 'At most 40 ranges' }),
  members: z.array(labCodeSchema).max(60, { message: 'A panel has at most 60 tests' }),
  deltaPercent: z.number().positive().max(1000).nullable(),
  /**
   * A test the clinic adds: the molar mass in g/mol of what it measures (urate 168.11), so a value sent
   * in mass units converts to amount of substance (mg/dL to mmol/L). Shipped tests keep the catalogue's.
   */
  molarMass: z
    .number()
    .positive({ message: 'The molar mass must be more than 0 g/mol' })
    .max(1_000_000, { message: 'The molar mass must be at most 1,000,000 g/mol' })
    .nullable()
    .default(null),
};

export const labTestAddSchema = z.strictObject({
  code: labCodeSchema,
  kind: z.enum(['test', 'panel']),
  ...testFields,
});
export type LabTestAdd = z.infer<typeof labTestAddSchema>;

export const labTestUpdateSchema = z.strictObject({
  code: labCodeSchema,
  /** The clinic's row's version; null for a shipped test the clinic has not changed yet. */
  version: versionSchema.nullable(),
  ...testFields,
  hidden: z.boolean(),
});
export type LabTestUpdate = z.infer<typeof labTestUpdateSchema>;

export const labCatalogueSearchSchema = z.strictObject({
  text: z.string().max(100, { message: 'Search text must be at most 100 characters' }).default(''),
  limit: z.number().int().min(1).max(200).default(20),
  /** The Lab tests screen shows hidden ones too; ordering never does. */
  includeHidden: z.boolean().default(false),
});

export const labCatalogueGetSchema = z.strictObject({ code: z.string().trim().min(1).max(40) });

/** A test or panel as the catalogue screens show it: LabTest with what editing needs. */
export const labCatalogueEntrySchema = labTestSchema.extend({
  /** The clinic's row's version (null: shipped and unchanged). */
  version: z.number().int().nullable(),
  /** LOINC's Long Common Name for shipped LOINC codes; '' otherwise. */
  loincName: z.string(),
  aliases: z.array(z.string()),
  /** Panels: their members' names, in order. */
  memberNames: z.array(z.string()),
});
export type LabCatalogueEntry = z.infer<typeof labCatalogueEntrySchema>;

// ---- Orders -----------------------------------------------------------------------------------

export const LAB_NAME_MAX = 120;
export const LAB_CLINICAL_NOTE_MAX = 1000;

export const labOrderCreateSchema = z.strictObject({
  visitId: idSchema,
  codes: z
    .array(labCodeSchema)
    .min(1, { message: 'Choose at least one test or panel' })
    .max(50, { message: 'At most 50 tests or panels in one order' }),
  labName: optionalText(LAB_NAME_MAX, 'The lab'),
  clinicalNote: optionalText(LAB_CLINICAL_NOTE_MAX, 'The clinical note', { multiline: true }),
});
export type LabOrderCreate = z.infer<typeof labOrderCreateSchema>;

export const labOrderListSchema = z.strictObject({ patientId: idSchema, visitId: idSchema.optional() });
export const labOrderGetSchema = z.strictObject({ orderId: idSchema });
export const labOrderCancelSchema = z.strictObject({
  orderId: idSchema,
  version: versionSchema,
  reason: lineText('Reason')
    .trim()
    .min(1, { message: 'Say why the order is cancelled' })
    .max(300, { message: 'The reason must be at most 300 characters' }),
});
export const labOrderCollectSchema = z.strictObject({ orderId: idSchema, version: versionSchema });

export const labReportViewSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  orderId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  source: z.string(),
  status: z.enum(LAB_RESULT_STATUSES),
  observedAt: z.string(),
  performer: z.string(),
  comment: z.string(),
  enteredBy: z.string(),
  results: z.array(labResultViewSchema),
});
export type LabReportView = z.infer<typeof labReportViewSchema>;

export const labOrderTestViewSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['test', 'panel']),
  /** What is entered for it: the test itself, or a panel's members (from the catalogue). */
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      valueType: z.enum(LAB_VALUE_TYPES).nullable(),
    }),
  ),
  /** The report entered for it, if any. */
  report: labReportViewSchema.nullable(),
});
export type LabOrderTestView = z.infer<typeof labOrderTestViewSchema>;

export const labOrderViewSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  number: z.string(),
  status: z.enum(LAB_ORDER_STATUSES),
  patientId: z.string(),
  visitId: z.string().nullable(),
  doctorName: z.string(),
  orderedAt: z.string(),
  collectedAt: z.string().nullable(),
  labName: z.string(),
  clinicalNote: z.string(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string(),
  tests: z.array(labOrderTestViewSchema),
});
export type LabOrderView = z.infer<typeof labOrderViewSchema>;

// ---- Results entered by hand --------------------------------------------------------------------

export const LAB_VALUE_MAX = 200;

export const labResultInputSchema = z.strictObject({
  code: labCodeSchema,
  /** As typed: a number for numeric tests ("5.4", "<0.5"), any text for text tests; '' = not done. */
  value: lineText('Value')
    .trim()
    .max(LAB_VALUE_MAX, { message: `A value must be at most ${LAB_VALUE_MAX} characters` }),
  /** The UCUM unit the value was measured in ('' = the test's own unit). */
  unit: z.string().trim().max(40, { message: 'The unit must be at most 40 characters' }).default(''),
  comment: optionalText(500, 'The comment'),
});
export type LabResultInput = z.infer<typeof labResultInputSchema>;

export const labResultsEnterSchema = z.strictObject({
  orderTestId: idSchema,
  /** When the sample was taken (UTC ISO-8601); not in the future. */
  observedAt: z.string().datetime({ offset: true, message: 'Give the date and time the sample was taken' }),
  performer: optionalText(LAB_NAME_MAX, 'The lab'),
  comment: optionalText(1000, 'The comment', { multiline: true }),
  results: z
    .array(labResultInputSchema)
    .min(1, { message: 'Enter at least one result' })
    .max(60, { message: 'At most 60 results in one report' }),
});
export type LabResultsEnter = z.infer<typeof labResultsEnterSchema>;
