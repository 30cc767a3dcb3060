import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/main/ipc/session';
import { openTestApp, patientInput, setUpClinic, tempDir, type TestApp } from './support';

let app: TestApp;
let admin: Session;
beforeEach(async () => {
  app = openTestApp();
  admin = await setUpClinic(app);
});
afterEach(() => app.close());

const names = (rows: { givenNames: string; familyName: string }[]) =>
  rows.map((r) => `${r.givenNames} ${r.familyName}`);

describe('registering patients', () => {
  it('assigns an MRN, and writes history, change log and audit in the same transaction', async () => {
    const p = await app.call(admin, 'patients.register', { patient: patientInput() });
    expect(p.mrn).toMatch(/^[0-9A-Z]{4}-000001$/);
    expect(p.version).toBe(1);
    expect(
      app.core.db.sqlite
        .prepare('SELECT entity, entity_id, operation, version FROM change_log WHERE entity = ?')
        .all('patient'),
    ).toEqual([{ entity: 'patient', entity_id: p.id, operation: 'create', version: 1 }]);
    expect(
      app.core.db.sqlite.prepare("SELECT action, patient_id FROM audit_log WHERE action = 'patient.create'").all(),
    ).toEqual([{ action: 'patient.create', patient_id: p.id }]);
    const second = await app.call(admin, 'patients.register', {
      patient: patientInput({ givenNames: 'Ana', phones: [] }),
    });
    expect(second.mrn).toBe(p.mrn.replace('000001', '000002'));
  });

  it('gives two laptops registering offline different MRN prefixes', async () => {
    const other = openTestApp(tempDir());
    const otherAdmin = await setUpClinic(other);
    const a = await app.call(admin, 'patients.register', { patient: patientInput() });
    const b = await other.call(otherAdmin, 'patients.register', { patient: patientInput() });
    other.close();
    expect(a.mrn.slice(0, 4)).not.toBe(b.mrn.slice(0, 4)); // random 20-bit device codes
    expect(a.id).not.toBe(b.id);
  });

  it('accepts names in any script and an estimated age', async () => {
    const p = await app.call(admin, 'patients.register', {
      patient: patientInput({
        givenNames: '美咲',
        familyName: '佐藤',
        birth: { kind: 'estimatedAge', years: 40 },
        phones: [],
      }),
    });
    expect(p.birthDateEstimated).toBe(true);
    expect(p.birthDate).toBe('1986-03-10'); // the test clock says 2026-03-10
    expect(names(await app.call(admin, 'patients.search', { text: '佐藤' }))).toEqual(['美咲 佐藤']);
  });

  it('editing an estimated age to another age saves the new age; the same age keeps the first estimate', async () => {
    const p = await app.call(admin, 'patients.register', {
      patient: patientInput({ givenNames: 'Ravi', birth: { kind: 'estimatedAge', years: 30 }, phones: [] }),
    });
    expect(p.birthDate).toBe('1996-03-10');
    const older = await app.call(admin, 'patients.update', {
      id: p.id,
      version: p.version,
      patient: patientInput({ givenNames: 'Ravi', birth: { kind: 'estimatedAge', years: 35 }, phones: [] }),
    });
    expect(older).toMatchObject({ birthDate: '1991-03-10', birthDateEstimated: true, version: 2 });
    const history = await app.call(admin, 'patients.history', { id: p.id });
    expect(history[0]!.changes).toContainEqual({
      field: 'Date of birth',
      from: '1996-03-10 (estimated)',
      to: '1991-03-10 (estimated)',
    });
    // A later visit (40 days on, the person active again): the same age re-entered keeps the first estimate.
    app.clock.advanceMinutes(60 * 24 * 40);
    admin.lastActivityMs = app.clock.ms;
    const same = await app.call(admin, 'patients.update', {
      id: p.id,
      version: older.version,
      patient: patientInput({ givenNames: 'Ravi', birth: { kind: 'estimatedAge', years: 35 }, phones: [] }),
    });
    expect(same.birthDate).toBe('1991-03-10');
  });

  it.each([
    [{ birth: { kind: 'date', date: '1899-12-31' } }, 'patient.birth.date', /before 1900/],
    [{ birth: { kind: 'date', date: '2999-01-01' } }, 'patient.birth.date', /future/],
    [{ birth: { kind: 'date', date: '2001-02-29' } }, 'patient.birth.date', /real date/],
    [{ birth: { kind: 'estimatedAge', years: 150 } }, 'patient.birth.years', /at most 120/],
    [{ birth: { kind: 'estimatedAge', years: -2 } }, 'patient.birth.years', /negative/],
    [{ givenNames: '  ', familyName: '' }, 'patient.givenNames', /given name or family name/],
    [{ phones: [{ kind: 'mobile', number: '12' }] }, 'patient.phones.0.number', /6 to 15 digits/],
  ] as const)('refuses %j with a message on %s and writes nothing', async (override, field, message) => {
    const result = await app.raw(admin, 'patients.register', { patient: patientInput(override as never) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields?.[field]).toMatch(message);
    expect(app.count('patients')).toBe(0);
  });

  it('refuses an identifier already recorded for another patient, naming them', async () => {
    await app.call(admin, 'patients.register', {
      patient: patientInput({ identifiers: [{ system: 'National ID', value: 'AB-123' }] }),
    });
    const result = await app.raw(admin, 'patients.register', {
      patient: patientInput({
        givenNames: 'Other',
        phones: [],
        identifiers: [{ system: 'national id', value: 'ab123' }],
      }),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'patient.identifiers.0.value': expect.stringMatching(/José García/) } },
    });
    expect(app.count('patients')).toBe(1);
  });
});

