import { afterEach, describe, expect, it } from 'vitest';
import { flushReadAudit } from '../../../electron/main/audit/read-audit';
import { PrescriptionService } from '../../../electron/main/rx/prescriptions/prescription-service';
import { addUser, patientInput } from '../support';
import { amoxicillin, metformin, openRxClinic, rxItemForm, rxRows, type RxClinic } from './rx-support';

let c: RxClinic;
afterEach(() => c?.app.close());

const audits = (action: string) => (
  flushReadAudit(c.app.core.ctx),
  c.app.core.db.sqlite
    .prepare('SELECT action, patient_id, details, outcome FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action) as { action: string; patient_id: string | null; details: string; outcome: string }[]
);

async function refused(channel: string, input: unknown, session = c.doctor) {
  const result = await c.app.raw(session, channel, input);
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error;
}

describe('writing and signing a prescription', () => {
  it('writes a draft in a visit, reads each dose back, computes the quantity and audits every step', async () => {
    c = await openRxClinic();
    const draft = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    expect(draft).toMatchObject({
      status: 'draft',
      patientId: c.patientId,
      visitId: c.visitId,
      number: null,
      items: [],
    });
    expect(draft.doctorName).toBe('Dr Amara Okafor');
    const added = await c.app.call(c.doctor, 'prescriptions.addItem', {
      prescriptionId: draft.id,
      item: amoxicillin(),
    });
    // No allergy is recorded yet: said, without interrupting.
    expect(added.alerts.map((a) => [a.kind, a.severity])).toEqual([['allergies-unrecorded', 'note']]);
    expect(added.prescription.items).toHaveLength(1);
    expect(added.prescription.items[0]).toMatchObject({
      position: 1,
      sentence: '1 capsule three times a day after food for 5 days',
      item: { quantity: { value: 15, unit: 'capsules' }, repeats: 0 },
      needsOverride: [],
    });
    // The quantity is the doctor's to change.
    const edited = await c.app.call(c.doctor, 'prescriptions.updateItem', {
      itemId: added.itemId,
      version: 1,
      item: { ...amoxicillin(), quantity: { value: 21, unit: 'capsules' } },
    });
    expect(edited.prescription.items[0]!.item.quantity).toEqual({ value: 21, unit: 'capsules' });
    await c.app.call(c.doctor, 'prescriptions.addItem', {
      prescriptionId: draft.id,
      item: { kind: 'free', name: 'Zinc oxide paste', directions: 'Apply to the nappy area at each change' },
    });
    const got = await c.app.call(c.doctor, 'prescriptions.get', { id: draft.id });
    expect(got.items.map((i) => i.sentence)).toEqual([
      '1 capsule three times a day after food for 5 days',
      'Apply to the nappy area at each change',
    ]);
    expect(audits('prescription.create')).toEqual([
      { action: 'prescription.create', patient_id: c.patientId, details: '', outcome: 'success' },
    ]);
    expect(audits('prescription.item_add').map((a) => a.details)).toEqual(['item 1', 'item 2']);
    expect(audits('prescription.item_update')).toHaveLength(1);
    expect(audits('prescription.view')).toEqual([
      { action: 'prescription.view', patient_id: c.patientId, details: 'status: draft', outcome: 'success' },
    ]);
    const list = await c.app.call(c.doctor, 'prescriptions.list', { patientId: c.patientId });
    expect(list).toMatchObject([
      { id: draft.id, status: 'draft', itemNames: ['Amoxicillin 500 mg capsule', 'Zinc oxide paste'] },
    ]);
    expect(audits('chart.view').map((a) => a.details)).toContain('section: prescriptions');
  });

  it('signs: numbered, immutable after, and each item started on the medication list', async () => {
    c = await openRxClinic();
    const draft = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    const a = await c.app.call(c.doctor, 'prescriptions.addItem', { prescriptionId: draft.id, item: amoxicillin() });
    await c.app.call(c.doctor, 'prescriptions.addItem', { prescriptionId: draft.id, item: metformin() });
    // A medicine typed in the pad and never added: signing ends the prescription, and its draft with it.
    const typed = { kind: 'rxItem', key: `rx:${draft.id}` } as const;
    await c.app.call(c.doctor, 'drafts.save', { ...typed, body: { form: rxItemForm() } });
    const signed = await c.app.call(c.doctor, 'prescriptions.sign', { id: draft.id, version: 1 });
    expect(await c.app.call(c.doctor, 'drafts.get', typed)).toBeNull();
    expect(signed.status).toBe('signed');
    expect(signed.signedAt).toBe('2026-03-10T09:00:00.000Z');
    expect(signed.number).toMatch(/^RX-20260310-[0-9A-F]{6}$/);
    const meds = await c.app.call(c.doctor, 'medications.list', { patientId: c.patientId });
    expect(meds.active.map((m) => [m.name, m.dose, m.frequency, m.source, m.startDate])).toEqual([
      ['Amoxicillin 500 mg capsule', '1 capsule', 'three times a day', 'here', '2026-03-10'],
      ['Metformin 500 mg tablet', '1 tablet', 'twice a day', 'here', '2026-03-10'],
    ]);
    expect(audits('prescription.sign')).toEqual([
      {
        action: 'prescription.sign',
        patient_id: c.patientId,
        details: `${signed.number}; items: 2`,
        outcome: 'success',
      },
    ]);

    const before = rxRows(c.app);
    const item = signed.items[0]!;
    for (const [channel, input] of [
      ['prescriptions.addItem', { prescriptionId: draft.id, item: amoxicillin() }],
      ['prescriptions.updateItem', { itemId: item.id, version: item.version, item: amoxicillin({ repeats: 2 }) }],
      ['prescriptions.removeItem', { itemId: item.id, version: item.version }],
      ['prescriptions.sign', { id: draft.id, version: signed.version }],
    ] as const) {
      const error = await refused(channel, input);
      expect(error.code, channel).toBe('VALIDATION');
      expect(error.message, channel).toMatch(/signed or cancelled and cannot be changed/);
    }
    expect(rxRows(c.app)).toEqual(before);
    // And in SQL, whoever writes.
    expect(() =>
      c.app.core.db.sqlite.prepare("UPDATE prescription_items SET name = 'Other' WHERE id = ?").run(a.itemId),
    ).toThrow(/immutable once signed/);
  });

  it('cancels a signed prescription with a reason, stopping what it started; a change is cancel + a new draft', async () => {
    c = await openRxClinic();
    const draft = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    await c.app.call(c.doctor, 'prescriptions.addItem', { prescriptionId: draft.id, item: amoxicillin() });
    await c.app.call(c.doctor, 'prescriptions.addItem', { prescriptionId: draft.id, item: metformin() });
    const signed = await c.app.call(c.doctor, 'prescriptions.sign', { id: draft.id, version: 1 });
    const next = await c.app.call(c.doctor, 'prescriptions.change', {
      id: signed.id,
      version: signed.version,
      reason: 'Wrong strength',
    });
    expect(next).toMatchObject({ status: 'draft', replacesId: signed.id, visitId: c.visitId });
    expect(next.items.map((i) => i.sentence)).toEqual(signed.items.map((i) => i.sentence));
    const old = await c.app.call(c.doctor, 'prescriptions.get', { id: signed.id });
    expect(old).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Wrong strength',
      cancelledAt: '2026-03-10T09:00:00.000Z',
    });
    const meds = await c.app.call(c.doctor, 'medications.list', { patientId: c.patientId });
    expect(meds.active).toEqual([]);
    expect(meds.stopped.map((m) => [m.name, m.stopReason, m.stopDate])).toEqual([
      ['Amoxicillin 500 mg capsule', 'Wrong strength', '2026-03-10'],
      ['Metformin 500 mg tablet', 'Wrong strength', '2026-03-10'],
    ]);
    expect(audits('prescription.cancel').map((a) => a.details)).toEqual(['was signed']);
    // Cancelled is final; a draft is discarded by cancelling it.
    expect(
      (await refused('prescriptions.cancel', { id: signed.id, version: old.version, reason: 'again' })).message,
    ).toMatch(/already cancelled/);
    const discarded = await c.app.call(c.doctor, 'prescriptions.cancel', {
      id: next.id,
      version: 1,
      reason: 'Not needed',
    });
    expect(discarded.status).toBe('cancelled');
    // A cancel reason is required.
    const error = await refused('prescriptions.change', { id: signed.id, version: old.version, reason: '  ' });
    expect(error.fields).toEqual({ reason: 'Say why the prescription is cancelled' });
  });

  it('repeats the last signed prescription and renews the chronic medicines prescribed here', async () => {
    c = await openRxClinic();
    expect((await refused('prescriptions.repeatLast', { visitId: c.visitId })).message).toMatch(
      /no signed prescription/,
    );
    expect((await refused('prescriptions.renewChronic', { visitId: c.visitId })).message).toMatch(
      /no active medicines/,
    );
    const first = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    await c.app.call(c.doctor, 'prescriptions.addItem', { prescriptionId: first.id, item: metformin() });
    await c.app.call(c.doctor, 'prescriptions.sign', { id: first.id, version: 1 });
    const second = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    await c.app.call(c.doctor, 'prescriptions.addItem', { prescriptionId: second.id, item: amoxicillin() });
    const last = await c.app.call(c.doctor, 'prescriptions.sign', { id: second.id, version: 1 });

    const repeated = await c.app.call(c.doctor, 'prescriptions.repeatLast', { visitId: c.visitId });
    expect(repeated.status).toBe('draft');
    expect(repeated.items.map((i) => i.sentence)).toEqual(last.items.map((i) => i.sentence));

    // Chronic: the active medicines prescribed here; one typed on the list becomes free text; outside ones stay out.
    await c.app.call(c.doctor, 'medications.add', {
      patientId: c.patientId,
      medication: { name: 'Atorvastatin', dose: '20 mg', route: 'oral', frequency: 'at night', source: 'here' },
    });
    await c.app.call(c.doctor, 'medications.add', {
      patientId: c.patientId,
      medication: { name: 'Herbal tea', source: 'outside' },
    });
    const renewed = await c.app.call(c.doctor, 'prescriptions.renewChronic', { visitId: c.visitId });
    expect(renewed.items.map((i) => [i.item.name, i.sentence])).toEqual([
      ['Amoxicillin 500 mg capsule', '1 capsule three times a day after food for 5 days'],
      ['Atorvastatin', '20 mg oral at night'],
      ['Metformin 500 mg tablet', '1 tablet twice a day after food for 1 month'],
    ]);
  });

  it('keeps each doctor’s favourite regimens to fill a line in one step', async () => {
    c = await openRxClinic();
    const other = await addUser(c.app, c.doctor, 'drlee', ['doctor']);
    const fav = await c.app.call(c.doctor, 'prescriptions.saveFavourite', { label: 'Amox adult', item: amoxicillin() });
    expect(fav).toMatchObject({ label: 'Amox adult', sentence: '1 capsule three times a day after food for 5 days' });
    expect(await c.app.call(other, 'prescriptions.favourites', {})).toEqual([]);
    const mine = await c.app.call(c.doctor, 'prescriptions.favourites', {});
    expect(mine.map((f) => f.label)).toEqual(['Amox adult']);
    const draft = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    const filled = await c.app.call(c.doctor, 'prescriptions.addItem', {
      prescriptionId: draft.id,
      item: mine[0]!.item as never,
    });
    expect(filled.prescription.items[0]!.sentence).toBe(fav.sentence);
    expect((await refused('prescriptions.removeFavourite', { id: fav.id, version: 1 }, other)).code).toBe('NOT_FOUND');
    await c.app.call(c.doctor, 'prescriptions.removeFavourite', { id: fav.id, version: 1 });
    expect(await c.app.call(c.doctor, 'prescriptions.favourites', {})).toEqual([]);
    expect(audits('prescription.favourite_save')).toHaveLength(1);
    expect(audits('prescription.favourite_remove')).toHaveLength(1);
  });

  it('shows a child’s latest weight for mg/kg help, and no weight for adults', async () => {
    c = await openRxClinic(patientInput({ givenNames: 'Mia', birth: { kind: 'date', date: '2020-05-01' } }));
    await c.app.call(c.doctor, 'vitals.record', {
      patientId: c.patientId,
      takenAt: '2026-01-10T09:00:00.000Z',
      units: 'metric',
      weight: 17.5,
    });
    await c.app.call(c.doctor, 'vitals.record', {
      patientId: c.patientId,
      takenAt: '2026-03-10T08:30:00.000Z',
      units: 'metric',
      weight: 18.2,
    });
    await c.app.call(c.doctor, 'vitals.record', {
      patientId: c.patientId,
      takenAt: '2026-03-10T08:40:00.000Z',
      units: 'metric',
      pulse: 96,
    });
    expect(await c.app.call(c.doctor, 'prescriptions.patientContext', { patientId: c.patientId })).toEqual({
      ageYears: 5,
      isChild: true,
      weightKg: 18.2,
      weighedAt: '2026-03-10T08:30:00.000Z',
      allergiesRecorded: false,
    });
    const adult = (
      await c.app.call(c.doctor, 'patients.register', {
        patient: patientInput({ givenNames: 'Ana', familyName: 'Okonkwo', phones: [] }),
      })
    ).id;
    await c.app.call(c.doctor, 'vitals.record', {
      patientId: adult,
      takenAt: '2026-03-10T08:30:00.000Z',
      units: 'metric',
      weight: 80,
    });
    expect(await c.app.call(c.doctor, 'prescriptions.patientContext', { patientId: adult })).toMatchObject({
      ageYears: 46,
      isChild: false,
      weightKg: null,
    });
  });
});

