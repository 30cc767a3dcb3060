import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/main/ipc/session';
import type { SocialHistoryFormInput } from '../../../shared/domain/history';
import type { ImmunizationFormInput } from '../../../shared/domain/immunization';
import { addUser, openTestApp, patientInput, setUpClinic, type TestApp } from '../support';

// The test clock says 2026-03-10 09:00 UTC (10:00 in the clinic's Europe/Berlin).
let app: TestApp;
let doctor: Session;
let patientId: string;

beforeEach(async () => {
  app = openTestApp();
  doctor = await setUpClinic(app);
  patientId = (await app.call(doctor, 'patients.register', { patient: patientInput() })).id; // born 1980-02-29
});
afterEach(() => app.close());

const dose = (overrides: Partial<ImmunizationFormInput> = {}): ImmunizationFormInput => ({
  cvxCode: '115', // Tdap
  givenDate: '2026-03-10',
  doseNumber: 1,
  lot: 'AC52B030AA',
  site: 'left deltoid',
  route: 'IM',
  givenHere: true,
  ...overrides,
});

const audits = (action: string) =>
  app.core.db.sqlite
    .prepare('SELECT patient_id, details, outcome FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action) as { patient_id: string | null; details: string; outcome: string }[];

async function refused(session: Session, channel: string, input: unknown) {
  const result = await app.raw(session, channel, input);
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error;
}

async function woman(birthDate: string, sex: 'female' | 'male' | 'other' = 'female') {
  const p = await app.call(doctor, 'patients.register', {
    patient: patientInput({
      givenNames: `Maria ${birthDate}`,
      sex,
      birth: { kind: 'date', date: birthDate },
      phones: [],
    }),
  });
  return p.id;
}

describe('the CVX list', () => {
  it('finds vaccines by code and by words of their names, without codes that cannot be recorded', async () => {
    const byCode = await app.call(doctor, 'immunizations.searchVaccines', { text: '115' });
    expect(byCode[0]).toMatchObject({ code: '115', shortName: 'Tdap', status: 'Active', historicalOnly: false });
    const byWords = await app.call(doctor, 'immunizations.searchVaccines', { text: 'hep b adult' });
    expect(byWords.map((v) => v.code)).toContain('43');
    const measles = await app.call(doctor, 'immunizations.searchVaccines', { text: 'MMR' });
    expect(measles.map((v) => v.code)).toContain('03');
    const noDose = await app.call(doctor, 'immunizations.searchVaccines', { text: 'no vaccine administered' });
    expect(noDose).toEqual([]);
    expect(await app.call(doctor, 'immunizations.searchVaccines', { text: '99', limit: 50 })).not.toContainEqual(
      expect.objectContaining({ code: '99' }),
    );
    // Searching the code list is no view of a patient.
    expect(audits('chart.view')).toEqual([]);
  });
});

describe('immunizations', () => {
  it('records doses given here and from elsewhere, newest first, with the CVX name, audited', async () => {
    const here = await app.call(doctor, 'immunizations.add', { patientId, immunization: dose() });
    expect(here).toMatchObject({ cvxCode: '115', vaccine: 'Tdap', givenHere: true, doseNumber: 1, version: 1 });
    // A code typed without its leading zero is CDC's 08; an inactive code may be recorded from elsewhere.
    await app.call(doctor, 'immunizations.add', {
      patientId,
      immunization: dose({ cvxCode: '8', givenDate: '1980-03-01', givenHere: false, lot: '', site: '', route: '' }),
    });
    await app.call(doctor, 'immunizations.add', {
      patientId,
      immunization: dose({ cvxCode: '01', givenDate: '1981-05-01', givenHere: false, doseNumber: null }),
    });
    const list = await app.call(doctor, 'immunizations.list', { patientId });
    expect(list.map((i) => [i.givenDate, i.cvxCode, i.givenHere])).toEqual([
      ['2026-03-10', '115', true],
      ['1981-05-01', '01', false],
      ['1980-03-01', '08', false],
    ]);
    expect(audits('immunization.add').map((a) => a.details)).toEqual([
      'CVX 115, given here',
      'CVX 08, recorded from elsewhere',
      'CVX 01, recorded from elsewhere',
    ]);
    expect(audits('chart.view')).toEqual([
      { patient_id: patientId, details: 'section: immunizations', outcome: 'success' },
    ]);
  });

  it('refuses unknown and unusable codes, an inactive vaccine given here, dates in the future or before birth', async () => {
    const cases: [Partial<ImmunizationFormInput>, string, RegExp][] = [
      [{ cvxCode: '12345' }, 'cvxCode', /not a CVX vaccine code/],
      [{ cvxCode: '' }, 'cvxCode', /Choose the vaccine/],
      [{ cvxCode: '998' }, 'cvxCode', /does not name a dose/],
      [{ cvxCode: '145' }, 'cvxCode', /never in use/],
      [{ cvxCode: '01', givenHere: true }, 'cvxCode', /no longer in use/],
      [{ givenDate: '2026-03-11' }, 'givenDate', /future/],
      [{ givenDate: '1980-02-28', givenHere: false }, 'givenDate', /before the patient's birth/],
      [{ givenDate: '2026-13-01' }, 'givenDate', /real date/],
      [{ doseNumber: 0 }, 'doseNumber', /starts at 1/],
      [{ doseNumber: 1.5 }, 'doseNumber', /whole number/],
      [{ lot: 'L'.repeat(41) }, 'lot', /at most 40/],
    ];
    for (const [override, field, message] of cases) {
      const error = await refused(doctor, 'immunizations.add', { patientId, immunization: dose(override) });
      expect(error.code, field).toBe('VALIDATION');
      expect(error.fields?.[`immunization.${field}`], JSON.stringify(override)).toMatch(message);
    }
    const route = await refused(doctor, 'immunizations.add', { patientId, immunization: { ...dose(), route: 'IV' } });
    expect(Object.keys(route.fields ?? {})).toEqual(['immunization.route']);
    expect(app.count('immunizations')).toBe(0);
    const unknownPatient = await refused(doctor, 'immunizations.add', {
      patientId: '01890000-0000-7000-8000-000000000000',
      immunization: dose(),
    });
    expect(unknownPatient.code).toBe('NOT_FOUND');
  });

  it('corrects a dose with the version seen; a stale version is a CONFLICT', async () => {
    const a = await app.call(doctor, 'immunizations.add', { patientId, immunization: dose() });
    const fixed = await app.call(doctor, 'immunizations.update', {
      id: a.id,
      version: 1,
      immunization: dose({ lot: 'AC52B030AB' }),
    });
    expect(fixed).toMatchObject({ lot: 'AC52B030AB', version: 2 });
    expect(audits('immunization.update').map((e) => e.details)).toEqual(['changed: lot']);
    const stale = await refused(doctor, 'immunizations.update', { id: a.id, version: 1, immunization: dose() });
    expect(stale.code).toBe('CONFLICT');
    expect((await app.call(doctor, 'immunizations.list', { patientId }))[0]!.lot).toBe('AC52B030AB');
  });
});

describe('past medical, surgical and family history', () => {
  it('adds, edits and removes lines, audited as history.save; lists them by section', async () => {
    const appendix = await app.call(doctor, 'history.addEntry', {
      patientId,
      entry: { section: 'surgical', description: 'Appendectomy', whenText: '2004' },
    });
    await app.call(doctor, 'history.addEntry', {
      patientId,
      entry: { section: 'family', description: 'Type 2 diabetes', relation: 'mother' },
    });
    const asthma = await app.call(doctor, 'history.addEntry', {
      patientId,
      entry: { section: 'medical', description: 'Asthma', whenText: 'childhood' },
    });
    await app.call(doctor, 'history.updateEntry', {
      id: appendix.id,
      version: 1,
      entry: { section: 'surgical', description: 'Laparoscopic appendectomy', whenText: '2004' },
    });
    await app.call(doctor, 'history.removeEntry', { id: asthma.id, version: 1 });
    const history = await app.call(doctor, 'history.get', { patientId });
    expect(history.entries.map((e) => [e.section, e.description, e.relation, e.whenText])).toEqual([
      ['surgical', 'Laparoscopic appendectomy', '', '2004'],
      ['family', 'Type 2 diabetes', 'mother', ''],
    ]);
    expect(history.social).toBeNull();
    expect(audits('history.save').map((a) => a.details)).toEqual([
      'surgical history: added',
      'family history: added',
      'medical history: added',
      'surgical history: changed description',
      'medical history: removed',
    ]);
    expect(app.core.db.sqlite.prepare('SELECT deleted_at FROM history_entries WHERE id = ?').get(asthma.id)).toEqual({
      deleted_at: '2026-03-10T09:00:00.000Z',
    });
    expect(audits('chart.view')).toEqual([{ patient_id: patientId, details: 'section: history', outcome: 'success' }]);
  });

  it('refuses a family line without a relation, a relation elsewhere, an empty description and a stale version', async () => {
    const family = await refused(doctor, 'history.addEntry', {
      patientId,
      entry: { section: 'family', description: 'Stroke' },
    });
    expect(family.fields).toEqual({ 'entry.relation': 'Say who in the family had it' });
    const relation = await refused(doctor, 'history.addEntry', {
      patientId,
      entry: { section: 'medical', description: 'Gout', relation: 'father' },
    });
    expect(relation.fields).toEqual({ 'entry.relation': 'A relation belongs only to family history' });
    const empty = await refused(doctor, 'history.addEntry', {
      patientId,
      entry: { section: 'medical', description: '' },
    });
    expect(Object.keys(empty.fields ?? {})).toEqual(['entry.description']);
    const section = await refused(doctor, 'history.addEntry', {
      patientId,
      entry: { section: 'social', description: 'x' },
    });
    expect(Object.keys(section.fields ?? {})).toEqual(['entry.section']);
    const a = await app.call(doctor, 'history.addEntry', {
      patientId,
      entry: { section: 'medical', description: 'Gout' },
    });
    await app.call(doctor, 'history.updateEntry', {
      id: a.id,
      version: 1,
      entry: { section: 'medical', description: 'Gout, 2020' },
    });
    const before = app.count('change_log');
    expect(
      (
        await refused(doctor, 'history.updateEntry', {
          id: a.id,
          version: 1,
          entry: { section: 'medical', description: 'x' },
        })
      ).code,
    ).toBe('CONFLICT');
    expect((await refused(doctor, 'history.removeEntry', { id: a.id, version: 1 })).code).toBe('CONFLICT');
    expect(app.count('change_log')).toBe(before);
  });
});

describe('social history and pregnancy', () => {
  const social = (overrides: Partial<SocialHistoryFormInput> = {}): SocialHistoryFormInput => ({
    tobacco: 'former',
    tobaccoDetail: '10 pack-years, quit 2015',
    alcohol: 'occasional',
    occupation: 'Teacher',
    ...overrides,
  });

  it('keeps one record per patient: created once, then saved by id and version', async () => {
    const first = await app.call(doctor, 'history.saveSocial', { patientId, record: null, social: social() });
    expect(first).toMatchObject({ tobacco: 'former', occupation: 'Teacher', pregnancyStatus: null, version: 1 });
    // A second "first" record (a form opened before the first save) is refused, not added beside it.
    expect((await refused(doctor, 'history.saveSocial', { patientId, record: null, social: social() })).code).toBe(
      'CONFLICT',
    );
    const saved = await app.call(doctor, 'history.saveSocial', {
      patientId,
      record: { id: first.id, version: 1 },
      social: social({ tobacco: 'current' }),
    });
    expect(saved).toMatchObject({ id: first.id, tobacco: 'current', version: 2 });
    const stale = await refused(doctor, 'history.saveSocial', {
      patientId,
      record: { id: first.id, version: 1 },
      social: social(),
    });
    expect(stale.code).toBe('CONFLICT');
    expect(app.count('social_history')).toBe(1);
    expect(audits('history.save').map((a) => a.details)).toEqual([
      'social history: recorded',
      'social history: changed tobacco',
    ]);
    const bad = await refused(doctor, 'history.saveSocial', {
      patientId,
      record: { id: first.id, version: 2 },
      social: { ...social(), tobacco: 'sometimes' },
    });
    expect(Object.keys(bad.fields ?? {})).toEqual(['social.tobacco']);
  });

  it('reads the newest of two records two laptops made, and saves that one by id', async () => {
    const first = await app.call(doctor, 'history.saveSocial', { patientId, record: null, social: social() });
    // Another laptop's record for the same patient, merged in later (records/merge.ts copies rows as they are).
    const db = app.core.db.sqlite;
    const otherId = '01890000-0000-7000-8000-0000000000aa';
    db.prepare(
      `INSERT INTO social_history (id, created_at, updated_at, created_by, updated_by, version, patient_id, tobacco, occupation)
       SELECT ?, '2026-03-10T09:30:00.000Z', '2026-03-10T09:30:00.000Z', created_by, created_by, 3, patient_id, 'never', 'Nurse'
       FROM social_history WHERE id = ?`,
    ).run(otherId, first.id);
    const history = await app.call(doctor, 'history.get', { patientId });
    expect(history.social).toMatchObject({ id: otherId, version: 3, occupation: 'Nurse' });
    const saved = await app.call(doctor, 'history.saveSocial', {
      patientId,
      record: { id: otherId, version: 3 },
      social: social({ occupation: 'Midwife' }),
    });
    expect(saved).toMatchObject({ id: otherId, version: 4, occupation: 'Midwife' });
    expect(db.prepare('SELECT version, occupation FROM social_history WHERE id = ?').get(first.id) as object).toEqual({
      version: 1,
      occupation: 'Teacher',
    });
    // A record of another patient is not this patient's to save.
    const other = await woman('1990-01-01');
    expect(
      (
        await refused(doctor, 'history.saveSocial', {
          patientId: other,
          record: { id: otherId, version: 4 },
          social: social(),
        })
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('asks pregnancy only where relevant, and checks the last menstrual period', async () => {
    const maria = await woman('1994-07-01');
    expect((await app.call(doctor, 'history.get', { patientId: maria })).pregnancyRelevant).toBe(true);
    expect((await app.call(doctor, 'history.get', { patientId })).pregnancyRelevant).toBe(false); // male
    expect((await app.call(doctor, 'history.get', { patientId: await woman('1950-01-01') })).pregnancyRelevant).toBe(
      false,
    );
    expect(
      (await app.call(doctor, 'history.get', { patientId: await woman('2001-01-01', 'other') })).pregnancyRelevant,
    ).toBe(true);

    const male = await refused(doctor, 'history.saveSocial', {
      patientId,
      record: null,
      social: social({ pregnancyStatus: 'pregnant', lmpDate: '2026-01-10' }),
    });
    expect(male.fields).toEqual({
      'social.pregnancyStatus': expect.stringContaining('only for patients who may be pregnant'),
    });
    const cases: [Partial<SocialHistoryFormInput>, string, RegExp][] = [
      [{ pregnancyStatus: 'pregnant', lmpDate: '2026-03-11' }, 'lmpDate', /future/],
      [{ pregnancyStatus: 'pregnant', lmpDate: '2025-04-28' }, 'lmpDate', /at most 45 weeks/], // 316 days ago
      [{ pregnancyStatus: null, lmpDate: '2026-02-01' }, 'pregnancyStatus', /Choose the pregnancy status/],
      [{ pregnancyStatus: 'not_pregnant', lmpDate: '1990-01-01' }, 'lmpDate', /before the patient's birth/],
      [{ pregnancyStatus: 'expecting' as never }, 'pregnancyStatus', /Choose not pregnant/],
    ];
    for (const [override, field, message] of cases) {
      const error = await refused(doctor, 'history.saveSocial', {
        patientId: maria,
        record: null,
        social: social(override),
      });
      expect(error.fields?.[`social.${field}`], JSON.stringify(override)).toMatch(message);
    }
    expect(app.count('social_history')).toBe(0);
    // 45 weeks (315 days) ago is still a pregnancy; an old LMP is fine when not pregnant.
    const pregnant = await app.call(doctor, 'history.saveSocial', {
      patientId: maria,
      record: null,
      social: social({ pregnancyStatus: 'pregnant', lmpDate: '2025-04-29' }),
    });
    expect(pregnant).toMatchObject({ pregnancyStatus: 'pregnant', lmpDate: '2025-04-29' });
    const ended = await app.call(doctor, 'history.saveSocial', {
      patientId: maria,
      record: { id: pregnant.id, version: 1 },
      social: social({ pregnancyStatus: 'not_pregnant', lmpDate: '2024-01-01' }),
    });
    expect(ended.pregnancyStatus).toBe('not_pregnant');
  });
});

describe('a patient who is not there', () => {
  it('refuses every read and write for an unknown or deleted patient, audits the failed views, writes nothing', async () => {
    const unknown = '01890000-0000-7000-8000-000000000000';
    app.core.db.sqlite.prepare("UPDATE patients SET deleted_at = '2026-03-01T00:00:00Z' WHERE id = ?").run(patientId);
    for (const id of [unknown, patientId]) {
      const calls: [string, unknown][] = [
        ['immunizations.list', { patientId: id }],
        ['immunizations.add', { patientId: id, immunization: dose() }],
        ['history.get', { patientId: id }],
        ['history.addEntry', { patientId: id, entry: { section: 'medical', description: 'Asthma' } }],
        ['history.saveSocial', { patientId: id, record: null, social: { tobacco: 'never' } }],
      ];
      for (const [channel, input] of calls)
        expect((await refused(doctor, channel, input)).code, channel).toBe('NOT_FOUND');
    }
    expect(app.count('immunizations') + app.count('history_entries') + app.count('social_history')).toBe(0);
    expect(audits('chart.view').map((a) => [a.patient_id, a.outcome])).toEqual([
      [null, 'failure'],
      [null, 'failure'],
      [null, 'failure'],
      [null, 'failure'],
    ]);
  });
});

describe('who may', () => {
  it('gives a receptionist FORBIDDEN on every immunization and history channel and writes nothing', async () => {
    const a = await app.call(doctor, 'immunizations.add', { patientId, immunization: dose() });
    const e = await app.call(doctor, 'history.addEntry', {
      patientId,
      entry: { section: 'medical', description: 'Gout' },
    });
    const s = await app.call(doctor, 'history.saveSocial', { patientId, record: null, social: { tobacco: 'never' } });
    const desk = await addUser(app, doctor, 'desk', ['receptionist']);
    const before = app.count('change_log');
    const calls: [string, unknown][] = [
      ['immunizations.list', { patientId }],
      ['immunizations.searchVaccines', { text: 'tdap' }],
      ['immunizations.add', { patientId, immunization: dose() }],
      ['immunizations.update', { id: a.id, version: 1, immunization: dose({ lot: 'X' }) }],
      ['history.get', { patientId }],
      ['history.addEntry', { patientId, entry: { section: 'medical', description: 'Asthma' } }],
      ['history.updateEntry', { id: e.id, version: 1, entry: { section: 'medical', description: 'x' } }],
      ['history.removeEntry', { id: e.id, version: 1 }],
      ['history.saveSocial', { patientId, record: { id: s.id, version: 1 }, social: { tobacco: 'current' } }],
    ];
    for (const [channel, input] of calls) expect((await refused(desk, channel, input)).code, channel).toBe('FORBIDDEN');
    expect(app.count('change_log')).toBe(before);
    expect(audits('chart.view')).toEqual([]);
  });
});