describe('possible duplicates', () => {
  it('warns on same name and birth date, or same phone written differently', async () => {
    const existing = await app.call(admin, 'patients.register', { patient: patientInput() });
    const byName = await app.call(admin, 'patients.checkDuplicates', {
      givenNames: 'jose',
      familyName: 'GARCIA',
      birthDate: '1980-02-29',
      phones: [],
    });
    expect(byName).toEqual([expect.objectContaining({ id: existing.id, reason: 'name-and-birth-date' })]);
    const byPhone = await app.call(admin, 'patients.checkDuplicates', {
      givenNames: 'Maria',
      familyName: 'Lopez',
      birthDate: '',
      phones: ['0034 600-123-456'],
    });
    expect(byPhone).toEqual([expect.objectContaining({ id: existing.id, reason: 'phone' })]);
  });

  it('refuses to register a possible duplicate unless the user confirmed it is someone else', async () => {
    await app.call(admin, 'patients.register', { patient: patientInput() });
    const refused = await app.raw(admin, 'patients.register', { patient: patientInput() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'POSSIBLE_DUPLICATE' } });
    expect(app.count('patients')).toBe(1);
    await app.call(admin, 'patients.register', { patient: patientInput(), confirmedNotDuplicate: true });
    expect(app.count('patients')).toBe(2);
  });
});

