import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import growthLms from '../../../resources/growth/growth-lms.json';
import { flushReadAudit } from '../../../electron/main/audit/read-audit';
import { newId } from '../../../electron/main/db/records';
import type { Session } from '../../../electron/main/ipc/session';
import { centileOfValue, lmsAt, type LmsTables } from '../../../shared/domain/growth';
import { addUser, openTestApp, patientInput, setUpClinic, type TestApp } from '../support';

const CDC = growthLms as unknown as LmsTables;

let app: TestApp;
let doctor: Session;
let girlId: string;

// The test clock says 2026-03-10T09:00Z (10:00 in Europe/Berlin, the clinic's zone): the girl born
// 2024-01-15 is 25 months old today.
beforeEach(async () => {
  app = openTestApp();
  doctor = await setUpClinic(app);
  girlId = (
    await app.call(doctor, 'patients.register', {
      patient: patientInput({
        givenNames: 'Lía',
        sex: 'female',
        birth: { kind: 'date', date: '2024-01-15' },
        phones: [],
      }),
    })
  ).id;
});
afterEach(() => app.close());

async function measure(patientId: string, takenAt: string, values: Record<string, number>) {
  await app.call(doctor, 'vitals.record', { patientId, takenAt, units: 'metric', ...values });
}

const chartViews = () => (
  flushReadAudit(app.core.ctx),
  app.core.db.sqlite
    .prepare("SELECT details, patient_id FROM audit_log WHERE action = 'chart.view' ORDER BY seq")
    .all() as { details: string; patient_id: string }[]
);

