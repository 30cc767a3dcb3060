import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/main/ipc/session';
import type { MedicationFormInput } from '../../../shared/domain/medication';
import { addUser, openTestApp, patientInput, setUpClinic, type TestApp } from '../support';

// The test clock says 2026-03-10 09:00 UTC (10:00 in the clinic's Europe/Berlin).
let app: TestApp;
let doctor: Session;
let patientId: string;

beforeEach(async () => {
  app = openTestApp();
  doctor = await setUpClinic(app);
  patientId = (await app.call(doctor, 'patients.register', { patient: patientInput() })).id;
});
afterEach(() => app.close());

const med = (overrides: Partial<MedicationFormInput> = {}): MedicationFormInput => ({
  name: 'Metformin',
  dose: '500 mg',
  route: 'oral',
  frequency: 'twice daily',
  startDate: '2025-06-01',
  source: 'here',
  ...overrides,
});

const audits = (action: string) =>
  app.core.db.sqlite
    .prepare('SELECT action, patient_id, details, outcome FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action) as { action: string; patient_id: string | null; details: string; outcome: string }[];

async function refused(session: Session, channel: string, input: unknown) {
  const result = await app.raw(session, channel, input);
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error;
}

describe('the medication list', () => {
  it('adds medicines prescribed here and elsewhere, lists them and audits the view', async () => {
    const a = await app.call(doctor, 'medications.add', { patientId, medication: med() });
    expect(a).toMatchObject({ name: 'Metformin', status: 'active', source: 'here', version: 1, reconciledAt: null });
    await app.call(doctor, 'medications.add', {
      patientId,
      medication: med({ name: 'Amlodipine', dose: '5 mg', source: 'outside', startDate: null }),
    });
    const list = await app.call(doctor, 'medications.list', { patientId });
    expect(list.active.map((m) => [m.name, m.source])).toEqual([
      ['Amlodipine', 'outside'],
      ['Metformin', 'here'],
    ]);
    expect(list.stopped).toEqual([]);
    expect(audits('medication.add')).toHaveLength(2);
    expect(audits('medication.add')[0]).toMatchObject({ patient_id: patientId, details: 'source: here' });
    expect(audits('chart.view')).toEqual([
      { action: 'chart.view', patient_id: patientId, details: 'section: medications', outcome: 'success' },
    ]);
    expect(
      app.core.db.sqlite.prepare("SELECT operation FROM change_log WHERE entity = 'medication'").all(),
    ).toHaveLength(2);
  });

  it('stops a medication with a reason and lists it apart, newest stop first', async () => {
    const a = await app.call(doctor, 'medications.add', { patientId, medication: med() });
    const b = await app.call(doctor, 'medications.add', { patientId, medication: med({ name: 'Aspirin' }) });
    await app.call(doctor, 'medications.stop', { id: a.id, version: 1, stopDate: '2026-01-05', reason: 'Diarrhoea' });
    const stopped = await app.call(doctor, 'medications.stop', {
      id: b.id,
      version: 1,
      stopDate: '2026-03-10',
      reason: 'Bleeding risk',
    });
    expect(stopped).toMatchObject({
      status: 'stopped',
      stopDate: '2026-03-10',
      stopReason: 'Bleeding risk',
      version: 2,
    });
    const list = await app.call(doctor, 'medications.list', { patientId });
    expect(list.active).toEqual([]);
    expect(list.stopped.map((m) => m.name)).toEqual(['Aspirin', 'Metformin']);
    expect(audits('medication.stop').map((e) => e.details)).toEqual(['stopped on 2026-01-05', 'stopped on 2026-03-10']);
  });

  it('refuses a stop before the start, in the future, without a reason, or of a stopped line; writes nothing', async () => {
    const a = await app.call(doctor, 'medications.add', { patientId, medication: med() });
    const before = app.count('change_log');
    const early = await refused(doctor, 'medications.stop', {
      id: a.id,
      version: 1,
      stopDate: '2025-05-31',
      reason: 'x',
    });
    expect(early).toMatchObject({ code: 'VALIDATION', fields: { stopDate: expect.stringContaining('2025-06-01') } });
    const future = await refused(doctor, 'medications.stop', {
      id: a.id,
      version: 1,
      stopDate: '2026-03-11',
      reason: 'x',
    });
    expect(future.fields).toEqual({ stopDate: expect.stringContaining('future') });
    const noReason = await refused(doctor, 'medications.stop', {
      id: a.id,
      version: 1,
      stopDate: '2026-03-01',
      reason: ' ',
    });
    expect(noReason.fields).toEqual({ reason: 'Say why it is stopped' });
    const badDate = await refused(doctor, 'medications.stop', {
      id: a.id,
      version: 1,
      stopDate: '2026-02-30',
      reason: 'x',
    });
    expect(badDate.fields).toEqual({ stopDate: 'Enter a real date as YYYY-MM-DD' });
    expect(app.count('change_log')).toBe(before);
    await app.call(doctor, 'medications.stop', { id: a.id, version: 1, stopDate: '2026-03-01', reason: 'Done' });
    const again = await refused(doctor, 'medications.stop', {
      id: a.id,
      version: 2,
      stopDate: '2026-03-02',
      reason: 'x',
    });
    expect(again.message).toMatch(/already stopped/);
  });

  it('refuses bad additions: no name, a name over the limit, a future start, a start before birth, a hidden control', async () => {
    const cases: [Partial<MedicationFormInput>, string][] = [
      [{ name: '  ' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ startDate: '2026-03-11' }, 'startDate'],
      [{ startDate: '1979-12-31' }, 'startDate'],
      [{ dose: '5\u202emg' }, 'dose'],
    ];
    for (const [override, field] of cases) {
      const error = await refused(doctor, 'medications.add', { patientId, medication: med(override) });
      expect(error.code).toBe('VALIDATION');
      expect(Object.keys(error.fields ?? {})).toEqual([`medication.${field}`]);
    }
    const badSource = await refused(doctor, 'medications.add', { patientId, medication: { ...med(), source: 'shop' } });
    expect(badSource.fields).toEqual({ 'medication.source': 'Choose prescribed here or prescribed elsewhere' });
    expect(app.count('medications')).toBe(0);
  });

  it('refuses a medication for an unknown or deleted patient, and audits the failed view', async () => {
    const unknown = '01890000-0000-7000-8000-000000000000';
    expect(await refused(doctor, 'medications.add', { patientId: unknown, medication: med() })).toMatchObject({
      code: 'NOT_FOUND',
    });
    app.core.db.sqlite.prepare("UPDATE patients SET deleted_at = '2026-03-01T00:00:00Z' WHERE id = ?").run(patientId);
    expect((await refused(doctor, 'medications.list', { patientId })).code).toBe('NOT_FOUND');
    expect(audits('chart.view')).toEqual([expect.objectContaining({ patient_id: null, outcome: 'failure' })]);
    expect(app.count('medications')).toBe(0);
  });

  it('edits with the version seen: a stale version is a CONFLICT and changes nothing', async () => {
    const a = await app.call(doctor, 'medications.add', { patientId, medication: med() });
    const edited = await app.call(doctor, 'medications.update', {
      id: a.id,
      version: 1,
      medication: med({ dose: '1000 mg' }),
    });
    expect(edited).toMatchObject({ dose: '1000 mg', version: 2 });
    expect(audits('medication.update').map((e) => e.details)).toEqual(['changed: dose']);
    const stale = await refused(doctor, 'medications.update', {
      id: a.id,
      version: 1,
      medication: med({ dose: '1 g' }),
    });
    expect(stale.code).toBe('CONFLICT');
    const staleStop = await refused(doctor, 'medications.stop', {
      id: a.id,
      version: 1,
      stopDate: '2026-03-01',
      reason: 'x',
    });
    expect(staleStop.code).toBe('CONFLICT');
    expect((await app.call(doctor, 'medications.list', { patientId })).active[0]).toMatchObject({
      dose: '1000 mg',
      version: 2,
    });
  });

  it('refuses a stop before the patient was born when the start is not known', async () => {
    const a = await app.call(doctor, 'medications.add', {
      patientId,
      medication: med({ startDate: null, source: 'outside' }),
    });
    const error = await refused(doctor, 'medications.stop', {
      id: a.id,
      version: 1,
      stopDate: '1979-01-01',
      reason: 'x',
    });
    expect(error.fields).toEqual({ stopDate: expect.stringContaining('1980-02-29') });
  });

  it('refuses an edit moving the start after the stop date', async () => {
    const a = await app.call(doctor, 'medications.add', { patientId, medication: med() });
    await app.call(doctor, 'medications.stop', { id: a.id, version: 1, stopDate: '2026-01-01', reason: 'Done' });
    const error = await refused(doctor, 'medications.update', {
      id: a.id,
      version: 2,
      medication: med({ startDate: '2026-02-01' }),
    });
    expect(error.fields).toEqual({ 'medication.startDate': expect.stringContaining('2026-01-01') });
  });
});

describe('reconciliation', () => {
  it('confirms and stops the decided lines in one save, recording who and when', async () => {
    const a = await app.call(doctor, 'medications.add', { patientId, medication: med() });
    const b = await app.call(doctor, 'medications.add', { patientId, medication: med({ name: 'Aspirin' }) });
    const c = await app.call(doctor, 'medications.add', { patientId, medication: med({ name: 'Zinc' }) });
    const result = await app.call(doctor, 'medications.reconcile', {
      patientId,
      lines: [
        { id: a.id, version: 1, decision: 'continue' },
        { id: b.id, version: 1, decision: 'stop', stopDate: '2026-03-10', reason: 'Not taking it' },
      ],
    });
    expect(result).toEqual({ continued: 1, stopped: 1 });
    const list = await app.call(doctor, 'medications.list', { patientId });
    expect(list.active.map((m) => [m.name, m.reconciledAt, m.reconciledByName])).toEqual([
      ['Metformin', '2026-03-10T09:00:00.000Z', 'Dr Amara Okafor'],
      ['Zinc', null, null],
    ]);
    expect(list.stopped).toEqual([expect.objectContaining({ id: b.id, stopReason: 'Not taking it' })]);
    expect(c.version).toBe(1);
    expect(audits('medication.reconcile')).toEqual([
      expect.objectContaining({ patient_id: patientId, details: 'still taking' }),
    ]);
  });

  it('is all or nothing: a stale line, a stopped line, another patient’s line or a bad stop writes nothing', async () => {
    const a = await app.call(doctor, 'medications.add', { patientId, medication: med() });
    const b = await app.call(doctor, 'medications.add', { patientId, medication: med({ name: 'Aspirin' }) });
    const other = (
      await app.call(doctor, 'patients.register', { patient: patientInput({ givenNames: 'Ana', phones: [] }) })
    ).id;
    const x = await app.call(doctor, 'medications.add', { patientId: other, medication: med() });
    await app.call(doctor, 'medications.update', {
      id: b.id,
      version: 1,
      medication: med({ name: 'Aspirin', dose: '75 mg' }),
    });
    const before = app.count('change_log');
    const ok = { id: a.id, version: 1, decision: 'continue' as const };
    const stale = await refused(doctor, 'medications.reconcile', {
      patientId,
      lines: [ok, { id: b.id, version: 1, decision: 'continue' }],
    });
    expect(stale.code).toBe('CONFLICT');
    const foreign = await refused(doctor, 'medications.reconcile', {
      patientId,
      lines: [ok, { id: x.id, version: 1, decision: 'continue' }],
    });
    expect(foreign.fields).toEqual({ 'lines.1': expect.stringContaining('another patient') });
    const twice = await refused(doctor, 'medications.reconcile', { patientId, lines: [ok, ok] });
    expect(twice.fields).toEqual({ 'lines.1': expect.stringContaining('twice') });
    const futureStop = await refused(doctor, 'medications.reconcile', {
      patientId,
      lines: [ok, { id: b.id, version: 2, decision: 'stop', stopDate: '2026-04-01', reason: 'x' }],
    });
    expect(futureStop.fields).toEqual({ 'lines.1.stopDate': expect.stringContaining('future') });
    const noReason = await refused(doctor, 'medications.reconcile', {
      patientId,
      lines: [{ id: b.id, version: 2, decision: 'stop', stopDate: '2026-03-01', reason: '' }],
    });
    expect(noReason.fields).toEqual({ 'lines.0.reason': 'Say why it is stopped' });
    expect((await refused(doctor, 'medications.reconcile', { patientId, lines: [] })).code).toBe('VALIDATION');
    expect(app.count('change_log')).toBe(before);
    expect(
      app.core.db.sqlite.prepare('SELECT count(*) AS n FROM medications WHERE reconciled_at IS NOT NULL').get(),
    ).toEqual({
      n: 0,
    });
    await app.call(doctor, 'medications.stop', { id: a.id, version: 1, stopDate: '2026-03-01', reason: 'Done' });
    const stopped = await refused(doctor, 'medications.reconcile', { patientId, lines: [{ ...ok, version: 2 }] });
    expect(stopped.fields).toEqual({ 'lines.0': expect.stringContaining('already stopped') });
  });
});

describe('who may', () => {
  it('gives a receptionist FORBIDDEN on every medication channel and writes nothing', async () => {
    const a = await app.call(doctor, 'medications.add', { patientId, medication: med() });
    const desk = await addUser(app, doctor, 'desk', ['receptionist']);
    const before = { meds: app.count('medications'), changes: app.count('change_log') };
    const calls: [string, unknown][] = [
      ['medications.list', { patientId }],
      ['medications.add', { patientId, medication: med() }],
      ['medications.update', { id: a.id, version: 1, medication: med({ dose: '1 g' }) }],
      ['medications.stop', { id: a.id, version: 1, stopDate: '2026-03-01', reason: 'x' }],
      ['medications.reconcile', { patientId, lines: [{ id: a.id, version: 1, decision: 'continue' }] }],
    ];
    for (const [channel, input] of calls) expect((await refused(desk, channel, input)).code).toBe('FORBIDDEN');
    expect({ meds: app.count('medications'), changes: app.count('change_log') }).toEqual(before);
    expect(audits('chart.view')).toEqual([]);
    const row = app.core.db.sqlite.prepare('SELECT version, dose FROM medications WHERE id = ?').get(a.id);
    expect(row).toEqual({ version: 1, dose: '500 mg' });
  });
});