describe('refusals write nothing', () => {
  it('refuses a zero or negative dose, a unit that does not fit the form, a zero duration and a frequency it cannot read', async () => {
    c = await openRxClinic();
    const draft = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    const before = rxRows(c.app);
    const line = amoxicillin().lines[0]!;
    const cases: [unknown, Record<string, string>][] = [
      [amoxicillin({ lines: [{ ...line, amount: 0 }] }), { 'item.lines.0.amount': 'The dose must be more than 0' }],
      [amoxicillin({ lines: [{ ...line, amount: -2 }] }), { 'item.lines.0.amount': 'The dose must be more than 0' }],
      [
        amoxicillin({ lines: [{ ...line, unit: 'mL' }] }),
        { 'item.lines.0.unit': 'A capsule is dosed in capsules, not mL' },
      ],
      [
        amoxicillin({ lines: [{ ...line, duration: { value: 0, unit: 'days' } }] }),
        { 'item.lines.0.duration.value': 'The duration must be at least 1 (leave it empty for no fixed end)' },
      ],
    ];
    for (const [item, fields] of cases) {
      const error = await refused('prescriptions.addItem', { prescriptionId: draft.id, item });
      expect(error.code).toBe('VALIDATION');
      expect(error.fields).toEqual(fields);
    }
    const freq = await refused('prescriptions.addItem', {
      prescriptionId: draft.id,
      item: amoxicillin({ lines: [{ ...line, frequency: 'thrice on Tuesdays' }] }),
    });
    expect(freq.fields?.['item.lines.0.frequency']).toMatch(/^Could not read the frequency "thrice on Tuesdays"/);
    expect(rxRows(c.app)).toEqual(before);
  });

  it('refuses a prescription for a deleted patient, signing an empty one, and another doctor’s draft', async () => {
    c = await openRxClinic();
    const other = await addUser(c.app, c.doctor, 'drlee', ['doctor']);
    const draft = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    const before = rxRows(c.app);
    const empty = await refused('prescriptions.sign', { id: draft.id, version: 1 });
    expect(empty).toMatchObject({ code: 'VALIDATION', fields: { items: 'Add at least one medicine before signing.' } });
    const theirs = await refused('prescriptions.addItem', { prescriptionId: draft.id, item: amoxicillin() }, other);
    expect(theirs.code).toBe('FORBIDDEN');
    expect(rxRows(c.app)).toEqual(before);

    c.app.core.db.sqlite
      .prepare("UPDATE patients SET deleted_at = '2026-03-01T00:00:00Z' WHERE id = ?")
      .run(c.patientId);
    const gone = rxRows(c.app);
    for (const [channel, input] of [
      ['prescriptions.createDraft', { visitId: c.visitId }],
      ['prescriptions.addItem', { prescriptionId: draft.id, item: amoxicillin() }],
      ['prescriptions.repeatLast', { visitId: c.visitId }],
    ] as const) {
      const error = await refused(channel, input);
      expect(error.code, channel).toBe('NOT_FOUND');
      expect(error.message, channel).toMatch(/record is not there any more/);
    }
    expect(rxRows(c.app)).toEqual(gone);
  });

  it('keeps the channels to doctors, and the alert report to administrators', async () => {
    c = await openRxClinic();
    const desk = await addUser(c.app, c.doctor, 'desk', ['receptionist']);
    const admin = await addUser(c.app, c.doctor, 'boss', ['admin']);
    expect((await refused('prescriptions.createDraft', { visitId: c.visitId }, desk)).code).toBe('FORBIDDEN');
    expect((await refused('prescriptions.list', { patientId: c.patientId }, admin)).code).toBe('FORBIDDEN');
    expect((await refused('rxReport.alerts', {}, desk)).code).toBe('FORBIDDEN');
    expect(await c.app.call(admin, 'rxReport.alerts', {})).toEqual([]);
  });
});

