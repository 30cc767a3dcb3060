import { z } from 'zod';
import { LAB_SEXES } from '../../../../shared/domain/lab';
import { LAB_CODE_PATTERN } from '../../../../shared/domain/lab-order';

/**
 * The zod shapes of resources/labs/tests.json and panels.json (see its SOURCE.md). Checked once
 * when the catalogue is first used; a file that does not fit stops the load with the row named.
 */

const code = z.string().regex(LAB_CODE_PATTERN);
const text = z.string().min(1).max(300);
const limit = z.number().finite().nullable();

export const shippedRangeSchema = z.strictObject({
  sex: z.enum(LAB_SEXES),
  /** [from (inclusive), to (exclusive)] in years; null: no bound. */
  ageYears: z.tuple([z.number().min(0).nullable(), z.number().positive().nullable()]),
  low: limit,
  high: limit,
  criticalLow: limit.optional(),
  criticalHigh: limit.optional(),
  /** A key of the file's `sources`. */
  source: z.string(),
  criticalSource: z.string().optional(),
});

export const shippedTestSchema = z.strictObject({
  code: z.string().regex(/^\d{1,7}-\d$/, 'shipped tests carry LOINC codes'),
  name: text,
  aliases: z.array(text),
  unit: z.string().min(1).nullable(),
  valueType: z.enum(['numeric', 'text']),
  ranges: z.array(shippedRangeSchema),
  deltaPercent: z.number().positive().nullable(),
  /** g/mol of what is measured, so mass and amount-of-substance units convert (glucose mg/dL <-> mmol/L). */
  molarMass: z.number().positive().nullable(),
  loincName: text,
});
export type ShippedTest = z.infer<typeof shippedTestSchema>;

export const testsFileSchema = z.strictObject({
  about: z.string(),
  sources: z.record(z.string(), text),
  tests: z.array(shippedTestSchema).min(1),
});

export const shippedPanelSchema = z.strictObject({
  code: code.refine((c) => c.startsWith('X'), 'panels carry local codes starting with X'),
  name: text,
  aliases: z.array(text),
  members: z.array(code).min(1),
});

export const panelsFileSchema = z.strictObject({ about: z.string(), panels: z.array(shippedPanelSchema).min(1) });
