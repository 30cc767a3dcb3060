import type { Bundle, MedicationRequest } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { amoxicillin, openRxClinic } from '../rx/rx-support';
import { expectValidFhir, loadFhirDefinitions } from './fhir-validation';

beforeAll(() => loadFhirDefinitions());

const tablet = (name: string, productId: string, frequency: string) => ({
  kind: 'structured' as const,
  productId,
  name,
  form: 'tablet' as const,
  route: 'oral' as const,
  lines: [{ amount: 1, unit: 'tablet' as const, frequency, duration: { value: 7, unit: 'days' as const } }],
});

describe('MedicationRequest (FHIR R4)', () => {
  it('exports each signed item as a valid MedicationRequest with timing, route, dose, quantity, requester and overrides', async () => {
    const c = await openRxClinic();
    try {
      await c.app.call(c.doctor, 'allergies.recordNka', { patientId: c.patientId });
      const draft = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
      const add = (item: unknown) =>
        c.app.call(c.doctor, 'prescriptions.addItem', { prescriptionId: draft.id, item: item as never });
      await add(amoxicillin({ repeats: 1, instructions: 'Finish the course' }));
      await add({
        ...tablet('Prednisolone 5 mg tablet', 'cat:prednisolone-tablet-oral-5-mg', 'od'),
        lines: [
          { amount: 8, unit: 'tablet', frequency: 'od', timing: 'after-food', duration: { value: 3, unit: 'days' } },
          { amount: 4, unit: 'tablet', frequency: 'od', timing: 'after-food', duration: { value: 3, unit: 'days' } },
        ],
      });
      await add({
        kind: 'structured',
        productId: null,
        name: 'Salbutamol 100 mcg inhaler',
        form: 'inhaler',
        route: 'inhaled',
        lines: [{ amount: 2, unit: 'puff', frequency: { kind: 'as-needed', reason: 'wheeze', maxPerDay: 4 } }],
        quantity: { value: 1, unit: 'inhaler' },
      });
      await add({
        kind: 'structured',
        productId: null,
        name: 'Paracetamol 120 mg/5 mL syrup',
        form: 'syrup',
        route: 'oral',
        lines: [
          { amount: 5, unit: 'mL', frequency: 'every 6 hours', timing: 'none', duration: { value: 2, unit: 'weeks' } },
        ],
      });
      await add(tablet('Simvastatin 20 mg tablet', 'cat:simvastatin-tablet-oral-20-mg', 'od'));
      const last = await add(tablet('Clarithromycin 500 mg tablet', 'cat:clarithromycin-tablet-oral-500-mg', 'bd'));
      await add({ kind: 'free', name: 'Zinc oxide paste', directions: 'Apply thinly at each change' });
      const overrides = last.prescription.items
        .filter((i) => i.needsOverride.length > 0)
        .flatMap((i) =>
          i.needsOverride.map((ruleId) => ({ itemId: i.id, ruleId, reason: 'Statin paused during the course' })),
        );
      expect(overrides).toHaveLength(2);
      const signed = await c.app.call(c.doctor, 'prescriptions.sign', { id: draft.id, version: 1, overrides });
      // A draft is not exported; a cancelled prescription is, as cancelled, with its reason.
      await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
      const second = await c.app.call(c.doctor, 'prescriptions.repeatLast', { visitId: c.visitId });
      await c.app.call(c.doctor, 'prescriptions.removeItem', { itemId: second.items[6]!.id, version: 1 });
      const again = await c.app.call(c.doctor, 'prescriptions.get', { id: second.id });
      const signed2 = await c.app.call(c.doctor, 'prescriptions.sign', {
        id: second.id,
        version: again.version,
        overrides: again.items.flatMap((i) =>
          i.needsOverride.map((ruleId) => ({ itemId: i.id, ruleId, reason: 'Paused' })),
        ),
      });
      await c.app.call(c.doctor, 'prescriptions.cancel', {
        id: signed2.id,
        version: signed2.version,
        reason: 'Written twice',
      });

      const bundle = JSON.parse(
        (await c.app.call(c.doctor, 'fhir.exportPatient', { patientId: c.patientId })).json,
      ) as Bundle;
      expectValidFhir(bundle);
      const requests = bundle
        .entry!.map((e) => e.resource!)
        .filter((r): r is MedicationRequest => r.resourceType === 'MedicationRequest');
      requests.forEach(expectValidFhir);
      expect(requests).toHaveLength(7 + 6);
      const first = requests.filter((r) => r.groupIdentifier?.value === signed.number);
      expect(first).toHaveLength(7);
      const [amox, pred, salb, syrup, simva, , zinc] = first;
      expect(amox).toMatchObject({
        status: 'active',
        intent: 'order',
        medicationCodeableConcept: { text: 'Amoxicillin 500 mg capsule' },
        subject: { reference: `Patient/${c.patientId}` },
        encounter: { reference: `Encounter/${c.visitId}` },
        authoredOn: signed.signedAt,
        requester: { reference: `Practitioner/${signed.doctorId}` },
        note: [{ text: 'Finish the course' }],
        dispenseRequest: { quantity: { value: 15, unit: 'capsules' }, numberOfRepeatsAllowed: 1 },
        dosageInstruction: [
          {
            sequence: 1,
            text: '1 capsule three times a day after food for 5 days',
            timing: {
              repeat: {
                frequency: 3,
                period: 1,
                periodUnit: 'd',
                when: ['PC'],
                boundsDuration: { value: 5, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
              },
            },
            route: {
              coding: [{ system: 'http://snomed.info/sct', code: '26643006', display: 'Oral route' }],
              text: 'oral',
            },
            doseAndRate: [{ doseQuantity: { value: 1, unit: 'capsule' } }],
          },
        ],
      });
      expect(
        pred!.dosageInstruction!.map((d) => [
          d.sequence,
          d.doseAndRate![0]!.doseQuantity!.value,
          d.timing!.repeat!.boundsDuration!.value,
        ]),
      ).toEqual([
        [1, 8, 3],
        [2, 4, 3],
      ]);
      expect(salb!.dosageInstruction![0]).toMatchObject({
        asNeededCodeableConcept: { text: 'wheeze' },
        timing: { repeat: { frequencyMax: 4, period: 1, periodUnit: 'd' } },
        route: { coding: [{ code: '447694001' }] },
        doseAndRate: [{ doseQuantity: { value: 2, unit: 'puff' } }],
      });
      expect(syrup!.dosageInstruction![0]).toMatchObject({
        timing: { repeat: { frequency: 1, period: 6, periodUnit: 'h', boundsDuration: { value: 2, code: 'wk' } } },
        doseAndRate: [{ doseQuantity: { value: 5, unit: 'mL', system: 'http://unitsofmeasure.org', code: 'mL' } }],
      });
      expect(simva!.note).toEqual([
        { text: expect.stringMatching(/^Alert overridden: .+\. Reason: Statin paused during the course$/) },
      ]);
      expect(zinc!.dosageInstruction).toEqual([{ sequence: 1, text: 'Apply thinly at each change' }]);
      const cancelled = requests.filter((r) => r.groupIdentifier?.value === signed2.number);
      expect(cancelled).toHaveLength(6);
      for (const r of cancelled)
        expect(r).toMatchObject({ status: 'cancelled', statusReason: { text: 'Written twice' } });
    } finally {
      c.app.close();
    }
  });
});
