import { describe, expect, it } from 'vitest';
import { drugProductSchema } from '../../../shared/domain/drug';
import {
  SHIPPED_CATALOGUE_FILES,
  buildCatalogue,
  CatalogueError,
  shippedCatalogue,
} from '../../../electron/main/rx/catalogue/catalogue';

/** The shipped catalogue in resources/drugs/ (issue 10, part 1), as the loader reads and checks it. */
describe('the shipped drug catalogue', () => {
  const catalogue = shippedCatalogue();

  it('has at least 400 generic products with unique ids, each a valid DrugProduct', () => {
    expect(catalogue.products.length).toBeGreaterThanOrEqual(400);
    expect(new Set(catalogue.products.map((p) => p.id)).size).toBe(catalogue.products.length);
    for (const p of catalogue.products) {
      expect(drugProductSchema.safeParse(p).success, p.id).toBe(true);
      expect(p.id.startsWith('cat:')).toBe(true);
      expect(p.source).toBe('catalogue');
    }
  });

  it('maps every ingredient to at least one known class, and every product ingredient exists', () => {
    for (const ing of catalogue.ingredients.values()) {
      expect(ing.classes.length, ing.id).toBeGreaterThan(0);
      for (const c of ing.classes) expect(catalogue.classes.has(c), `${ing.id}: ${c}`).toBe(true);
    }
    for (const p of catalogue.products) {
      for (const i of p.ingredients) expect(catalogue.ingredients.has(i.id), `${p.id}: ${i.id}`).toBe(true);
      expect(p.classes.length).toBeGreaterThan(0);
    }
  });

  it('keeps RxNorm ingredient codes as digits only (or null where unknown)', () => {
    const codes = [...catalogue.ingredients.values()].map((i) => i.rxnormCui);
    for (const code of codes) if (code !== null) expect(code).toMatch(/^[0-9]+$/);
    expect(codes.filter((c) => c !== null).length).toBeGreaterThan(150);
    // A few codes anyone can check on RxNav.
    expect(catalogue.ingredients.get('paracetamol')?.rxnormCui).toBe('161');
    expect(catalogue.ingredients.get('amoxicillin')?.rxnormCui).toBe('723');
    expect(catalogue.ingredients.get('metformin')?.rxnormCui).toBe('6809');
    const cuis = codes.filter((c): c is string => c !== null);
    expect(new Set(cuis).size).toBe(cuis.length);
  });

  it('covers the main therapeutic classes of general practice', () => {
    const classesInProducts = new Set(catalogue.products.flatMap((p) => p.classes));
    for (const cls of [
      'penicillin',
      'cephalosporin',
      'macrolide',
      'fluoroquinolone',
      'nsaid',
      'opioid',
      'ace-inhibitor',
      'arb',
      'beta-blocker',
      'calcium-channel-blocker',
      'thiazide',
      'statin',
      'biguanide',
      'sulfonylurea',
      'insulin',
      'saba',
      'inhaled-corticosteroid',
      'ppi',
      'antiemetic',
      'antihistamine',
      'ssri',
      'antipsychotic',
      'benzodiazepine',
      'anticoagulant',
      'antiplatelet',
      'thyroid-hormone',
      'corticosteroid',
      'topical-corticosteroid',
      'vitamin',
      'iron',
      'azole-antifungal',
      'antiviral-herpes',
      'anthelmintic',
      'antimalarial',
      'glaucoma',
    ]) {
      expect(classesInProducts.has(cls), cls).toBe(true);
    }
    // Paediatric liquids.
    const syrups = catalogue.products.filter((p) => ['syrup', 'suspension'].includes(p.form));
    expect(syrups.length).toBeGreaterThan(40);
  });

  it('names products as people read them, with strengths per ingredient', () => {
    const coAmoxiclav = catalogue.productById.get('cat:amoxicillin+clavulanate-tablet-oral-500-mg-125-mg');
    expect(coAmoxiclav?.name).toBe('Amoxicillin + Clavulanic acid 500 mg + 125 mg tablet');
    expect(coAmoxiclav?.ingredients.map((i) => [i.id, i.strength, i.strengthUnit])).toEqual([
      ['amoxicillin', 500, 'mg'],
      ['clavulanate', 125, 'mg'],
    ]);
    const syrup = catalogue.productById.get('cat:paracetamol-syrup-oral-120-mg-5-ml');
    expect(syrup?.ingredients[0]).toMatchObject({ strength: 120, strengthUnit: 'mg/5 mL' });
    expect(catalogue.productById.get('cat:chloramphenicol-drops-ophthalmic-0.5')?.name).toBe(
      'Chloramphenicol 0.5% eye drops',
    );
  });

  it('has rule tables whose every referenced class and ingredient exists, each rule with a source', () => {
    expect(catalogue.interactions.filter((r) => r.severity === 'interrupt')).toHaveLength(15);
    expect(catalogue.interactions.filter((r) => r.severity === 'note').length).toBeGreaterThanOrEqual(25);
    for (const r of catalogue.interactions) {
      expect(r.source.length).toBeGreaterThan(10);
      for (const side of [r.a, r.b]) {
        for (const i of side.ingredients ?? []) expect(catalogue.ingredients.has(i), `${r.id}: ${i}`).toBe(true);
        for (const c of side.classes ?? []) expect(catalogue.classes.has(c), `${r.id}: ${c}`).toBe(true);
      }
    }
    for (const r of catalogue.interactions.filter((x) => x.severity === 'interrupt')) {
      expect(r.source).toContain('Phansalkar');
    }
    expect(catalogue.crossReactivity.map((r) => r.id)).toContain('xr-penicillin-cephalosporin');
    expect(catalogue.adultDoseLimits.find((l) => l.ingredient === 'paracetamol')?.maxMgPerDay).toBe(4000);
    expect(catalogue.paediatricDoseLimits.length).toBeGreaterThanOrEqual(10);
    const ruleIds = [
      ...catalogue.interactions,
      ...catalogue.crossReactivity,
      ...catalogue.adultDoseLimits,
      ...catalogue.paediatricDoseLimits,
    ].map((r) => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
  });
});

describe('the catalogue loader refuses a broken file', () => {
  const clone = (): typeof SHIPPED_CATALOGUE_FILES =>
    JSON.parse(JSON.stringify(SHIPPED_CATALOGUE_FILES)) as typeof SHIPPED_CATALOGUE_FILES;

  it('an ingredient with an unknown class', () => {
    const files = clone();
    (files.ingredients as { rows: unknown[][] }).rows[0]![3] = ['no-such-class'];
    expect(() => buildCatalogue(files)).toThrow(/unknown class "no-such-class"/);
  });

  it('an ingredient without a class', () => {
    const files = clone();
    (files.ingredients as { rows: unknown[][] }).rows[0]![3] = [];
    expect(() => buildCatalogue(files)).toThrow(CatalogueError);
  });

  it('an RxNorm code that is not digits', () => {
    const files = clone();
    (files.ingredients as { rows: unknown[][] }).rows[0]![2] = 'RX723';
    expect(() => buildCatalogue(files)).toThrow(/RxNorm CUI: digits only/);
  });

  it('a product naming an unknown ingredient, or a duplicate product', () => {
    const unknown = clone();
    (unknown.products as { rows: unknown[][] }).rows.push(['unobtainium', 'tablet', 'oral', ['1 mg']]);
    expect(() => buildCatalogue(unknown)).toThrow(/unknown ingredient "unobtainium"/);
    const twice = clone();
    (twice.products as { rows: unknown[][] }).rows.push(['amoxicillin', 'capsule', 'oral', ['500 mg']]);
    expect(() => buildCatalogue(twice)).toThrow(/appears twice/);
  });

  it('a rule naming an unknown class or ingredient', () => {
    const files = clone();
    (files.interactions as { rules: { b: { classes?: string[] } }[] }).rules[0]!.b.classes = ['nope'];
    expect(() => buildCatalogue(files)).toThrow(/interactions.json onc-atazanavir-ppi: unknown class "nope"/);
  });
});
