import type { DrugIngredient } from './drug';
import type { DoseUnit } from './prescription';

/**
 * mg/kg help on the prescription pad (issue 10, part 2): for a child with a recorded weight, what a
 * dose is per kg of body weight, from the chosen product's strength. Pure, so the pad and its tests
 * compute the same number. Main's per-kg and daily dose checks read each ingredient's mg per dose
 * through ingredientMgPerDose too (electron/main/rx/prescriptions/prescription-service.ts mgPerDose),
 * so the help and the alert never disagree.
 */

const MG_PER: Record<string, number> = { mg: 1, g: 1000, mcg: 0.001 };
/** Units whose one dose is one unit of the product (a tablet holds the product's strength). */
const WHOLE_UNITS: ReadonlySet<string> = new Set(['tablet', 'capsule', 'suppository', 'sachet']);

export interface DosePerKg {
  ingredientId: string;
  name: string;
  /** mg of the ingredient in one dose. */
  mgPerDose: number;
  /** mg per kg of body weight in one dose, rounded to 2 decimals. */
  mgPerKg: number;
}

/** mg of one ingredient in a dose of `amount` `unit`; null when the strength does not say (e.g. puffs, or IU). */
export function ingredientMgPerDose(
  amount: number,
  unit: DoseUnit,
  ingredient: DrugIngredient,
  ingredients = 1,
): number | null {
  const strengthUnit = ingredient.strengthUnit.trim();
  const unitMg = MG_PER[strengthUnit.toLowerCase()];
  const perVolume = /^(mg|g|mcg)\s*\/\s*(\d*\.?\d+)?\s*mL$/i.exec(strengthUnit);
  if (WHOLE_UNITS.has(unit) && unitMg !== undefined) return amount * ingredient.strength * unitMg;
  if (unit === 'mL' && perVolume) {
    const volume = perVolume[2] ? Number(perVolume[2]) : 1;
    return (amount * ingredient.strength * (MG_PER[perVolume[1]!.toLowerCase()] ?? 1)) / volume;
  }
  // A dose written in mg itself says its mg only when the product has one ingredient.
  if (unit in MG_PER && ingredients === 1 && (unitMg !== undefined || perVolume)) return amount * MG_PER[unit]!;
  return null;
}

/**
 * dose × strength ÷ weight for each ingredient of the product whose strength is in mg (g and mcg
 * converted). Empty when none can be computed, or when the dose or the weight is not a positive number.
 */
export function dosePerKg(
  amount: number,
  unit: DoseUnit,
  ingredients: readonly DrugIngredient[],
  weightKg: number | null,
): DosePerKg[] {
  if (!(amount > 0) || !Number.isFinite(amount) || weightKg === null || !(weightKg > 0)) return [];
  const out: DosePerKg[] = [];
  for (const ing of ingredients) {
    const mg = ingredientMgPerDose(amount, unit, ing, ingredients.length);
    if (mg === null) continue;
    out.push({ ingredientId: ing.id, name: ing.name, mgPerDose: mg, mgPerKg: Math.round((mg / weightKg) * 100) / 100 });
  }
  return out;
}
