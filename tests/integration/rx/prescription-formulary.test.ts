import { afterEach, describe, expect, it } from 'vitest';
import type { FormularyProductInput } from '../../../shared/domain/formulary';
import { amoxicillin, openRxClinic, rxRows, type RxClinic } from './rx-support';

// Formulary products ("form:<uuid>") on the prescription are looked up like catalogue ones.
let c: RxClinic;
afterEach(() => c?.app.close());

const augmentin: FormularyProductInput = {
  brand: 'Augmentin 625',
  form: 'tablet',
  route: 'oral',
  ingredients: [
    { ingredientId: 'amoxicillin', strength: 500, unit: 'mg' },
    { ingredientId: 'clavulanate', strength: 125, unit: 'mg' },
  ],
  note: '',
};
// A brand name the text resolver cannot know: only the product's ingredients say it is a penicillin.
const augmentinItem = (productId: string | null, form: 'tablet' | 'capsule' = 'tablet') =>
  amoxicillin({
    productId,
    name: 'Augmentin 625',
    form,
    lines: [
      {
        amount: 1,
        unit: form,
        frequency: 'bd',
        timing: 'after-food',
        duration: { value: 5, unit: 'days' },
      },
    ],
  });

async function refused(channel: string, input: unknown) {
  const result = await c.app.raw(c.doctor, channel, input);
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error;
}

describe('formulary products on the prescription', () => {
  it('are checked by their ingredients: a penicillin allergy interrupts a formulary brand', async () => {
    c = await openRxClinic();
    const entry = await c.app.call(c.doctor, 'rx.formulary.add', augmentin);
    expect(entry.product.id).toBe(`form:${entry.id}`);
    await c.app.call(c.doctor, 'allergies.add', {
      patientId: c.patientId,
      substance: 'Penicillin',
      substanceType: 'medication',
      reaction: 'Hives',
      severity: 'moderate',
    });
    const draft = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    const added = await c.app.call(c.doctor, 'prescriptions.addItem', {
      prescriptionId: draft.id,
      item: augmentinItem(entry.product.id),
    });
    expect(added.prescription.items[0]!.item.productId).toBe(entry.product.id);
    expect(added.alerts.some((a) => a.severity === 'interrupt' && a.kind.startsWith('allergy'))).toBe(true);
    expect(added.prescription.items[0]!.needsOverride.length).toBeGreaterThan(0);
  });

  it('refuses a form that is not the product form, and an unknown formulary id, writing nothing', async () => {
    c = await openRxClinic();
    const entry = await c.app.call(c.doctor, 'rx.formulary.add', augmentin);
    await c.app.call(c.doctor, 'allergies.recordNka', { patientId: c.patientId });
    const draft = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    const before = rxRows(c.app);
    const wrongForm = await refused('prescriptions.addItem', {
      prescriptionId: draft.id,
      item: augmentinItem(entry.product.id, 'capsule'),
    });
    expect(wrongForm.code).toBe('VALIDATION');
    expect(Object.keys(wrongForm.fields ?? {})).toEqual(['item.form']);
    const unknown = await refused('prescriptions.addItem', {
      prescriptionId: draft.id,
      item: augmentinItem('form:00000000-0000-4000-8000-000000000000'),
    });
    expect(unknown.code).toBe('VALIDATION');
    expect(Object.keys(unknown.fields ?? {})).toEqual(['item.productId']);
    expect(rxRows(c.app)).toEqual(before);
  });

  it('a removed formulary product is kept by name when the prescription is repeated', async () => {
    c = await openRxClinic();
    const entry = await c.app.call(c.doctor, 'rx.formulary.add', augmentin);
    await c.app.call(c.doctor, 'allergies.recordNka', { patientId: c.patientId });
    const draft = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    const added = await c.app.call(c.doctor, 'prescriptions.addItem', {
      prescriptionId: draft.id,
      item: augmentinItem(entry.product.id),
    });
    expect(added.alerts.filter((a) => a.severity === 'interrupt')).toEqual([]);
    await c.app.call(c.doctor, 'prescriptions.sign', { id: draft.id, version: added.prescription.version });
    await c.app.call(c.doctor, 'rx.formulary.remove', { id: entry.id, version: entry.version });
    const repeat = await c.app.call(c.doctor, 'prescriptions.repeatLast', { visitId: c.visitId });
    expect(repeat.items.map((i) => [i.item.name, i.item.productId])).toEqual([['Augmentin 625', null]]);
  });
});
