import { describe, expect, it } from 'vitest';
import { dosePerKg } from '../../../shared/domain/dose-per-kg';
import type { DrugProduct } from '../../../shared/domain/drug';
import {
  UNITS_BY_FORM,
  prescriptionItemInputSchema,
  type DoseUnit,
  type StructuredItem,
} from '../../../shared/domain/prescription';
import { shippedCatalogue } from '../../../electron/main/rx/catalogue/catalogue';
import { safetyItemOf } from '../../../electron/main/rx/prescriptions/prescription-service';

/**
 * The pad's mg/kg help and main's per-kg dose check read a dose's mg the same way: per ingredient,
 * from that ingredient's strength (shared ingredientMgPerDose), not from the product as a whole.
 */

function onceADay(product: DrugProduct, amount: number, unit: DoseUnit): StructuredItem {
  return prescriptionItemInputSchema.parse({
    kind: 'structured',
    name: product.name,
    form: product.form,
    route: product.route,
    lines: [{ amount, unit, frequency: 'od' }],
  }) as StructuredItem;
}

describe('mg per dose of each ingredient', () => {
  it('main’s daily mg (one dose a day) is the pad’s mg per dose, for every catalogue product and unit', () => {
    let compared = 0;
    for (const product of shippedCatalogue().products) {
      for (const unit of UNITS_BY_FORM[product.form]) {
        const help = dosePerKg(2, unit, product.ingredients, 10);
        const daily = safetyItemOf(onceADay(product, 2, unit), product).dailyMgByIngredient;
        // Main keeps a day's mg to 3 decimals.
        const fromHelp = Object.fromEntries(help.map((h) => [h.ingredientId, Math.round(h.mgPerDose * 1000) / 1000]));
        if (help.length === 0) expect(daily, `${product.id} in ${unit}`).toBeNull();
        else expect(daily, `${product.id} in ${unit}`).toEqual(fromHelp);
        compared += help.length;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('an ingredient whose strength does not say its mg is left out without hiding the other’s mg', () => {
    const product: DrugProduct = {
      id: 'form:test',
      source: 'formulary',
      name: 'Paracetamol 500 mg + Vitamin D3 400 units tablet',
      brand: 'Test',
      form: 'tablet',
      route: 'oral',
      ingredients: [
        { id: 'paracetamol', name: 'Paracetamol', rxnormCui: null, strength: 500, strengthUnit: 'mg' },
        { id: 'colecalciferol', name: 'Colecalciferol', rxnormCui: null, strength: 400, strengthUnit: 'units' },
      ],
      classes: [],
      favourite: false,
    };
    const item = prescriptionItemInputSchema.parse({
      kind: 'structured',
      name: product.name,
      form: 'tablet',
      route: 'oral',
      lines: [{ amount: 2, unit: 'tablet', frequency: 'qds' }],
    });
    expect(safetyItemOf(item, product).dailyMgByIngredient).toEqual({ paracetamol: 4000 });
    expect(dosePerKg(2, 'tablet', product.ingredients, 20).map((d) => [d.ingredientId, d.mgPerKg])).toEqual([
      ['paracetamol', 50],
    ]);
  });
});
