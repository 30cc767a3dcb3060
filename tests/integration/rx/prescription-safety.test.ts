import { afterEach, describe, expect, it } from 'vitest';
import { flushReadAudit } from '../../../electron/main/audit/read-audit';
import { addUser } from '../support';
import { amoxicillin, openRxClinic, rxRows, type RxClinic } from './rx-support';

// The shipped catalogue and safety engine (resources/drugs, electron/main/rx/safety) behind the record.
let c: RxClinic;
afterEach(() => c?.app.close());

const tablet = (name: string, productId: string, amount = 1, frequency = 'od') => ({
  kind: 'structured' as const,
  productId,
  name,
  form: 'tablet' as const,
  route: 'oral' as const,
  lines: [{ amount, unit: 'tablet' as const, frequency, duration: { value: 7, unit: 'days' as const } }],
});
const simvastatin = () => {
  const item = tablet('Simvastatin 20 mg tablet', 'cat:simvastatin-tablet-oral-20-mg');
  return { ...item, lines: [{ ...item.lines[0]!, timing: 'bedtime' as const }] };
};
const clarithromycin = () => tablet('Clarithromycin 500 mg tablet', 'cat:clarithromycin-tablet-oral-500-mg', 1, 'bd');
const paracetamol = (amount: number) =>
  tablet('Paracetamol 500 mg tablet', 'cat:paracetamol-tablet-oral-500-mg', amount, 'qds');

async function refused(channel: string, input: unknown) {
  const result = await c.app.raw(c.doctor, channel, input);
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error;
}