describe('search as you type', () => {
  beforeEach(async () => {
    const people = [
      ['José', 'García', '+34 600 123 456'],
      ['Josephine', 'Garner', '+1 415 555 0101'],
      ['Jo', 'Smith', '020 7946 0958'],
      ['Oluwaseun', 'Adeyemi', '+234 803 555 1234'],
      ['Björn', 'Østergård', '+45 20 11 22 33'],
    ];
    for (const [g, f, phone] of people) {
      await app.call(admin, 'patients.register', {
        patient: patientInput({ givenNames: g!, familyName: f!, phones: [{ kind: 'mobile', number: phone! }] }),
      });
    }
  });

  it('finds any part of the name in any order, ignoring accents and case', async () => {
    expect(names(await app.call(admin, 'patients.search', { text: 'garc jos' }))).toEqual(['José García']);
    expect(names(await app.call(admin, 'patients.search', { text: 'JOSE' }))).toEqual([
      'José García',
      'Josephine Garner',
    ]);
    expect(names(await app.call(admin, 'patients.search', { text: 'bjorn oster' }))).toEqual(['Björn Østergård']);
    expect(names(await app.call(admin, 'patients.search', { text: 'seun' }))).toEqual([]); // prefixes, not infixes
  });

  it('ranks exact words before prefixes, then the most recently registered first', async () => {
    expect(names(await app.call(admin, 'patients.search', { text: 'jo' }))).toEqual([
      'Jo Smith',
      'Josephine Garner',
      'José García',
    ]);
    expect(names(await app.call(admin, 'patients.search', { text: 'ga' }))).toEqual([
      'Josephine Garner',
      'José García',
    ]);
  });

  it('puts an older exact match before newer prefix matches that fill the page', async () => {
    // "Jo Smith" was registered before these four; "smith" is a whole word only in her name.
    for (const given of ['Ann', 'Ben', 'Cat', 'Dan']) {
      await app.call(admin, 'patients.register', {
        patient: patientInput({ givenNames: given, familyName: 'Smithers', phones: [] }),
      });
    }
    expect(names(await app.call(admin, 'patients.search', { text: 'smith', limit: 3 }))).toEqual([
      'Jo Smith',
      'Dan Smithers',
      'Cat Smithers',
    ]);
    expect(names(await app.call(admin, 'patients.search', { text: 'smithers', limit: 2 }))).toEqual([
      'Dan Smithers',
      'Cat Smithers',
    ]);
    // A phone match outranks both, and is not listed twice.
    expect(names(await app.call(admin, 'patients.search', { text: '020 7946', limit: 3 }))).toEqual(['Jo Smith']);
  });

  it('finds by phone however it is typed, and by MRN and identifier', async () => {
    expect(names(await app.call(admin, 'patients.search', { text: '600 12' }))).toEqual(['José García']);
    expect(names(await app.call(admin, 'patients.search', { text: '+234803' }))).toEqual(['Oluwaseun Adeyemi']);
    expect(names(await app.call(admin, 'patients.search', { text: '020 79' }))).toEqual(['Jo Smith']);
    expect(names(await app.call(admin, 'patients.search', { text: '207946' }))).toEqual(['Jo Smith']);
    const [jose] = await app.call(admin, 'patients.search', { text: 'jose garcia' });
    expect(names(await app.call(admin, 'patients.search', { text: jose!.mrn }))).toEqual(['José García']);
    expect(names(await app.call(admin, 'patients.search', { text: jose!.mrn.replace('-', '').toLowerCase() }))).toEqual(
      ['José García'],
    );
  });

  it('never finds a deleted record, by name, phone or MRN', async () => {
    const older = await app.call(admin, 'patients.register', {
      patient: patientInput({
        givenNames: 'Ada',
        familyName: 'Lovelace',
        phones: [{ kind: 'home', number: '020 7946 0001' }],
      }),
    });
    const newer = await app.call(admin, 'patients.register', {
      patient: patientInput({
        givenNames: 'Ada',
        familyName: 'Byron',
        phones: [{ kind: 'home', number: '020 7946 0002' }],
      }),
    });
    // No screen deletes a patient yet; a later merge will set deleted_at like this.
    app.core.db.sqlite
      .prepare('UPDATE patients SET deleted_at = ? WHERE id = ?')
      .run('2026-03-10T10:00:00.000Z', newer.id);
    expect(names(await app.call(admin, 'patients.search', { text: '020 7946', limit: 2 }))).toEqual([
      'Ada Lovelace',
      'Jo Smith',
    ]);
    expect(names(await app.call(admin, 'patients.search', { text: 'ada' }))).toEqual(['Ada Lovelace']);
    expect(await app.call(admin, 'patients.search', { text: newer.mrn })).toEqual([]);
    expect(names(await app.call(admin, 'patients.search', { text: older.mrn }))).toEqual(['Ada Lovelace']);
    expect(names(await app.call(admin, 'patients.search', { text: '', limit: 1 }))).toEqual(['Ada Lovelace']);
  });

  it('treats search text as text, never as FTS syntax', async () => {
    for (const text of ['"', 'jo*', 'NEAR(a b)', 'garcia OR 1=1', "'; DROP TABLE patients; --", '^', '(']) {
      const result = await app.raw(admin, 'patients.search', { text });
      expect(result.ok, text).toBe(true);
    }
    expect(app.count('patients')).toBe(5);
  });

  it('shows recent patients for empty text', async () => {
    expect(names(await app.call(admin, 'patients.search', { text: '', limit: 2 }))).toEqual([
      'Björn Østergård',
      'Oluwaseun Adeyemi',
    ]);
  });
});