describe('the print model (for the printed prescription)', () => {
  it('gives the doctor, the patient with age and a child’s weight, allergies, numbered items with sentences and override reasons', async () => {
    c = await openRxClinic(
      patientInput({ givenNames: 'अनन्या', familyName: 'शर्मा', birth: { kind: 'date', date: '2019-01-15' } }),
    );
    await c.app.call(c.doctor, 'vitals.record', {
      patientId: c.patientId,
      takenAt: '2026-03-10T08:30:00.000Z',
      units: 'metric',
      weight: 21.4,
    });
    await c.app.call(c.doctor, 'allergies.add', {
      patientId: c.patientId,
      substance: 'Sulfonamides',
      substanceType: 'medication',
    });
    const draft = await c.app.call(c.doctor, 'prescriptions.createDraft', { visitId: c.visitId });
    await c.app.call(c.doctor, 'prescriptions.addItem', { prescriptionId: draft.id, item: amoxicillin() });
    const signed = await c.app.call(c.doctor, 'prescriptions.sign', { id: draft.id, version: 1 });
    const model = new PrescriptionService(c.app.core.ctx).printModel(signed.id);
    expect(model).toMatchObject({
      number: signed.number,
      status: 'signed',
      signedAt: signed.signedAt,
      doctor: { name: 'Dr Amara Okafor' },
      patient: {
        givenNames: 'अनन्या',
        familyName: 'शर्मा',
        birthDate: '2019-01-15',
        isChild: true,
        weightKg: 21.4,
        age: { years: 7 },
      },
      allergies: ['Sulfonamides'],
      allergiesRecorded: true,
      items: [{ position: 1, sentence: '1 capsule three times a day after food for 5 days', overrides: [] }],
    });
    expect(model.items[0]!.item).toMatchObject({
      kind: 'structured',
      name: 'Amoxicillin 500 mg capsule',
      quantity: { value: 15 },
    });
  });
});