describe('safety alerts on the prescription', () => {
  it('an interaction interrupts: signing needs the reason, which is kept, shown and audited', async () => {
    c = await openRxClinic();
    await c.app.call(c.doctor, 'allergies.recordNka', { patientId: c.patientId });
    const draft = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    const statin = await c.app.call(c.doctor, 'prescriptions.addItem', {
      prescriptionId: draft.id,
      item: simvastatin(),
    });
    expect(statin.alerts).toEqual([]);
    const macrolide = await c.app.call(c.doctor, 'prescriptions.addItem', {
      prescriptionId: draft.id,
      item: clarithromycin(),
    });
    expect(macrolide.alerts.map((a) => [a.ruleId, a.severity])).toContainEqual(['onc-statin-cyp3a4', 'interrupt']);
    // The statin is now checked against the macrolide too (every read re-checks a draft).
    const [first, second] = macrolide.prescription.items;
    expect(first!.needsOverride).toEqual(['onc-statin-cyp3a4']);
    expect(second!.needsOverride).toEqual(['onc-statin-cyp3a4']);

    const before = rxRows(c.app);
    const error = await refused('prescriptions.sign', { id: draft.id, version: 1 });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Some alerts need a reason before the prescription can be signed.');
    expect(Object.keys(error.fields ?? {})).toEqual(['items.1', 'items.2']);
    expect(error.fields?.['items.1']).toMatch(/^Simvastatin 20 mg tablet: give a reason to go on despite: /);
    // An override for an alert the item does not have is refused, whole.
    const wrong = await refused('prescriptions.sign', {
      id: draft.id,
      version: 1,
      overrides: [
        { itemId: first!.id, ruleId: 'onc-statin-cyp3a4', reason: 'Short course, statin paused' },
        { itemId: second!.id, ruleId: 'no-such-rule', reason: 'x' },
      ],
    });
    expect(wrong.fields).toEqual({ 'overrides.0.ruleId': 'This item has no such alert now; check the item again.' });
    expect(rxRows(c.app)).toEqual(before);

    // The reason given on the pad for one item, and at signing for the other.
    const overridden = await c.app.call(c.doctor, 'prescriptions.overrideAlert', {
      itemId: first!.id,
      ruleId: 'onc-statin-cyp3a4',
      reason: 'Statin paused during the course',
    });
    expect(overridden.items[0]!.overrides).toMatchObject([
      {
        ruleId: 'onc-statin-cyp3a4',
        severity: 'interrupt',
        reason: 'Statin paused during the course',
        byName: 'Dr Amara Okafor',
      },
    ]);
    expect(overridden.items[0]!.needsOverride).toEqual([]);
    const signed = await c.app.call(c.doctor, 'prescriptions.sign', {
      id: draft.id,
      version: 1,
      overrides: [{ itemId: second!.id, ruleId: 'onc-statin-cyp3a4', reason: 'Same: statin paused' }],
    });
    expect(signed.status).toBe('signed');
    expect(signed.items.map((i) => i.overrides.map((o) => o.reason))).toEqual([
      ['Statin paused during the course'],
      ['Same: statin paused'],
    ]);
    flushReadAudit(c.app.core.ctx);
    const overrides = c.app.core.db.sqlite
      .prepare("SELECT patient_id, details FROM audit_log WHERE action = 'prescription.override' ORDER BY seq")
      .all();
    expect(overrides).toEqual([
      { patient_id: c.patientId, details: 'rule: onc-statin-cyp3a4 (interrupt)' },
      { patient_id: c.patientId, details: 'rule: onc-statin-cyp3a4 (interrupt)' },
    ]);

    // The admin report: shown and overridden per rule, counts only.
    const admin = await addUser(c.app, c.doctor, 'boss', ['admin']);
    const report = await c.app.call(admin, 'rxReport.alerts', { from: '2026-03-01', to: '2026-03-31' });
    expect(report.find((r) => r.ruleId === 'onc-statin-cyp3a4')).toEqual({
      ruleId: 'onc-statin-cyp3a4',
      kind: 'interaction',
      severity: 'interrupt',
      shown: 2,
      overridden: 2,
    });
    expect(JSON.stringify(report)).not.toContain(c.patientId);
    expect(await c.app.call(admin, 'rxReport.alerts', { from: '2026-04-01' })).toEqual([]);
  });

  it('an allergy to the ingredient interrupts, a cross-reactive class warns, unrecorded allergies are said', async () => {
    c = await openRxClinic();
    const draft = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    const unrecorded = await c.app.call(c.doctor, 'prescriptions.addItem', {
      prescriptionId: draft.id,
      item: tablet('Metformin 500 mg tablet', 'cat:metformin-tablet-oral-500-mg', 1, 'bd'),
    });
    expect(unrecorded.alerts.map((a) => a.kind)).toContain('allergies-unrecorded');
    await c.app.call(c.doctor, 'allergies.add', {
      patientId: c.patientId,
      substance: 'Penicillin',
      substanceType: 'medication',
      reaction: 'Hives',
      severity: 'moderate',
    });
    const amox = await c.app.call(c.doctor, 'prescriptions.addItem', {
      prescriptionId: draft.id,
      item: amoxicillin({ productId: 'cat:amoxicillin-capsule-oral-500-mg' }),
    });
    expect(amox.alerts.some((a) => a.severity === 'interrupt' && a.kind.startsWith('allergy'))).toBe(true);
    const cef = await c.app.call(c.doctor, 'prescriptions.addItem', {
      prescriptionId: draft.id,
      item: amoxicillin({ productId: 'cat:cephalexin-capsule-oral-500-mg', name: 'Cephalexin 500 mg capsule' }),
    });
    expect(cef.alerts.filter((a) => a.kind === 'allergy-cross').map((a) => a.severity)).toEqual(['warn']);
    expect(cef.prescription.items[2]!.needsOverride).toEqual([]);
  });

  it('a dose above the daily maximum interrupts (paracetamol 2 × 500 mg four times a day = 4 g is the limit)', async () => {
    c = await openRxClinic();
    await c.app.call(c.doctor, 'allergies.recordNka', { patientId: c.patientId });
    const draft = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    const ok = await c.app.call(c.doctor, 'prescriptions.addItem', { prescriptionId: draft.id, item: paracetamol(2) });
    expect(ok.alerts).toEqual([]);
    const high = await c.app.call(c.doctor, 'prescriptions.updateItem', {
      itemId: ok.itemId,
      version: 1,
      item: paracetamol(3),
    });
    expect(high.alerts.map((a) => [a.kind, a.severity])).toEqual([['max-daily-dose', 'interrupt']]);
  });

  it('refuses a catalogue product that is not there, and a form that is not the product’s, writing nothing', async () => {
    c = await openRxClinic();
    const draft = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    const before = rxRows(c.app);
    const gone = await refused('prescriptions.addItem', {
      prescriptionId: draft.id,
      item: tablet('Unobtainium 5 mg tablet', 'cat:unobtainium-tablet-oral-5-mg'),
    });
    expect(gone.fields?.['item.productId']).toMatch(/not in the catalogue/);
    const form = await refused('prescriptions.addItem', {
      prescriptionId: draft.id,
      item: { ...clarithromycin(), productId: 'cat:amoxicillin-capsule-oral-500-mg' },
    });
    expect(form.fields).toEqual({ 'item.form': 'This product is a capsule; choose a dose unit for a capsule.' });
    expect(rxRows(c.app)).toEqual(before);
  });
});
