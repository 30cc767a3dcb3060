import { z } from 'zod';
import { idSchema, optionalText, versionSchema } from './common';
import { DOSE_FORMS, ROUTES, drugProductSchema } from './drug';

/**
 * The clinic's own formulary (issue 10, part 1): brands and local products mapped to the
 * catalogue's ingredients (resources/drugs/), and each doctor's favourites. Searched together with
 * the catalogue as DrugProduct (id "form:<uuid>" for a formulary product, "cat:..." for the catalogue).
 */

/** Units a strength may be written in ("500 mg", "125 mg/5 mL", "0.1%", "100 mcg/dose"). */
export const STRENGTH_UNITS = [
  'mg',
  'mcg',
  'g',
  'units',
  '%',
  'mg/5 mL',
  'mg/mL',
  'mcg/mL',
  'g/5 mL',
  'g/10 mL',
  'mg/g',
  'units/mL',
  'units/g',
  'mcg/dose',
  'mg/dose',
  'mcg/h',
  'mg/24 h',
  'mL',
  'tablet',
] as const;

/**
 * A strength unit: an amount unit, optionally per a volume, mass, dose or time ("mg", "mg/5 mL",
 * "mcg/dose", "mg/24 h", "mg/2.5 mL"). The list above is what a form offers; a CSV may use any unit
 * of this shape.
 */
const UNIT_PATTERN = /^(mg|mcg|g|units|%|ml|tablet)(\/((\d+(\.\d+)?) ?)?(ml|g|dose|h))?$/;

/** The unit as stored ("MG/5ml" -> "mg/5 mL"), or null when it is not a strength unit. */
export function canonicalStrengthUnit(text: string): string | null {
  const m = UNIT_PATTERN.exec(text.trim().toLowerCase().replace(/\s+/g, ' '));
  if (!m) return null;
  const fix = (u: string): string => (u === 'ml' ? 'mL' : u);
  if (!m[2]) return fix(m[1]!);
  const per = m[4] ? `${m[4]} ${fix(m[6]!)}` : fix(m[6]!);
  return `${fix(m[1]!)}/${per}`;
}

const INGREDIENT_ID = /^[a-z0-9][a-z0-9.-]*$/;

export const formularyIngredientSchema = z.strictObject({
  /** A catalogue ingredient id ("amoxicillin"). */
  ingredientId: z.string().max(80).regex(INGREDIENT_ID, { message: 'Choose an ingredient from the catalogue' }),
  strength: z
    .number({ message: 'Write the strength as a number' })
    .positive({ message: 'A strength is more than zero' })
    .max(10_000_000, { message: 'This strength is too large' }),
  unit: z
    .string()
    .max(20)
    .refine((u) => canonicalStrengthUnit(u) === u, {
      message: 'Choose a unit from the list (for example mg or mg/5 mL)',
    }),
});
export type FormularyIngredient = z.infer<typeof formularyIngredientSchema>;

export const formularyProductInputSchema = z.strictObject({
  /** The brand or local name as the pharmacy sells it ("Augmentin 625"). */
  brand: optionalText(120, 'Brand').refine((s) => s !== '', { message: 'Write the brand or local name' }),
  form: z.enum(DOSE_FORMS, { message: 'Choose a dose form' }),
  route: z.enum(ROUTES, { message: 'Choose a route' }),
  ingredients: z
    .array(formularyIngredientSchema)
    .min(1, { message: 'Add at least one ingredient' })
    .max(8, { message: 'A product has at most 8 ingredients' }),
  note: optionalText(500, 'Note'),
});
export type FormularyProductInput = z.input<typeof formularyProductInputSchema>;
export type FormularyProductParsed = z.output<typeof formularyProductInputSchema>;

export const formularyEntrySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  product: drugProductSchema,
  note: z.string(),
  updatedAt: z.string(),
});
export type FormularyEntry = z.infer<typeof formularyEntrySchema>;

export const drugSearchInputSchema = z.strictObject({
  text: z.string().max(100, { message: 'Search text is at most 100 characters' }),
  limit: z.number().int().min(1).max(100).default(25),
});

export const formularyListInputSchema = z.strictObject({
  text: z.string().max(100, { message: 'Search text is at most 100 characters' }).default(''),
});

export const formularyUpdateInputSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  product: formularyProductInputSchema,
});

export const formularyRemoveInputSchema = z.strictObject({ id: idSchema, version: versionSchema });

/** "cat:..." or "form:<uuid>". */
export const drugProductIdSchema = z
  .string()
  .max(200)
  .regex(/^(cat:[a-z0-9.+-]+|form:[0-9a-f-]{36})$/, { message: 'Not a product of the catalogue or the formulary' });

export const favouriteInputSchema = z.strictObject({ productId: drugProductIdSchema, favourite: z.boolean() });
export const favouriteResultSchema = z.strictObject({ productId: z.string(), favourite: z.boolean() });

/** At most about 2 MB of CSV (some 20,000 rows) in one import. */
export const FORMULARY_CSV_MAX_CHARS = 2_000_000;
export const FORMULARY_CSV_MAX_ROWS = 5_000;
/** The columns a formulary CSV has (header row, any order); note is optional. */
export const FORMULARY_CSV_COLUMNS = ['brand', 'form', 'route', 'ingredients', 'strengths', 'note'] as const;

export const formularyImportInputSchema = z.strictObject({
  csv: z
    .string()
    .min(1, { message: 'The file is empty' })
    .max(FORMULARY_CSV_MAX_CHARS, { message: 'The file is larger than 2 MB: split it and import the parts' }),
});

export const formularyImportResultSchema = z.strictObject({
  /** Data rows read (the header not counted). */
  rows: z.number().int(),
  imported: z.number().int(),
  /** Each refused row: its line number in the file (the header is line 1) and why. */
  refused: z.array(z.strictObject({ line: z.number().int(), brand: z.string(), reason: z.string() })),
});
export type FormularyImportResult = z.infer<typeof formularyImportResultSchema>;
