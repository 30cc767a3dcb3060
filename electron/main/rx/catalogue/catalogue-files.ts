import { z } from 'zod';
import { ALERT_SEVERITIES, DOSE_FORMS, ROUTES } from '../../../../shared/domain/drug';

/**
 * The zod shapes of the files in resources/drugs/ (see its SOURCE.md). Checked once when the
 * catalogue is first used; a file that does not fit stops the load with the file and row named.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case id: letters, digits, dot and hyphen');
const text = z.string().min(1).max(300);

export const classRowSchema = z.tuple([
  id,
  text,
  z.enum(['chemical', 'therapeutic', 'mechanism']),
  z.boolean(),
  z.array(text),
]);
export const classesFileSchema = z.strictObject({ about: z.string(), rows: z.array(classRowSchema).min(1) });

export const ingredientRowSchema = z.tuple([
  id,
  text,
  z
    .string()
    .regex(/^[0-9]{1,10}$/, 'RxNorm CUI: digits only')
    .nullable(),
  z.array(id).min(1, 'every ingredient needs at least one class'),
  z.array(text),
]);
export const ingredientsFileSchema = z.strictObject({ about: z.string(), rows: z.array(ingredientRowSchema).min(1) });

/** "500 mg", "125 mg/5 mL", "0.5%", "100 mcg/dose", "100000 units/mL", "1 tablet". */
export const STRENGTH_PATTERN = /^(\d+(?:\.\d+)?)\s?([^\d\s].*)$/;

export const productRowSchema = z.tuple([
  z.string().regex(/^[a-z0-9.-]+(\+[a-z0-9.-]+)*$/),
  z.enum(DOSE_FORMS),
  z.enum(ROUTES),
  z.array(z.string().regex(STRENGTH_PATTERN, 'strength: a number then a unit')).min(1),
]);
export const productsFileSchema = z.strictObject({ about: z.string(), rows: z.array(productRowSchema).min(1) });

const ruleSide = z.strictObject({ ingredients: z.array(id).optional(), classes: z.array(id).optional() });

export const interactionRuleSchema = z.strictObject({
  id,
  severity: z.enum(ALERT_SEVERITIES),
  a: ruleSide,
  b: ruleSide,
  message: text,
  source: text,
});
export const interactionsFileSchema = z.strictObject({ about: z.string(), rules: z.array(interactionRuleSchema) });

export const crossReactivityRuleSchema = z.strictObject({
  id,
  allergyClasses: z.array(id).min(1),
  drugClasses: z.array(id).min(1),
  message: text,
  source: text,
});
export const crossReactivityFileSchema = z.strictObject({
  about: z.string(),
  rules: z.array(crossReactivityRuleSchema),
});

const routes = z.array(z.enum(ROUTES)).min(1);
export const adultDoseLimitSchema = z.strictObject({
  id,
  ingredient: id,
  maxMgPerDay: z.number().positive(),
  routes,
  source: text,
});
export const paediatricDoseLimitSchema = z.strictObject({
  id,
  ingredient: id,
  underYears: z.number().positive().max(18),
  maxMgPerKgPerDay: z.number().positive(),
  maxMgPerDay: z.number().positive(),
  routes,
  source: text,
});
export const doseLimitsFileSchema = z.strictObject({
  about: z.string(),
  adult: z.array(adultDoseLimitSchema),
  paediatric: z.array(paediatricDoseLimitSchema),
});

export type InteractionRule = z.infer<typeof interactionRuleSchema>;
export type CrossReactivityRule = z.infer<typeof crossReactivityRuleSchema>;
export type AdultDoseLimit = z.infer<typeof adultDoseLimitSchema>;
export type PaediatricDoseLimit = z.infer<typeof paediatricDoseLimitSchema>;
