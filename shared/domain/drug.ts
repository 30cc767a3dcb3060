import { z } from 'zod';

/**
 * The drug catalogue and the offline safety checks, as the prescription pad sees them (issue 10).
 * The catalogue (`resources/drugs/`) is generic products; the clinic's formulary adds brands and
 * local products mapped to the same ingredients. Prescriptions keep the product's id and a copy of
 * its display name, so a later catalogue update never rewrites a signed script.
 */

/** Dose forms the catalogue and the dose units know. */
export const DOSE_FORMS = [
  'tablet',
  'capsule',
  'syrup',
  'suspension',
  'drops',
  'injection',
  'cream',
  'ointment',
  'gel',
  'inhaler',
  'nebuliser solution',
  'suppository',
  'patch',
  'powder',
  'spray',
  'lotion',
  'solution',
] as const;
export type DoseForm = (typeof DOSE_FORMS)[number];

export const ROUTES = [
  'oral',
  'sublingual',
  'topical',
  'inhaled',
  'nasal',
  'ophthalmic',
  'otic',
  'rectal',
  'vaginal',
  'intravenous',
  'intramuscular',
  'subcutaneous',
  'transdermal',
] as const;
export type Route = (typeof ROUTES)[number];

export const drugIngredientSchema = z.object({
  /** Stable ingredient id in our catalogue (lower-case generic name, e.g. "amoxicillin"). */
  id: z.string(),
  name: z.string(),
  /** RxNorm ingredient (TTY=IN) concept id, where one exists. */
  rxnormCui: z.string().nullable(),
  /** Strength of this ingredient in one unit of the product, e.g. 500 "mg" or 125 "mg/5 mL". */
  strength: z.number().positive(),
  strengthUnit: z.string(),
});
export type DrugIngredient = z.infer<typeof drugIngredientSchema>;

export const drugProductSchema = z.object({
  /** "cat:<id>" for catalogue products, "form:<uuid>" for the clinic's formulary. */
  id: z.string(),
  source: z.enum(['catalogue', 'formulary']),
  /** Generic display name, e.g. "Amoxicillin 500 mg capsule". */
  name: z.string(),
  /** Brand, for formulary products. */
  brand: z.string().nullable(),
  form: z.enum(DOSE_FORMS),
  route: z.enum(ROUTES),
  ingredients: z.array(drugIngredientSchema).min(1),
  /** Drug classes of its ingredients (ids from resources/drugs classes), for duplicate therapy. */
  classes: z.array(z.string()),
  favourite: z.boolean(),
});
export type DrugProduct = z.infer<typeof drugProductSchema>;

/** interrupt: needs a decision (and for overrides a reason); warn: shown, no stop; note: quiet. */
export const ALERT_SEVERITIES = ['interrupt', 'warn', 'note'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_KINDS = [
  'allergy',
  'allergy-cross',
  'allergies-unrecorded',
  'interaction',
  'duplicate-ingredient',
  'duplicate-class',
  'max-daily-dose',
  'paediatric-dose',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const safetyAlertSchema = z.object({
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(ALERT_SEVERITIES),
  /** The rule's id in its table (stable; the admin report counts by it). */
  ruleId: z.string(),
  /** One plain sentence for the doctor, e.g. "Warfarin with ibuprofen: bleeding risk". */
  message: z.string(),
  /** Where the rule comes from (citation), shown on request. */
  source: z.string(),
  /** What it was checked against: the other item, medication or allergy, as shown to the doctor. */
  against: z.string().nullable(),
});
export type SafetyAlert = z.infer<typeof safetyAlertSchema>;

/** One prescription line as the safety engine sees it. */
export interface SafetyItem {
  /** Ingredient ids of the product (from DrugProduct.ingredients). */
  ingredientIds: string[];
  /** Display name, for messages. */
  name: string;
  /** Planned amount per day of each ingredient in mg, where it can be computed (null: unknown). */
  dailyMgByIngredient: Record<string, number> | null;
  /** Route of the product (dose limits count only systemic routes); absent: not known. */
  route?: Route | null;
}

export interface SafetyContext {
  /** Active medication-list entries (free text names resolve to ingredients by the catalogue). */
  currentMedications: { name: string; ingredientIds?: string[] }[];
  /** Active allergies; `recorded` false when nothing (not even NKA) is recorded. */
  allergies: { substance: string }[];
  allergiesRecorded: boolean;
  /** The other items on the same prescription. */
  otherItems: SafetyItem[];
  weightKg: number | null;
  ageYears: number | null;
}
