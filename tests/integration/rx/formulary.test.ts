import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/main/ipc/session';
import { checkItem } from '../../../electron/main/rx/safety';
import type { FormularyProductInput } from '../../../shared/domain/formulary';
import { addUser, openTestApp, setUpClinic, type TestApp } from '../support';

/** The clinic's formulary, favourites, search and CSV import (issue 10, part 1) on a real SQLite file. */

let app: TestApp;
let doctor: Session;

beforeEach(async () => {
  app = openTestApp();
  doctor = await setUpClinic(app);
});
afterEach(() => app.close());

const augmentin = (over: Partial<FormularyProductInput> = {}): FormularyProductInput => ({
  brand: 'Augmentin 625',
  form: 'tablet',
  route: 'oral',
  ingredients: [
    { ingredientId: 'amoxicillin', strength: 500, unit: 'mg' },
    { ingredientId: 'clavulanate', strength: 125, unit: 'mg' },
  ],
  note: '',
  ...over,
});

const audits = (action: string) =>
  app.core.db.sqlite
    .prepare('SELECT action, details, patient_id FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action) as {
    action: string;
    details: string;
    patient_id: string | null;
  }[];

const count = (table: string, where = 'deleted_at IS NULL') =>
  (app.core.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;

async function refused(session: Session, channel: string, input: unknown) {
  const result = await app.raw(session, channel, input);
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error;
}

describe('the formulary', () => {
  it('adds a brand mapped to catalogue ingredients, finds it by brand and by generic name, audited', async () => {
    const entry = await app.call(doctor, 'rx.formulary.add', augmentin());
    expect(entry.product).toMatchObject({
      source: 'formulary',
      brand: 'Augmentin 625',
      name: 'Amoxicillin + Clavulanic acid 500 mg + 125 mg tablet',
      form: 'tablet',
      route: 'oral',
      favourite: false,
    });
    expect(entry.product.id).toBe(`form:${entry.id}`);
    expect(entry.product.classes).toContain('penicillin');
    expect(entry.product.ingredients.map((i) => [i.id, i.rxnormCui])).toEqual([
      ['amoxicillin', '723'],
      ['clavulanate', '48203'],
    ]);
    // Mapped to the catalogue's generic with the same ingredients, strengths and form.
    expect(
      app.core.db.sqlite.prepare('SELECT catalogue_product_id FROM formulary_products WHERE id = ?').get(entry.id),
    ).toEqual({ catalogue_product_id: 'cat:amoxicillin+clavulanate-tablet-oral-500-mg-125-mg' });
    expect(audits('formulary.add')).toEqual([{ action: 'formulary.add', details: 'Augmentin 625', patient_id: null }]);

    const byBrand = await app.call(doctor, 'rx.drugs.search', { text: 'augm' });
    expect(byBrand[0]?.id).toBe(entry.product.id);
    const byGeneric = await app.call(doctor, 'rx.drugs.search', { text: 'amoxi 500' });
    expect(byGeneric.map((p) => p.id)).toContain(entry.product.id);
    expect(byGeneric.map((p) => p.id)).toContain('cat:amoxicillin-capsule-oral-500-mg');
    // Other names: acetaminophen finds paracetamol; "500mg" is "500 mg".
    const apap = await app.call(doctor, 'rx.drugs.search', { text: 'acetaminophen 500mg' });
    expect(apap.slice(0, 3).map((p) => p.id)).toContain('cat:paracetamol-tablet-oral-500-mg');
    expect(apap[0]?.ingredients.map((i) => i.id)).toEqual(['paracetamol']);
    expect(await app.call(doctor, 'rx.drugs.search', { text: 'zzzz' })).toEqual([]);
  });

  it('updates and removes with the version, refusing a stale one, and the search follows', async () => {
    const entry = await app.call(doctor, 'rx.formulary.add', augmentin());
    const changed = await app.call(doctor, 'rx.formulary.update', {
      id: entry.id,
      version: entry.version,
      product: augmentin({ brand: 'Augmentin Duo', note: 'Pharmacy next door stocks it' }),
    });
    expect(changed).toMatchObject({ version: 2, note: 'Pharmacy next door stocks it' });
    expect(changed.product.brand).toBe('Augmentin Duo');
    expect((await app.call(doctor, 'rx.drugs.search', { text: 'augmentin duo' }))[0]?.id).toBe(entry.product.id);

    const stale = await refused(doctor, 'rx.formulary.remove', { id: entry.id, version: 1 });
    expect(stale.code).toBe('CONFLICT');
    await app.call(doctor, 'rx.formulary.remove', { id: entry.id, version: 2 });
    expect(await app.call(doctor, 'rx.drugs.search', { text: 'augmentin' })).toEqual([]);
    expect(await app.call(doctor, 'rx.formulary.list', { text: '' })).toEqual([]);
    expect(count('formulary_products', '1')).toBe(1); // removed softly, never deleted
    expect(audits('formulary.update')).toHaveLength(1);
    expect(audits('formulary.remove')).toHaveLength(1);
    expect((await refused(doctor, 'rx.formulary.remove', { id: entry.id, version: 3 })).code).toBe('NOT_FOUND');
  });

  it('refuses bad input with a field message and writes nothing', async () => {
    const unknown = await refused(
      doctor,
      'rx.formulary.add',
      augmentin({ ingredients: [{ ingredientId: 'unobtainium', strength: 5, unit: 'mg' }] }),
    );
    expect(unknown).toMatchObject({ code: 'VALIDATION' });
    expect(unknown.fields?.['ingredients.0.ingredientId']).toContain('unobtainium');
    const zero = await refused(
      doctor,
      'rx.formulary.add',
      augmentin({ ingredients: [{ ingredientId: 'amoxicillin', strength: 0, unit: 'mg' }] }),
    );
    expect(zero.code).toBe('VALIDATION');
    const noBrand = await refused(doctor, 'rx.formulary.add', augmentin({ brand: '   ' }));
    expect(noBrand.fields?.brand).toBe('Write the brand or local name');
    const bidi = await refused(doctor, 'rx.formulary.add', augmentin({ brand: 'Augm\u202Eentin' }));
    expect(bidi.fields?.brand).toMatch(/right-to-left override/);
    const twice = await refused(
      doctor,
      'rx.formulary.add',
      augmentin({
        ingredients: [
          { ingredientId: 'amoxicillin', strength: 500, unit: 'mg' },
          { ingredientId: 'amoxicillin', strength: 125, unit: 'mg' },
        ],
      }),
    );
    expect(twice.fields?.['ingredients.1.ingredientId']).toContain('listed twice');
    await app.call(doctor, 'rx.formulary.add', augmentin());
    const again = await refused(doctor, 'rx.formulary.add', augmentin({ brand: 'AUGMENTIN 625' }));
    expect(again.fields?.brand).toContain('already in the formulary');
    expect(count('formulary_products')).toBe(1);
  });

  it('lets doctors and administrators keep the formulary; only doctors search and mark favourites; receptionists nothing', async () => {
    const admin = await addUser(app, doctor, 'office', ['admin']);
    const front = await addUser(app, doctor, 'front', ['receptionist']);
    const entry = await app.call(admin, 'rx.formulary.add', augmentin());
    expect((await app.call(admin, 'rx.formulary.list', { text: 'augm' })).map((e) => e.id)).toEqual([entry.id]);
    expect((await refused(admin, 'rx.drugs.search', { text: 'amox' })).code).toBe('FORBIDDEN');
    for (const [channel, input] of [
      ['rx.drugs.search', { text: 'amox' }],
      ['rx.drugs.favourite', { productId: entry.product.id, favourite: true }],
      ['rx.formulary.list', { text: '' }],
      ['rx.formulary.add', augmentin({ brand: 'Other' })],
      ['rx.formulary.importCsv', { csv: 'brand,form,route,ingredients,strengths\nX,tablet,oral,paracetamol,500 mg' }],
    ] as const) {
      expect((await refused(front, channel, input)).code, channel).toBe('FORBIDDEN');
    }
    expect(count('formulary_products')).toBe(1);
  });
});

describe('favourites', () => {
  it('come first in search, per doctor, and toggle off again', async () => {
    const other = await addUser(app, doctor, 'drlee', ['doctor']);
    const before = await app.call(doctor, 'rx.drugs.search', { text: 'paracetamol' });
    const syrup = 'cat:paracetamol-syrup-oral-120-mg-5-ml';
    expect(before[0]?.id).not.toBe(syrup);
    expect(await app.call(doctor, 'rx.drugs.favourite', { productId: syrup, favourite: true })).toEqual({
      productId: syrup,
      favourite: true,
    });
    // Twice is once.
    await app.call(doctor, 'rx.drugs.favourite', { productId: syrup, favourite: true });
    expect(count('drug_favourites')).toBe(1);
    const after = await app.call(doctor, 'rx.drugs.search', { text: 'paracetamol' });
    expect(after[0]).toMatchObject({ id: syrup, favourite: true });
    expect(after.filter((p) => p.favourite)).toHaveLength(1);
    // Nothing typed: the favourites.
    expect((await app.call(doctor, 'rx.drugs.search', { text: '' })).map((p) => p.id)).toEqual([syrup]);
    // Another doctor's search is their own.
    expect((await app.call(other, 'rx.drugs.search', { text: 'paracetamol' }))[0]?.id).not.toBe(syrup);
    await app.call(doctor, 'rx.drugs.favourite', { productId: syrup, favourite: false });
    expect((await app.call(doctor, 'rx.drugs.search', { text: '' })).length).toBe(0);
    expect(audits('drug.favourite').map((a) => a.details)).toEqual([`${syrup}: on`, `${syrup}: off`]);
    const gone = await refused(doctor, 'rx.drugs.favourite', { productId: 'cat:no-such-product', favourite: true });
    expect(gone.code).toBe('NOT_FOUND');
  });
});

describe('CSV import', () => {
  it('imports good rows, reports bad rows by line with the reason, and writes each row whole', async () => {
    await app.call(doctor, 'rx.formulary.add', augmentin());
    const csv = [
      'Brand,Form,Route,Ingredients,Strengths,Note',
      'Calpol,syrup,oral,paracetamol,120 mg/5 mL,Sugar free',
      'Augmentin 625,tablet,oral,amoxicillin+clavulanate,500 mg+125 mg,', // already in the formulary
      'Brufen,tablet,oral,Ibuprofen,400mg,',
      ',tablet,oral,ibuprofen,200 mg,', // no brand
      'Mystery,tablet,oral,unobtainium,5 mg,',
      'Zinnat,tablet,oral,cefuroxime,250,', // no unit
      'Co-Codamol,tablet,oral,paracetamol+codeine,500 mg,', // one strength for two ingredients
      'Panadol,pill,oral,paracetamol,500 mg,',
      'Panadol,tablet,by mouth,paracetamol,500 mg,',
      'Brufen,tablet,oral,ibuprofen,400 mg,', // same as line 4
      '"Ventolin, Evohaler",inhaler,inhaled,albuterol,100 mcg/dose,"quoted, with a comma"',
      'Bad\u202Ename,tablet,oral,paracetamol,500 mg,',
    ].join('\n');
    const result = await app.call(doctor, 'rx.formulary.importCsv', { csv });
    expect(result.rows).toBe(12);
    expect(result.imported).toBe(3);
    expect(result.refused.map((r) => [r.line, r.reason])).toEqual([
      [3, 'already in the formulary'],
      [5, 'the brand is empty'],
      [6, '“unobtainium” is not an ingredient of the catalogue'],
      [7, '“250” is not a strength (a number and a unit, for example 500 mg or 125 mg/5 mL)'],
      [8, '2 ingredients but 1 strengths: give one strength per ingredient, joined by +'],
      [9, '“pill” is not a dose form (for example tablet, capsule, syrup, cream)'],
      [10, '“by mouth” is not a route (for example oral, topical, ophthalmic)'],
      [11, 'the same product is on line 4'],
      [13, expect.stringContaining('right-to-left override')],
    ]);
    const list = await app.call(doctor, 'rx.formulary.list', { text: '' });
    expect(list.map((e) => [e.product.brand, e.product.name, e.note])).toEqual([
      ['Augmentin 625', 'Amoxicillin + Clavulanic acid 500 mg + 125 mg tablet', ''],
      ['Brufen', 'Ibuprofen 400 mg tablet', ''],
      ['Calpol', 'Paracetamol 120 mg/5 mL syrup', 'Sugar free'],
      ['Ventolin, Evohaler', 'Salbutamol 100 mcg/dose inhaler', 'quoted, with a comma'],
    ]);
    expect(audits('formulary.import')).toEqual([
      { action: 'formulary.import', details: '3 imported, 9 refused of 12 rows', patient_id: null },
    ]);
    // Each imported row is a whole record in the change log.
    expect(
      (
        app.core.db.sqlite.prepare("SELECT count(*) AS n FROM change_log WHERE entity = 'formulary_product'").get() as {
          n: number;
        }
      ).n,
    ).toBe(4);
  });

  it('refuses a malformed file whole with a clear message and imports nothing', async () => {
    const cases: [string, RegExp][] = [
      [
        'brand,form,route,ingredients,strengths\n"Calpol,syrup,oral,paracetamol,120 mg/5 mL\n',
        /quote is opened and never closed/,
      ],
      [
        'brand,form,route,ingredients,strengths\nCalpol,syrup,oral\n',
        /line 2\): a row has a different number of columns/,
      ],
      ['brand,form,route,ingredients\nCalpol,syrup,oral,paracetamol\n', /Missing: strengths/],
      ['brand,form,route,ingredients,strengths,price\nCalpol,syrup,oral,paracetamol,1 mg,3\n', /column “price”/],
      ['brand,form,route,ingredients,strengths\n', /no products/],
    ];
    for (const [csv, message] of cases) {
      const error = await refused(doctor, 'rx.formulary.importCsv', { csv });
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(message);
      expect(error.message).toContain('Nothing was imported');
    }
    expect(count('formulary_products')).toBe(0);
    expect(audits('formulary.import')).toEqual([]);
  });
});

describe('the safety checks see formulary brands', () => {
  it('a current medication written as a brand resolves to its ingredients', async () => {
    await app.call(doctor, 'rx.formulary.add', {
      brand: 'Angised',
      form: 'tablet',
      route: 'sublingual',
      ingredients: [{ ingredientId: 'glyceryl-trinitrate', strength: 0.5, unit: 'mg' }],
      note: '',
    });
    await app.call(doctor, 'rx.drugs.search', { text: 'ang' }); // loads the formulary names
    const alerts = checkItem(
      { ingredientIds: ['sildenafil'], name: 'Sildenafil 50 mg tablet', dailyMgByIngredient: null },
      {
        currentMedications: [{ name: 'Angised 0.5 mg SL as needed' }],
        allergies: [],
        allergiesRecorded: true,
        otherItems: [],
        weightKg: 80,
        ageYears: 60,
      },
    );
    expect(alerts.map((a) => [a.severity, a.ruleId])).toEqual([['interrupt', 'onc-pde5-nitrate']]);
  });
});