describe('growth charts', () => {
  beforeEach(async () => {
    // 23:30Z on 14 January is 00:30 on 15 January in Berlin: her birthday on the clinic's calendar,
    // so she is 0 days old (counted in UTC she would not be born yet, and the point would be lost).
    await measure(girlId, '2024-01-14T23:30:00.000Z', { weight: 3.4, height: 49.3, headCircumference: 34.7 });
    await measure(girlId, '2024-07-15T09:00:00.000Z', { weight: 7.0 }); // 182 days
    await measure(girlId, '2025-01-15T09:00:00.000Z', { weight: 9.0, height: 74, headCircumference: 45 }); // 366 days
    await measure(girlId, '2026-03-01T09:00:00.000Z', { weight: 12.3, height: 86 }); // 776 days
  });

  it('draws a 25-month-old girl’s weight on CDC’s 2-20 years chart for girls, with her centile, and audits the read', async () => {
    const chart = await app.call(doctor, 'vitals.growth', { patientId: girlId, measure: 'weight' });
    expect(chart).toMatchObject({
      status: 'ok',
      range: 'child',
      sex: 'female',
      table: 'wtage',
      fromMonths: 24,
      toMonths: 240,
      centiles: [3, 10, 25, 50, 75, 90, 97],
      birthDateEstimated: false,
    });
    // One curve row per row of CDC's girls' table; the 50th centile is CDC's M.
    expect(chart.curves).toHaveLength(CDC.wtage.female.length);
    expect(chart.curves[0]).toMatchObject({ ageMonths: 24 });
    expect(chart.curves[0]!.values[3]).toBe(12.055);
    expect(chart.curves.at(-1)!.values[3]).toBe(58.219);
    // Only the measurement from 24 months on belongs on this chart.
    expect(chart.points).toHaveLength(1);
    const [point] = chart.points;
    expect(point).toMatchObject({ takenAt: '2026-03-01T09:00:00.000Z', ageMonths: 25.49, value: 12.3 });
    const expected = centileOfValue(lmsAt(CDC.wtage.female, 776 / 30.4375)!, 12.3);
    expect(point!.centile).toBe(Math.round(expected * 10) / 10);
    expect(point!.centile).toBeGreaterThan(50);
    expect(point!.centile).toBeLessThan(75);
    expect(chartViews()).toEqual([{ details: 'growth chart: weight (child)', patient_id: girlId }]);
  });

  it('draws the infant charts on request, ages counted from the birth date on the clinic’s calendar', async () => {
    const chart = await app.call(doctor, 'vitals.growth', { patientId: girlId, measure: 'weight', range: 'infant' });
    expect(chart).toMatchObject({ range: 'infant', table: 'wtageinf', fromMonths: 0, toMonths: 36 });
    expect(chart.points.map((p) => [p.ageMonths, p.value])).toEqual([
      [0, 3.4],
      [5.98, 7],
      [12.02, 9],
      [25.49, 12.3],
    ]);
    // 3.4 kg at birth is the median girl (CDC: M = 3.399 kg); 7.0 kg at six months is below it.
    expect(chart.points[0]!.centile).toBeCloseTo(50, 0);
    expect(chart.points[1]!.centile).toBeLessThan(50);
    const length = await app.call(doctor, 'vitals.growth', { patientId: girlId, measure: 'height', range: 'infant' });
    expect(length).toMatchObject({ table: 'lenageinf' });
    expect(length.points.map((p) => p.value)).toEqual([49.3, 74, 86]);
  });

  it('charts head circumference to 36 months only, whatever the age today', async () => {
    const head = await app.call(doctor, 'vitals.growth', { patientId: girlId, measure: 'headCircumference' });
    expect(head).toMatchObject({ status: 'ok', range: 'infant', table: 'hcageinf' });
    expect(head.points.map((p) => p.value)).toEqual([34.7, 45]);
    const none = await app.call(doctor, 'vitals.growth', {
      patientId: girlId,
      measure: 'headCircumference',
      range: 'child',
    });
    expect(none).toMatchObject({ status: 'noChart', table: null, curves: [], points: [] });
  });

  it('draws no curves for a patient whose sex is not recorded as female or male, and none of an adult’s measurements', async () => {
    const unknownId = (
      await app.call(doctor, 'patients.register', {
        patient: patientInput({
          givenNames: 'Alex',
          sex: 'unknown',
          birth: { kind: 'date', date: '2025-06-01' },
          phones: [],
        }),
      })
    ).id;
    await measure(unknownId, '2026-03-01T09:00:00.000Z', { weight: 9 });
    expect(await app.call(doctor, 'vitals.growth', { patientId: unknownId, measure: 'weight' })).toMatchObject({
      status: 'sexNotRecorded',
      sex: null,
      range: 'infant',
      curves: [],
      points: [],
    });
    const adultId = (await app.call(doctor, 'patients.register', { patient: patientInput() })).id; // born 1980
    await measure(adultId, '2026-03-01T09:00:00.000Z', { weight: 80 });
    const adult = await app.call(doctor, 'vitals.growth', { patientId: adultId, measure: 'weight' });
    expect(adult).toMatchObject({ status: 'ok', range: 'child', points: [] });
  });

  it('refuses an unknown or deleted patient and a measure without a chart', async () => {
    expect(await app.raw(doctor, 'vitals.growth', { patientId: newId(), measure: 'weight' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.raw(doctor, 'vitals.growth', { patientId: girlId, measure: 'pulse' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    app.core.db.sqlite
      .prepare('UPDATE patients SET deleted_at = ? WHERE id = ?')
      .run('2026-03-10T08:00:00.000Z', girlId);
    expect(await app.raw(doctor, 'vitals.growth', { patientId: girlId, measure: 'weight' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('refuses a receptionist (FORBIDDEN), shows them none of it and records the refusal', async () => {
    const reception = await addUser(app, doctor, 'frontdesk', ['receptionist']);
    chartViews();
    const auditBefore = app.count('audit_log');
    const answer = await app.raw(reception, 'vitals.growth', { patientId: girlId, measure: 'weight' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(answer)).not.toMatch(/"points"|"curves"|12\.3/);
    flushReadAudit(app.core.ctx);
    const added = app.core.db.sqlite
      .prepare('SELECT action FROM audit_log ORDER BY seq LIMIT -1 OFFSET ?')
      .all(auditBefore) as { action: string }[];
    expect(added.map((a) => a.action)).toEqual(['access.refused']);
  });
});