describe('editing and history', () => {
  it('asks before saving edits that make a record look like another patient, and only then', async () => {
    const ama = await app.call(admin, 'patients.register', {
      patient: patientInput({ givenNames: 'Ama', familyName: 'Mensah', phones: [] }),
    });
    const other = await app.call(admin, 'patients.register', {
      patient: patientInput({
        givenNames: 'Ama',
        familyName: 'Mensa',
        phones: [{ kind: 'mobile', number: '+233 24 000 0001' }],
      }),
    });
    const fixed = patientInput({
      givenNames: 'Ama',
      familyName: 'Mensah',
      phones: [{ kind: 'mobile', number: '+233 24 000 0001' }],
    });

    const asked = await app.raw(admin, 'patients.update', { id: other.id, version: 1, patient: fixed });
    expect(asked).toMatchObject({
      ok: false,
      error: { code: 'POSSIBLE_DUPLICATE', message: expect.stringContaining(`Ama Mensah, MRN ${ama.mrn}`) },
    });
    expect((await app.call(admin, 'patients.get', { id: other.id })).familyName).toBe('Mensa');

    const saved = await app.call(admin, 'patients.update', {
      id: other.id,
      version: 1,
      patient: fixed,
      confirmedNotDuplicate: true,
    });
    expect(saved).toMatchObject({ version: 2, familyName: 'Mensah' });
    // The likeness was accepted: later edits of either record are not asked about it again.
    await expect(
      app.call(admin, 'patients.update', {
        id: other.id,
        version: 2,
        patient: { ...fixed, notes: 'Prefers mornings' },
      }),
    ).resolves.toMatchObject({ version: 3 });
    await expect(
      app.call(admin, 'patients.update', {
        id: ama.id,
        version: 1,
        patient: patientInput({ givenNames: 'Ama', familyName: 'Mensah', phones: [], notes: 'Twin' }),
      }),
    ).resolves.toMatchObject({ version: 2 });
    // A phone that belongs to someone else is a new likeness.
    const kofi = await app.call(admin, 'patients.register', {
      patient: patientInput({
        givenNames: 'Kofi',
        familyName: 'Boateng',
        phones: [{ kind: 'mobile', number: '+233 20 111 2222' }],
      }),
    });
    const phoneClash = await app.raw(admin, 'patients.update', {
      id: ama.id,
      version: 2,
      patient: patientInput({
        givenNames: 'Ama',
        familyName: 'Mensah',
        notes: 'Twin',
        phones: [{ kind: 'home', number: '020 111 2222' }],
      }),
    });
    expect(phoneClash).toMatchObject({
      ok: false,
      error: { code: 'POSSIBLE_DUPLICATE', message: expect.stringContaining(`Kofi Boateng, MRN ${kofi.mrn}`) },
    });
  });

  it('updates with the version read, records who changed what, and refuses a stale version', async () => {
    const p = await app.call(admin, 'patients.register', { patient: patientInput() });
    app.clock.advanceMinutes(5);
    const updated = await app.call(admin, 'patients.update', {
      id: p.id,
      version: 1,
      patient: patientInput({ familyName: 'García López', phones: [{ kind: 'home', number: '+34 910 000 000' }] }),
    });
    expect(updated.version).toBe(2);
    expect(names(await app.call(admin, 'patients.search', { text: 'lopez' }))).toEqual(['José García López']);
    expect(await app.call(admin, 'patients.search', { text: '600 123' })).toEqual([]);
    // Result rows show the record as it is now.
    expect(await app.call(admin, 'patients.search', { text: 'garcia' })).toMatchObject([
      { familyName: 'García López', phone: '+34 910 000 000' },
    ]);
    await app.call(admin, 'patients.update', {
      id: p.id,
      version: 2,
      patient: patientInput({ familyName: 'García López', phones: [] }),
    });
    expect(await app.call(admin, 'patients.search', { text: 'garcia' })).toMatchObject([{ phone: '' }]);
    expect(await app.call(admin, 'patients.search', { text: '910 000' })).toEqual([]);

    const stale = await app.raw(admin, 'patients.update', {
      id: p.id,
      version: 1,
      patient: patientInput({ familyName: 'X' }),
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const history = await app.call(admin, 'patients.history', { id: p.id });
    expect(history.map((h) => h.version)).toEqual([3, 2, 1]);
    expect(history[1]).toMatchObject({ changedByName: 'Dr Amara Okafor', changedAt: '2026-03-10T09:05:00.000Z' });
    expect(history[1]!.changes).toEqual([
      { field: 'Family name', from: 'García', to: 'García López' },
      { field: 'Phones', from: 'mobile: +34 600 123 456', to: 'home: +34 910 000 000' },
    ]);
    expect(app.core.db.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'patient.update'").get()).toEqual({
      details: 'changed: Family name, Phones',
    });
  });

  it('audits every view of a patient record, and a failed one', async () => {
    const p = await app.call(admin, 'patients.register', { patient: patientInput() });
    await app.call(admin, 'patients.get', { id: p.id });
    const missing = await app.raw(admin, 'patients.get', { id: '01900000-0000-7000-8000-000000000000' });
    expect(missing.ok === false && missing.error.code).toBe('NOT_FOUND');
    const views = app.core.db.sqlite
      .prepare("SELECT patient_id, outcome FROM audit_log WHERE action = 'patient.view' ORDER BY seq")
      .all();
    expect(views).toEqual([
      { patient_id: p.id, outcome: 'success' },
      { patient_id: null, outcome: 'failure' },
    ]);
  });
});
