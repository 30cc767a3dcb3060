import type { Bundle, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allergyKind,
  historyEntryKind,
  immunizationKind,
  medicationKind,
  noteKind,
  problemKind,
  socialHistoryKind,
  visitKind,
  vitalsKind,
} from '../../../electron/main/chart/chart-kinds';
import type { Session } from '../../../electron/main/ipc/session';
import { patientKind } from '../../../electron/main/patients/patient-kind';
import { addUser, openTestApp, patientInput, setUpClinic, type TestApp } from '../support';
import { seedChart } from '../chart/chart-seed';
import { ChartRows } from './chart-rows';
import { expectValidFhir, loadFhirDefinitions } from './fhir-validation';

let app: TestApp;
let doctor: Session;
let rows: ChartRows;

beforeAll(async () => {
  loadFhirDefinitions();
  app = openTestApp();
  doctor = await setUpClinic(app);
  rows = new ChartRows(app);
});
afterAll(() => app.close());

async function register(givenNames: string, familyName: string) {
  return app.call(doctor, 'patients.register', {
    patient: patientInput({ givenNames, familyName, phones: [] }),
    confirmedNotDuplicate: true,
  });
}

/** One of every kind of chart record for the patient, and the ids of those that must not be exported. */
function chartOf(patientId: string) {
  const me = rows.actor.userId;
  const p = { patient_id: patientId };
  const visit = rows.create<{ id: string }>(
    visitKind,
    { ...p, provider_id: me, status: 'in_progress', started_at: '2026-03-10T08:30:00.000Z', reason: 'Follow-up' },
    'visit.start',
  );
  const v = { ...p, visit_id: visit.id };
  const note = rows.create<{ id: string }>(
    noteKind,
    {
      ...v,
      author_id: me,
      format: 'soap',
      subjective: 'Feels better',
      assessment: 'Improving',
      status: 'signed',
      signed_at: '2026-03-10T08:55:00.000Z',
      signed_by: me,
    },
    'note.sign',
  );
  rows.create(
    noteKind,
    { ...v, author_id: me, format: 'free', body: 'Addendum: BP rechecked.', status: 'unsigned', addendum_to: note.id },
    'note.addendum',
  );
  rows.create(
    vitalsKind,
    { ...v, taken_at: '2026-03-10T08:35:00.000Z', systolic: 142, diastolic: 91, pulse: 80, weight: 81.2 },
    'vitals.record',
  );
  rows.create(
    problemKind,
    {
      ...v,
      category: 'encounter-diagnosis',
      icd10_code: 'I10',
      description: 'Essential (primary) hypertension',
      status: 'active',
    },
    'problem.add',
  );
  rows.create(
    problemKind,
    { ...p, category: 'problem-list-item', description: 'Insomnio', status: 'active' },
    'problem.add',
  );
  const deletedProblem = rows.create<{ id: string }>(
    problemKind,
    { ...p, category: 'problem-list-item', description: 'Entered by mistake', status: 'active' },
    'problem.add',
  );
  rows.softDelete(problemKind, deletedProblem.id, 'problem.update');
  rows.create(allergyKind, { ...p, kind: 'nka', status: 'active' }, 'allergy.nka');
  rows.create(
    medicationKind,
    { ...v, name: 'Amlodipine 5 mg', source: 'here', status: 'active', dose: '5 mg' },
    'medication.add',
  );
  rows.create(
    immunizationKind,
    {
      ...p,
      cvx_code: '140',
      vaccine: 'Influenza, split virus, trivalent, PF',
      given_date: '2025-10-01',
      given_here: 0,
    },
    'immunization.add',
  );
  rows.create(historyEntryKind, { ...p, section: 'medical', description: 'Gout', when_text: '2018' }, 'history.save');
  rows.create(historyEntryKind, { ...p, section: 'surgical', description: 'Cholecystectomy' }, 'history.save');
  rows.create(historyEntryKind, { ...p, section: 'family', relation: 'father', description: 'Stroke' }, 'history.save');
  const olderSocial = rows.create<{ id: string }>(socialHistoryKind, { ...p, tobacco: 'current' }, 'history.save');
  // A minute later (the clinic's idle lock is further off): the newest social history is the record.
  app.clock.advanceMinutes(1);
  const social = rows.create<{ id: string }>(
    socialHistoryKind,
    { ...p, tobacco: 'former', alcohol: 'none' },
    'history.save',
  );
  return { visit, note, deletedProblem, olderSocial, social };
}

const referencesIn = (resource: Resource): string[] => {
  const out: string[] = [];
  JSON.stringify(resource, (key, value: unknown) => {
    if (key === 'reference' && typeof value === 'string') out.push(value);
    return value;
  });
  return out;
};

