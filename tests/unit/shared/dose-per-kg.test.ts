import { describe, expect, it } from 'vitest';
import { dosePerKg } from '../../../shared/domain/dose-per-kg';
import type { DrugIngredient } from '../../../shared/domain/drug';

const ing = (id: string, strength: number, strengthUnit: string): DrugIngredient => ({
  id,
  name: id,
  rxnormCui: null,
  strength,
  strengthUnit,
});

describe('dosePerKg: mg/kg help for a child', () => {
  it('a tablet: dose × strength ÷ weight', () => {
    expect(dosePerKg(1, 'tablet', [ing('paracetamol', 250, 'mg')], 20)).toEqual([
      { ingredientId: 'paracetamol', name: 'paracetamol', mgPerDose: 250, mgPerKg: 12.5 },
    ]);
    expect(dosePerKg(0.5, 'tablet', [ing('paracetamol', 500, 'mg')], 18)[0]!.mgPerKg).toBe(13.89);
  });

  it('a syrup by volume: mg per 5 mL', () => {
    const [r] = dosePerKg(7.5, 'mL', [ing('amoxicillin', 125, 'mg/5 mL')], 15);
    expect(r!.mgPerDose).toBe(187.5);
    expect(r!.mgPerKg).toBe(12.5);
  });

  it('g and mcg are converted to mg; a dose written in mg is taken as it is', () => {
    expect(dosePerKg(1, 'sachet', [ing('x', 1, 'g')], 10)[0]!.mgPerKg).toBe(100);
    expect(dosePerKg(2, 'tablet', [ing('y', 500, 'mcg')], 10)[0]!.mgPerKg).toBe(0.1);
    expect(dosePerKg(40, 'mg', [ing('z', 10, 'mg/mL')], 8)[0]!.mgPerKg).toBe(5);
  });

  it('each ingredient of a combination is computed on its own', () => {
    const r = dosePerKg(1, 'tablet', [ing('a', 400, 'mg'), ing('b', 80, 'mg')], 40);
    expect(r.map((x) => [x.ingredientId, x.mgPerKg])).toEqual([
      ['a', 10],
      ['b', 2],
    ]);
  });

  it('nothing when the strength is not in mg, the unit does not say, or the weight or dose is missing', () => {
    expect(dosePerKg(1, 'tablet', [ing('insulin', 100, 'units/mL')], 20)).toEqual([]);
    expect(dosePerKg(2, 'puff', [ing('salbutamol', 100, 'mcg')], 20)).toEqual([]);
    expect(dosePerKg(1, 'tablet', [ing('p', 250, 'mg')], null)).toEqual([]);
    expect(dosePerKg(1, 'tablet', [ing('p', 250, 'mg')], 0)).toEqual([]);
    expect(dosePerKg(Number.NaN, 'tablet', [ing('p', 250, 'mg')], 20)).toEqual([]);
    expect(dosePerKg(0, 'tablet', [ing('p', 250, 'mg')], 20)).toEqual([]);
  });
});
