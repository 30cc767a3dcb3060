import { afterEach, describe, expect, it } from 'vitest';
import { labTestByCode } from '../../../electron/main/labs/catalogue/lab-catalogue';
import type { LabRangeInput } from '../../../shared/domain/lab-order';
import { addUser } from '../support';
import { auditActions, labRows, openLabClinic, type LabClinic } from './lab-support';

let clinic: LabClinic | undefined;
afterEach(() => {
  clinic?.app.close();
  clinic = undefined;
});

const range = (overrides: Partial<LabRangeInput> = {}): LabRangeInput => ({
  sex: 'any',
  ageFromDays: 6575,
  ageToDays: null,
  low: 5,
  high: 20,
  criticalLow: null,
  criticalHigh: null,
  source: 'City Diagnostics, Pune: reference intervals 2026',
  ...overrides,
});

const vitaminB6 = {
  code: 'XB6',
  kind: 'test' as const,
  name: 'Vitamin B6 (pyridoxal phosphate)',
  unit: 'ug/L',
  valueType: 'numeric' as const,
  ranges: [range()],
  members: [],
  deltaPercent: null,
};

describe('the lab test catalogue', { timeout: 60_000 }, () => {
  it('finds tests and panels as the doctor types: other names, codes and name prefixes, panels and exact matches first', async () => {
    clinic = await openLabClinic();
    const { app, doctor } = clinic;
    const codes = async (text: string) =>
      (await app.call(doctor, 'labs.catalogue.search', { text, limit: 20, includeHidden: false })).map((e) => e.code);

    expect((await codes('cbc'))[0]).toBe('XCBC');
    expect((await codes('HbA1c'))[0]).toBe('4548-4');
    expect((await codes('tsh'))[0]).toBe('3016-3');
    expect(await codes('2345-7')).toEqual(['2345-7']);
    expect(await codes('fasting glu')).toContain('1558-6');
    expect(await codes('lipid')).toContain('XLIPID');
    expect(await codes('KFT')).toContain('XKFT');
    expect(await codes('zzzz no such test')).toEqual([]);

    const cbc = await app.call(doctor, 'labs.catalogue.get', { code: 'XCBC' });
    expect(cbc).toMatchObject({ kind: 'panel', origin: 'catalogue', version: null });
    expect(cbc.members).toContain('718-7');
    expect(cbc.memberNames).toContain('Haemoglobin');
    const missing = await app.raw(doctor, 'labs.catalogue.get', { code: 'X-NOPE' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a doctor edits a shipped test’s range: the clinic’s row wins by code, audited, and a stale version is refused', async () => {
    clinic = await openLabClinic();
    const { app, doctor } = clinic;
    const hb = await app.call(doctor, 'labs.catalogue.get', { code: '718-7' });
    const edited = await app.call(doctor, 'labs.catalogue.update', {
      code: '718-7',
      version: null,
      name: hb.name,
      unit: hb.unit,
      valueType: 'numeric',
      ranges: [range({ sex: 'male', low: 13.5, high: 17.5, criticalLow: 7, criticalHigh: 20 })],
      members: [],
      deltaPercent: 25,
      hidden: false,
    });
    expect(edited).toMatchObject({ origin: 'edited', version: 1, loincName: hb.loincName });
    const seen = labTestByCode(app.core.db.sqlite, '718-7');
    expect(seen?.ranges).toEqual([range({ sex: 'male', low: 13.5, high: 17.5, criticalLow: 7, criticalHigh: 20 })]);
    expect(seen?.origin).toBe('edited');
    expect(auditActions(app, 'lab.test_update')).toHaveLength(1);

    const before = labRows(app);
    const stale = await app.raw(doctor, 'labs.catalogue.update', {
      code: '718-7',
      version: null,
      name: hb.name,
      unit: hb.unit,
      valueType: 'numeric',
      ranges: [],
      members: [],
      deltaPercent: null,
      hidden: false,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(labRows(app)).toEqual(before);
  });

  it('an administrator adds a test and a panel of the clinic’s own; hiding takes a test out of search and ordering', async () => {
    clinic = await openLabClinic();
    const { app, doctor } = clinic;
    const admin = doctor; // the set-up account is administrator and doctor
    const added = await app.call(admin, 'labs.catalogue.add', vitaminB6);
    expect(added).toMatchObject({ code: 'XB6', origin: 'clinic', system: 'urn:chartbook:lab-test', version: 1 });
    const panel = await app.call(admin, 'labs.catalogue.add', {
      code: 'xvit',
      kind: 'panel',
      name: 'Vitamin panel',
      unit: null,
      valueType: null,
      ranges: [],
      members: ['XB6', '2132-9', '62292-8'],
      deltaPercent: null,
    });
    expect(panel).toMatchObject({
      code: 'XVIT',
      memberNames: ['Vitamin B6 (pyridoxal phosphate)', 'Vitamin B12', 'Vitamin D, 25-hydroxy (D2 + D3)'],
    });
    expect(auditActions(app, 'lab.test_add').map((a) => a.details)).toEqual([
      'XB6 Vitamin B6 (pyridoxal phosphate)',
      'XVIT Vitamin panel',
    ]);

    const { kind: _kind, ...fields } = vitaminB6;
    const hidden = await app.call(admin, 'labs.catalogue.update', { ...fields, version: added.version, hidden: true });
    expect(hidden.hidden).toBe(true);
    const search = async (includeHidden: boolean) =>
      (await app.call(admin, 'labs.catalogue.search', { text: 'pyridoxal', limit: 20, includeHidden })).map(
        (e) => e.code,
      );
    expect(await search(false)).toEqual([]);
    expect(await search(true)).toEqual(['XB6']);
    const order = await app.raw(doctor, 'labs.orders.create', {
      visitId: clinic.visitId,
      codes: ['XB6'],
      labName: '',
      clinicalNote: '',
    });
    expect(order).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'codes.0': expect.stringContaining('hidden') } },
    });
  });

  it('a test the clinic adds with its molar mass converts a value sent in mass units; without one, the value is refused', async () => {
    clinic = await openLabClinic();
    const { app, doctor } = clinic;
    const urate = {
      ...vitaminB6,
      code: 'XURATE',
      name: 'Urate (clinic method)',
      unit: 'mmol/L',
      ranges: [range({ low: 0.2, high: 0.42 })],
      molarMass: 168.11,
    };
    expect(await app.call(doctor, 'labs.catalogue.add', urate)).toMatchObject({ molarMass: 168.11, origin: 'clinic' });
    await app.call(doctor, 'labs.catalogue.add', {
      ...urate,
      code: 'XURATE2',
      name: 'Urate (no molar mass)',
      molarMass: null,
    });
    const order = await app.call(doctor, 'labs.orders.create', {
      visitId: clinic.visitId,
      codes: ['XURATE', 'XURATE2'],
      labName: '',
      clinicalNote: '',
    });
    const enter = (n: number, code: string) =>
      app.raw(doctor, 'labs.results.enter', {
        orderTestId: order.tests[n]!.id,
        observedAt: '2026-03-10T08:00:00.000Z',
        results: [{ code, value: '8.1', unit: 'mg/dL' }],
      });
    // 8.1 mg/dL ÷ 168.11 g/mol = 0.482 mmol/L: above the clinic's 0.42.
    expect(await enter(0, 'XURATE')).toMatchObject({
      ok: true,
      value: { results: [{ valueNum: expect.closeTo(0.4818, 3), unit: 'mmol/L', originalUnit: 'mg/dL', flag: 'H' }] },
    });
    expect(await enter(1, 'XURATE2')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'results.0.unit': expect.stringContaining('mg/dL') } },
    });

    // A shipped test's molar mass comes with the catalogue: an edit keeps it and cannot change it.
    const glucose = await app.call(doctor, 'labs.catalogue.get', { code: '2345-7' });
    expect(glucose.molarMass).toBeGreaterThan(180);
    const {
      origin: _o,
      system: _s,
      hidden: _h,
      version: _v,
      loincName: _l,
      aliases: _a,
      memberNames: _m,
      kind: _k,
      ...fields
    } = glucose;
    expect(
      await app.raw(doctor, 'labs.catalogue.update', { ...fields, version: null, hidden: false, molarMass: 100 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { molarMass: expect.stringContaining('catalogue') } },
    });
    const edited = await app.call(doctor, 'labs.catalogue.update', {
      ...fields,
      version: null,
      hidden: false,
      deltaPercent: 25,
    });
    expect(edited).toMatchObject({ origin: 'edited', deltaPercent: 25, molarMass: glucose.molarMass });
  });

  it('refuses a bad test or panel with the field and a clear message, and writes nothing', async () => {
    clinic = await openLabClinic();
    const { app, doctor } = clinic;
    const before = labRows(app);
    const refusal = async (input: object) => {
      const answer = await app.raw(doctor, 'labs.catalogue.add', { ...vitaminB6, ...input });
      expect(answer.ok).toBe(false);
      return (answer as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
    };
    expect(await refusal({ unit: 'furlongs per fortnight' })).toMatchObject({
      code: 'VALIDATION',
      fields: { unit: expect.stringContaining('UCUM') },
    });
    expect(await refusal({ unit: 'mg/dl' })).toMatchObject({ fields: { unit: expect.stringContaining('"mg/dl"') } });
    expect(await refusal({ unit: null })).toMatchObject({
      fields: { unit: expect.stringContaining('needs the unit') },
    });
    expect(await refusal({ code: '718-7' })).toMatchObject({
      fields: { code: expect.stringContaining('already in the catalogue') },
    });
    expect(await refusal({ code: '2345-6' })).toMatchObject({
      fields: { code: expect.stringContaining('check digit') },
    });
    expect(await refusal({ code: 'VITB6' })).toMatchObject({
      fields: { code: expect.stringContaining('starting with X') },
    });
    expect(await refusal({ ranges: [range({ source: '' })] })).toMatchObject({
      fields: { 'ranges.0.source': expect.stringContaining('Name where this range comes from') },
    });
    expect(await refusal({ ranges: [range({ low: 30, high: 20 })] })).toMatchObject({
      fields: { 'ranges.0.high': 'The low limit (30) is above the high limit (20).' },
    });
    expect(await refusal({ ranges: [range({ criticalHigh: 10 })] })).toMatchObject({
      fields: { 'ranges.0.criticalHigh': expect.stringContaining('critical high') },
    });
    expect(await refusal({ ranges: [range({ ageFromDays: 100, ageToDays: 50 })] })).toMatchObject({
      fields: { 'ranges.0.ageToDays': expect.any(String) },
    });
    const panel = { kind: 'panel', unit: null, valueType: null, ranges: [] };
    expect(await refusal({ ...panel, members: [] })).toMatchObject({ fields: { members: expect.any(String) } });
    expect(await refusal({ ...panel, members: ['XNOPE'] })).toMatchObject({
      fields: { 'members.0': 'XNOPE is not a test in the catalogue.' },
    });
    expect(await refusal({ ...panel, members: ['XCBC'] })).toMatchObject({
      fields: { 'members.0': expect.stringContaining('is a panel') },
    });
    expect(await refusal({ ...panel, members: ['718-7', '718-7'] })).toMatchObject({
      fields: { 'members.1': expect.any(String) },
    });
    expect(await refusal({ name: 'x'.repeat(201) })).toMatchObject({
      code: 'VALIDATION',
      fields: { name: expect.stringContaining('200') },
    });
    expect(labRows(app)).toEqual(before);
  });

  it('is closed to receptionists (FORBIDDEN), open to administrators', async () => {
    clinic = await openLabClinic();
    const { app, doctor } = clinic;
    const desk = await addUser(app, doctor, 'desk', ['receptionist']);
    const admin = await addUser(app, doctor, 'office', ['admin']);
    for (const [channel, input] of [
      ['labs.catalogue.search', { text: 'cbc' }],
      ['labs.catalogue.get', { code: 'XCBC' }],
      ['labs.catalogue.add', vitaminB6],
    ] as const) {
      expect(await app.raw(desk, channel, input), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await app.raw(admin, 'labs.catalogue.search', { text: 'cbc' })).toMatchObject({ ok: true });
    expect(await app.raw(admin, 'labs.catalogue.add', vitaminB6)).toMatchObject({ ok: true });
    // Orders are clinical: an administrator who is not a doctor may not order.
    expect(
      await app.raw(admin, 'labs.orders.create', {
        visitId: clinic.visitId,
        codes: ['XCBC'],
        labName: '',
        clinicalNote: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
