import { afterEach, describe, expect, it } from 'vitest';
import type { LabOrderView } from '../../../shared/domain/lab-order';
import { patientInput } from '../support';
import { auditActions, labRows, openLabClinic, type LabClinic } from './lab-support';

let clinic: LabClinic | undefined;
afterEach(() => {
  clinic?.app.close();
  clinic = undefined;
});

const SAMPLE_TAKEN = '2026-03-10T07:30:00.000Z';

async function orderOf(c: LabClinic, codes: string[]): Promise<LabOrderView> {
  return c.app.call(c.doctor, 'labs.orders.create', {
    visitId: c.visitId,
    codes,
    labName: 'City Diagnostics',
    clinicalNote: '',
  });
}

const value = (code: string, v: string, unit = '', comment = '') => ({ code, value: v, unit, comment });

describe('results entered by hand against an order', { timeout: 60_000 }, () => {
  it('flags each value from the range for the patient’s sex and age, converts units, and moves the order’s status', async () => {
    clinic = await openLabClinic(); // a man born 1980
    const { app, doctor, patientId } = clinic;
    const order = await orderOf(clinic, ['XCBC', '4548-4']);
    const cbc = order.tests[0]!;
    const report = await app.call(doctor, 'labs.results.enter', {
      orderTestId: cbc.id,
      observedAt: SAMPLE_TAKEN,
      results: [
        value('718-7', '105', 'g/L', 'haemolysed?'), // 10.5 g/dL: low for a man (13.0-17.0)
        value('6690-2', '12.4'), // high (4.0-10.0)
        value('777-3', '15'), // critically low (< 20)
        value('787-2', '88'), // normal
        value('770-8', ''), // not done
      ],
    });
    expect(report).toMatchObject({
      code: 'XCBC',
      source: 'manual',
      status: 'final',
      observedAt: SAMPLE_TAKEN,
      performer: 'City Diagnostics',
    });
    const byCode = Object.fromEntries(report.results.map((r) => [r.code, r]));
    expect(byCode['718-7']).toMatchObject({
      valueNum: 10.5,
      unit: 'g/dL',
      originalValue: '105',
      originalUnit: 'g/L',
      flag: 'L',
      critical: false,
      refLow: 13,
      refHigh: 17,
      refText: '13–17',
      comment: 'haemolysed?',
    });
    expect(byCode['6690-2']).toMatchObject({ flag: 'H', critical: false });
    expect(byCode['777-3']).toMatchObject({ flag: 'LL', critical: true });
    expect(byCode['787-2']).toMatchObject({ flag: 'N' });
    expect(byCode['770-8']).toBeUndefined();

    // Whose inbox: the doctor who entered them.
    const me = doctor.user!.userId;
    const row = app.core.db.sqlite.prepare('SELECT doctor_id, source FROM lab_reports WHERE id = ?').get(report.id);
    expect(row).toEqual({ doctor_id: me, source: 'manual' });
    expect(auditActions(app, 'lab.result_enter')).toEqual([
      { patient_id: patientId, details: `${order.number} XCBC: 4 results`, outcome: 'success' },
    ]);

    let got = await app.call(doctor, 'labs.orders.get', { orderId: order.id });
    expect(got.status).toBe('partial');
    expect(got.tests[0]!.report?.id).toBe(report.id);

    await app.call(doctor, 'labs.results.enter', {
      orderTestId: order.tests[1]!.id,
      observedAt: SAMPLE_TAKEN,
      results: [value('4548-4', '7.9')],
    });
    got = await app.call(doctor, 'labs.orders.get', { orderId: order.id });
    expect(got.status).toBe('resulted');
    expect(got.tests[1]!.report?.results[0]).toMatchObject({ valueNum: 7.9, unit: '%', flag: 'H' });
  });

  it('a woman’s haemoglobin of 12.5 is normal where a man’s is low; glucose in mmol/L is kept in mg/dL', async () => {
    clinic = await openLabClinic(
      patientInput({
        givenNames: 'Ana',
        familyName: 'Silva',
        sex: 'female',
        birth: { kind: 'date', date: '1990-06-01' },
      }),
    );
    const { app, doctor } = clinic;
    const order = await orderOf(clinic, ['718-7', '1558-6']);
    const hb = await app.call(doctor, 'labs.results.enter', {
      orderTestId: order.tests[0]!.id,
      observedAt: SAMPLE_TAKEN,
      results: [value('718-7', '12.5')],
    });
    expect(hb.results[0]).toMatchObject({ flag: 'N', refLow: 12, refHigh: 15 });
    const glucose = await app.call(doctor, 'labs.results.enter', {
      orderTestId: order.tests[1]!.id,
      observedAt: SAMPLE_TAKEN,
      results: [value('1558-6', '7.2', 'mmol/L')],
    });
    expect(glucose.results[0]).toMatchObject({
      unit: 'mg/dL',
      flag: 'H',
      originalValue: '7.2',
      originalUnit: 'mmol/L',
    });
    expect(glucose.results[0]!.valueNum).toBeCloseTo(129.7, 1);
  });

  it('entering the same ordered test again corrects its report instead of adding another', async () => {
    clinic = await openLabClinic();
    const { app, doctor } = clinic;
    const order = await orderOf(clinic, ['XELEC']);
    const first = await app.call(doctor, 'labs.results.enter', {
      orderTestId: order.tests[0]!.id,
      observedAt: SAMPLE_TAKEN,
      results: [value('2951-2', '140'), value('2823-3', '7.1'), value('2075-0', '101')],
    });
    expect(first.results.find((r) => r.code === '2823-3')).toMatchObject({ flag: 'HH', critical: true });
    const corrected = await app.call(doctor, 'labs.results.enter', {
      orderTestId: order.tests[0]!.id,
      observedAt: SAMPLE_TAKEN,
      comment: 'Potassium re-run: the first sample was haemolysed.',
      results: [value('2951-2', '140'), value('2823-3', '4.1'), value('2075-0', '')],
    });
    expect(corrected.id).toBe(first.id);
    expect(corrected.status).toBe('corrected');
    expect(corrected.results.map((r) => [r.code, r.valueNum, r.flag, r.status])).toEqual([
      ['2951-2', 140, 'N', 'corrected'],
      ['2823-3', 4.1, 'N', 'corrected'],
    ]);
    expect(app.count('lab_reports')).toBe(1);
    // The potassium row was changed in place (its history shows the old value); chloride withdrawn.
    const potassium = app.core.db.sqlite
      .prepare("SELECT id, version FROM lab_results WHERE code = '2823-3' AND deleted_at IS NULL")
      .all() as { id: string; version: number }[];
    expect(potassium).toEqual([{ id: first.results.find((r) => r.code === '2823-3')!.id, version: 2 }]);
    expect(app.core.db.sqlite.prepare("SELECT deleted_at FROM lab_results WHERE code = '2075-0'").get()).toEqual({
      deleted_at: expect.any(String),
    });
    expect(auditActions(app, 'lab.result_enter').map((a) => a.details)).toEqual([
      `${order.number} XELEC: 3 results`,
      `${order.number} XELEC: 2 results (corrected)`,
    ]);
  });

  it('notes a value far from the patient’s previous one (delta check)', async () => {
    clinic = await openLabClinic();
    const { app, doctor } = clinic;
    const earlier = await orderOf(clinic, ['2160-0']);
    await app.call(doctor, 'labs.results.enter', {
      orderTestId: earlier.tests[0]!.id,
      observedAt: '2026-02-01T08:00:00.000Z',
      results: [value('2160-0', '1.0')],
    });
    const now = await orderOf(clinic, ['2160-0']);
    const report = await app.call(doctor, 'labs.results.enter', {
      orderTestId: now.tests[0]!.id,
      observedAt: SAMPLE_TAKEN,
      results: [value('2160-0', '2.1')],
    });
    expect(report.results[0]).toMatchObject({ flag: 'H', deltaNote: 'Changed +110% since 2026-02-01 (was 1)' });
  });

  it('refuses bad values with a clear message on the field, and writes nothing', async () => {
    clinic = await openLabClinic();
    const { app, doctor } = clinic;
    const order = await orderOf(clinic, ['XCBC', '5778-6']);
    const cbc = order.tests[0]!.id;
    const before = labRows(app);
    const refused = async (input: object) => {
      const answer = await app.raw(doctor, 'labs.results.enter', {
        orderTestId: cbc,
        observedAt: SAMPLE_TAKEN,
        results: [value('718-7', '13')],
        ...input,
      });
      expect(answer.ok, JSON.stringify(input)).toBe(false);
      return (answer as { error: object }).error;
    };
    expect(await refused({ results: [value('718-7', 'twelve')] })).toMatchObject({
      code: 'VALIDATION',
      fields: {
        'results.0.value': '"twelve" is not a number. Type the result of Haemoglobin as a number, such as 5.4 or <0.5.',
      },
    });
    expect(await refused({ results: [value('718-7', '12,5')] })).toMatchObject({
      fields: { 'results.0.value': expect.stringContaining('not a number') },
    });
    expect(await refused({ results: [value('718-7', '13'), value('6690-2', '7', 'furlongs')] })).toMatchObject({
      fields: { 'results.1.unit': expect.stringContaining('"furlongs" is not a unit') },
    });
    expect(await refused({ results: [value('718-7', '8', 'mmol/L')] })).toMatchObject({
      fields: { 'results.0.unit': expect.stringContaining('cannot be converted to g/dL') },
    });
    expect(await refused({ observedAt: '2026-03-11T09:00:00.000Z' })).toMatchObject({
      fields: { observedAt: 'The sample cannot have been taken in the future. Check the date and time.' },
    });
    expect(await refused({ observedAt: 'yesterday' })).toMatchObject({
      code: 'VALIDATION',
      fields: { observedAt: expect.any(String) },
    });
    expect(await refused({ results: [value('2345-7', '90')] })).toMatchObject({
      fields: { 'results.0.code': '2345-7 is not part of Complete blood count (CBC).' },
    });
    expect(await refused({ results: [value('718-7', '13'), value('718-7', '14')] })).toMatchObject({
      fields: { 'results.1.code': expect.any(String) },
    });
    expect(await refused({ results: [value('718-7', '')] })).toMatchObject({
      fields: { results: 'Type at least one result before saving.' },
    });
    expect(await refused({ orderTestId: '0190a0a0-0000-7000-8000-000000000000' })).toMatchObject({ code: 'NOT_FOUND' });
    app.core.db.sqlite.prepare("UPDATE patients SET deleted_at = '2026-03-10T08:59:00.000Z'").run();
    expect(await refused({})).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('not there any more'),
    });
    expect(labRows(app)).toEqual(before);
  });

  it('keeps a text result as typed, without a flag', async () => {
    clinic = await openLabClinic();
    const { app, doctor } = clinic;
    const order = await orderOf(clinic, ['XBG']);
    const report = await app.call(doctor, 'labs.results.enter', {
      orderTestId: order.tests[0]!.id,
      observedAt: SAMPLE_TAKEN,
      results: [value('883-9', 'B'), value('10331-7', 'Positive')],
    });
    expect(report.results.map((r) => [r.code, r.valueType, r.valueText, r.valueNum, r.flag])).toEqual([
      ['883-9', 'text', 'B', null, null],
      ['10331-7', 'text', 'Positive', null, null],
    ]);
  });
});