const auditRows = (action: string) =>
  app.core.db.sqlite
    .prepare('SELECT user_id, patient_id, outcome, details FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action) as { user_id: string; patient_id: string | null; outcome: string; details: string }[];

describe('fhir.exportPatient', () => {
  it("exports the patient's whole chart as one valid FHIR R4 Bundle, audited", async () => {
    const patient = await register('美咲', '佐藤');
    const other = await register('Other', 'Patient');
    const ids = chartOf(patient.id);
    chartOf(other.id);

    const exported = await app.call(doctor, 'fhir.exportPatient', { patientId: patient.id });
    expect(exported.filename).toBe(`chartbook-${patient.mrn.replace(/[^A-Za-z0-9-]+/g, '-')}-2026-03-10.fhir.json`);
    const bundle = JSON.parse(exported.json) as Bundle;
    expectValidFhir(bundle);
    const resources = bundle.entry!.map((e) => e.resource!);
    resources.forEach(expectValidFhir);
    expect(bundle).toMatchObject({
      resourceType: 'Bundle',
      type: 'collection',
      timestamp: app.clock.now().toISOString(),
    });
    expect(exported.resources).toBe(resources.length);

    expect(resources[0]).toMatchObject({ resourceType: 'Patient', id: patient.id, name: [{ text: '美咲 佐藤' }] });
    expect(resources.filter((r) => r.resourceType === 'Practitioner')).toEqual([
      expect.objectContaining({ id: rows.actor.userId, name: [{ text: 'Dr Amara Okafor' }] }),
    ]);
    const count = (type: string) => resources.filter((r) => r.resourceType === type).length;
    expect({
      Encounter: count('Encounter'),
      Composition: count('Composition'),
      // The vitals panel, the blood pressure, heart rate and weight; tobacco and alcohol from the newest social history.
      Observation: count('Observation'),
      // Two problems (the deleted one left out) and the past medical history.
      Condition: count('Condition'),
      AllergyIntolerance: count('AllergyIntolerance'),
      MedicationStatement: count('MedicationStatement'),
      Immunization: count('Immunization'),
      Procedure: count('Procedure'),
      FamilyMemberHistory: count('FamilyMemberHistory'),
    }).toEqual({
      Encounter: 1,
      Composition: 2,
      Observation: 6,
      Condition: 3,
      AllergyIntolerance: 1,
      MedicationStatement: 1,
      Immunization: 1,
      Procedure: 1,
      FamilyMemberHistory: 1,
    });
    const resourceIds = new Set(resources.map((r) => `${r.resourceType}/${r.id}`));
    expect(resourceIds.size).toBe(resources.length);
    expect(resourceIds.has(`Condition/${ids.deletedProblem.id}`)).toBe(false);
    expect(resourceIds.has(`Observation/${ids.social.id}-tobacco`)).toBe(true);
    expect([...resourceIds].some((id) => id.includes(ids.olderSocial.id))).toBe(false);

    // Every reference points into the bundle (appointments are not part of the chart), about this patient only.
    for (const r of resources) {
      for (const ref of referencesIn(r)) {
        if (ref.startsWith('Appointment/')) continue;
        expect(resourceIds.has(ref), `${r.resourceType}/${r.id} -> ${ref}`).toBe(true);
        if (ref.startsWith('Patient/')) expect(ref).toBe(`Patient/${patient.id}`);
      }
    }

    expect(auditRows('fhir.export')).toEqual([
      {
        user_id: rows.actor.userId,
        patient_id: patient.id,
        outcome: 'success',
        details: `FHIR R4 bundle, ${resources.length} resources`,
      },
    ]);
  });

  it("exports what the chart's own services wrote, valid", async () => {
    const patient = await app.call(doctor, 'patients.register', {
      patient: patientInput({
        givenNames: 'Aigerim',
        familyName: 'Nurlanqyzy',
        sex: 'female',
        birth: { kind: 'date', date: '1994-06-01' },
      }),
      confirmedNotDuplicate: true,
    });
    seedChart(app, rows.actor, patient.id);
    const med = await app.call(doctor, 'medications.add', {
      patientId: patient.id,
      medication: {
        name: 'Lisinopril 10 mg',
        dose: '10 mg',
        frequency: 'once daily',
        startDate: '2026-01-05',
        source: 'here',
      },
    });
    await app.call(doctor, 'medications.stop', {
      id: med.id,
      version: med.version,
      stopDate: '2026-03-09',
      reason: 'Cough',
    });
    await app.call(doctor, 'immunizations.add', {
      patientId: patient.id,
      immunization: { cvxCode: '03', givenDate: '2000-05-01', givenHere: false, route: 'SC' },
    });
    await app.call(doctor, 'history.addEntry', {
      patientId: patient.id,
      entry: { section: 'surgical', description: 'Appendectomy', whenText: '2010' },
    });
    await app.call(doctor, 'history.addEntry', {
      patientId: patient.id,
      entry: { section: 'family', relation: 'брат', description: 'Asthma' },
    });
    const history = await app.call(doctor, 'history.get', { patientId: patient.id });
    await app.call(doctor, 'history.saveSocial', {
      patientId: patient.id,
      record: history.social ? { id: history.social.id, version: history.social.version } : null,
      social: {
        tobacco: 'never',
        alcohol: 'occasional',
        occupation: 'Engineer',
        pregnancyStatus: 'pregnant',
        lmpDate: '2026-01-20',
      },
    });

    const bundle = JSON.parse((await app.call(doctor, 'fhir.exportPatient', { patientId: patient.id })).json) as Bundle;
    expectValidFhir(bundle);
    const resources = bundle.entry!.map((e) => e.resource!);
    resources.forEach(expectValidFhir);
    const find = (type: string) => resources.filter((r) => r.resourceType === type);
    expect(find('MedicationStatement')).toContainEqual(
      expect.objectContaining({
        status: 'stopped',
        statusReason: [{ text: 'Cough' }],
        medicationCodeableConcept: { text: 'Lisinopril 10 mg' },
      }),
    );
    expect(find('Immunization')).toContainEqual(
      expect.objectContaining({
        primarySource: false,
        vaccineCode: expect.objectContaining({ coding: [expect.objectContaining({ code: '03' })] }),
      }),
    );
    // The seed's ICD-10-CM code is stored undotted (J209): exported dotted.
    expect(find('Condition')).toContainEqual(
      expect.objectContaining({
        code: expect.objectContaining({ coding: [expect.objectContaining({ code: 'J20.9' })] }),
      }),
    );
    const observationCodes = find('Observation').map(
      (o) => (o as { code: { coding: { code: string }[] } }).code.coding[0]!.code,
    );
    expect(observationCodes).toEqual(
      expect.arrayContaining(['85354-9', '72166-2', '11331-6', '11341-5', '82810-3', '8665-2']),
    );
    expect(find('FamilyMemberHistory')).toHaveLength(2);
    expect(find('Procedure')).toHaveLength(1);
    expect(find('Composition')).toHaveLength(2);
  });

  it('refuses an unknown or deleted patient, and a malformed id, auditing the attempt', async () => {
    const before = auditRows('fhir.export').length;
    const unknown = '01900000-0000-7000-8000-000000000000';
    expect(await app.raw(doctor, 'fhir.exportPatient', { patientId: unknown })).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: 'There is no patient record to export: it was not found or has been deleted.',
      },
    });

    const gone = await register('Deleted', 'Person');
    const ctx = app.core.ctx;
    const { RecordWriter } = await import('../../../electron/main/records/record-writer');
    ctx.db.sqlite
      .transaction(() =>
        new RecordWriter(ctx).softDelete(patientKind, gone.id, null, {
          actor: rows.actor,
          at: ctx.now().toISOString(),
          audit: { action: 'patient.update' },
        }),
      )
      .immediate();
    expect(await app.raw(doctor, 'fhir.exportPatient', { patientId: gone.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(auditRows('fhir.export').slice(before)).toEqual([
      { user_id: rows.actor.userId, patient_id: null, outcome: 'failure', details: `not found: ${unknown}` },
      { user_id: rows.actor.userId, patient_id: null, outcome: 'failure', details: `not found: ${gone.id}` },
    ]);

    expect(await app.raw(doctor, 'fhir.exportPatient', { patientId: 'not-an-id' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { patientId: expect.any(String) } },
    });
    expect(await app.raw(doctor, 'fhir.exportPatient', { patientId: unknown, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(auditRows('fhir.export')).toHaveLength(before + 2);
  });

  // Signing a new user in costs several password hashes: slow on a loaded machine.
  it('is for doctors only: a receptionist gets FORBIDDEN, and nothing is exported', { timeout: 90_000 }, async () => {
    const desk = await addUser(app, doctor, 'desk', ['receptionist']);
    const patient = await register('Kwame', 'Mensah');
    chartOf(patient.id);
    const before = { exports: auditRows('fhir.export').length, changes: app.count('change_log') };
    const refused = await app.raw(desk, 'fhir.exportPatient', { patientId: patient.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(refused)).not.toMatch(/Amlodipine|Insomnio|resourceType/);
    expect({ exports: auditRows('fhir.export').length, changes: app.count('change_log') }).toEqual(before);
  });
});
