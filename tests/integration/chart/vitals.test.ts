import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushReadAudit } from '../../../electron/main/audit/read-audit';
import { newId } from '../../../electron/main/db/records';
import type { Session } from '../../../electron/main/ipc/session';
import type { ChannelInput } from '../../../shared/contract';
import { addUser, openTestApp, patientInput, setUpClinic, type TestApp } from '../support';

let app: TestApp;
let doctor: Session;
let adultId: string;
let childId: string;

// The test clock says 2026-03-10T09:00Z (10:00 in Europe/Berlin, the clinic's zone).
const MORNING = '2026-03-10T07:30:00.000Z';

beforeEach(async () => {
  app = openTestApp();
  doctor = await setUpClinic(app);
  adultId = (await app.call(doctor, 'patients.register', { patient: patientInput() })).id; // born 1980-02-29
  childId = (
    await app.call(doctor, 'patients.register', {
      patient: patientInput({ givenNames: 'Lía', birth: { kind: 'date', date: '2024-01-15' }, phones: [] }),
    })
  ).id;
});
afterEach(() => app.close());

type RecordInput = ChannelInput<'vitals.record'>;
const metric = (over: Partial<RecordInput> = {}): RecordInput => ({
  patientId: adultId,
  takenAt: MORNING,
  units: 'metric',
  ...over,
});

/** Everything a refused call must leave untouched. */
function writes() {
  return { vitals: app.count('vitals'), changes: app.count('change_log'), audit: app.count('audit_log') };
}

async function refused(channel: 'vitals.record' | 'vitals.update', input: unknown) {
  const before = writes();
  const result = await app.raw(doctor, channel, input);
  expect(writes()).toEqual(before);
  if (result.ok) throw new Error(`${channel} was accepted: ${JSON.stringify(input)}`);
  return result.error;
}

describe('recording vitals', () => {
  it('stores metric entries in canonical units, computes BMI, flags abnormal values, and audits the change', async () => {
    const set = await app.call(
      doctor,
      'vitals.record',
      metric({
        systolic: 142,
        diastolic: 91,
        pulse: 72,
        temperature: 36.8,
        respiratoryRate: 16,
        spo2: 97,
        weight: 81.4,
        height: 172,
        pain: 3,
      }),
    );
    expect(set.values).toEqual({
      systolic: 142,
      diastolic: 91,
      pulse: 72,
      temperature: 36.8,
      respiratoryRate: 16,
      spo2: 97,
      weight: 81.4,
      height: 172,
      bmi: 27.5,
      pain: 3,
      headCircumference: null,
      muac: null,
    });
    expect(set.flags).toEqual({ systolic: 'high', diastolic: 'high', bmi: 'high' });
    expect(set).toMatchObject({ version: 1, patientId: adultId, takenAt: MORNING, recordedByName: 'Dr Amara Okafor' });
    const db = app.core.db.sqlite;
    expect(db.prepare('SELECT systolic, weight, bmi, taken_at FROM vitals WHERE id = ?').get(set.id)).toEqual({
      systolic: 142,
      weight: 81.4,
      bmi: 27.5,
      taken_at: MORNING,
    });
    expect(db.prepare("SELECT operation, version FROM change_log WHERE entity = 'vitals'").all()).toEqual([
      { operation: 'create', version: 1 },
    ]);
    const audit = db.prepare("SELECT patient_id, details FROM audit_log WHERE action = 'vitals.record'").all();
    // The audit trail names what was measured, never the values.
    expect(audit).toEqual([
      {
        patient_id: adultId,
        details: 'measured: systolic, diastolic, pulse, temperature, respiratoryRate, spo2, weight, height, bmi, pain',
      },
    ]);
  });

  it('converts US entries (pounds, feet and inches, Fahrenheit) once, to canonical units', async () => {
    const set = await app.call(doctor, 'vitals.record', {
      ...metric(),
      units: 'us',
      weight: 150,
      height: 70, // 5 ft 10 in
      temperature: 98.6,
      pulse: 64,
    });
    expect(set.values).toMatchObject({ weight: 68.039, height: 177.8, temperature: 37, bmi: 21.5, pulse: 64 });
    expect(set.flags).toEqual({});
  });

  it('records a child’s head circumference and MUAC, flagging by the child’s age', async () => {
    // 2026-03-10: the child is 25 months old (toddler: pulse 98-140, breathing 22-37; MUAC cut-off 12.5 cm).
    const set = await app.call(doctor, 'vitals.record', {
      ...metric({ patientId: childId }),
      pulse: 120,
      respiratoryRate: 40,
      weight: 11.2,
      height: 86,
      headCircumference: 48.5,
      muac: 12.1,
    });
    expect(set.values).toMatchObject({ headCircumference: 48.5, muac: 12.1, bmi: 15.1 });
    // Children's BMI and growth are judged on growth charts, not held here: not flagged.
    expect(set.flags).toEqual({ respiratoryRate: 'high', muac: 'low' });
  });

  it('never takes a typed BMI', async () => {
    const error = await refused('vitals.record', { ...metric(), weight: 80, bmi: 40 });
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { _: 'Unknown field: bmi' } });
  });

  it('refuses each impossible value with a message naming the field and the accepted range, writing nothing', async () => {
    const cases: [Record<string, number>, string, string][] = [
      [{ systolic: 300 }, 'systolic', 'Systolic pressure must be between 40 and 280 mmHg.'],
      [{ systolic: 20 }, 'systolic', 'Systolic pressure must be between 40 and 280 mmHg.'],
      [{ temperature: 50 }, 'temperature', 'Temperature must be between 25.0 and 45.0 °C.'],
      [{ temperature: 60 }, 'temperature', 'Temperature must be between 25.0 and 45.0 °C.'],
      [{ spo2: 101 }, 'spo2', 'SpO2 must be between 50 and 100%.'],
      [{ weight: 0 }, 'weight', 'Weight must be between 0.2 and 650.0 kg.'],
      [{ height: 5 }, 'height', 'Height must be between 20.0 and 275.0 cm.'],
      [{ pulse: 0 }, 'pulse', 'Pulse must be between 20 and 300 /min.'],
      [{ respiratoryRate: 120 }, 'respiratoryRate', 'Respiratory rate must be between 4 and 100 /min.'],
      [{ pain: 11 }, 'pain', 'Pain score must be between 0 and 10.'],
      [{ pain: -1 }, 'pain', 'Pain score must be between 0 and 10.'],
      [{ headCircumference: 90 }, 'headCircumference', 'Head circumference must be between 20.0 and 70.0 cm.'],
      [{ muac: 2 }, 'muac', 'MUAC must be between 5.0 and 60.0 cm.'],
      [{ pulse: 72.5 }, 'pulse', 'Pulse is a whole number: enter it without decimals.'],
      [
        { systolic: 110, diastolic: 120 },
        'diastolic',
        'Diastolic pressure must be lower than the systolic pressure (110 mmHg).',
      ],
      [
        { systolic: 110, diastolic: 110 },
        'diastolic',
        'Diastolic pressure must be lower than the systolic pressure (110 mmHg).',
      ],
    ];
    for (const [values, field, message] of cases) {
      const error = await refused('vitals.record', { ...metric(), pulse: 70, ...values });
      expect(error.code, JSON.stringify(values)).toBe('VALIDATION');
      expect(error.fields, JSON.stringify(values)).toEqual({ [field]: message });
    }
  });

  it('names the accepted range in the units typed', async () => {
    const us = { ...metric(), units: 'us' as const };
    expect((await refused('vitals.record', { ...us, temperature: 120 })).fields).toEqual({
      temperature: 'Temperature must be between 77.0 and 113.0 °F.',
    });
    // 98.6 typed with the metric switch on is a unit mistake, not a fever.
    expect((await refused('vitals.record', { ...metric(), temperature: 98.6 })).fields).toEqual({
      temperature: 'Temperature must be between 25.0 and 45.0 °C.',
    });
    // The range shown is rounded inwards: every value inside it is accepted.
    expect((await refused('vitals.record', { ...us, weight: 0.1 })).fields).toEqual({
      weight: 'Weight must be between 0.5 and 1433.0 lb.',
    });
    await app.call(doctor, 'vitals.record', { ...us, weight: 0.5 });
    await app.call(doctor, 'vitals.record', { ...us, weight: 1433 });
  });

  it('refuses a weight and height that give an impossible BMI (one of them is in the wrong unit)', async () => {
    const error = await refused('vitals.record', { ...metric(), weight: 180, height: 60 });
    const message =
      'This weight and height give a BMI of 500.0 kg/m², which is not possible: check both values and their units.';
    expect(error.fields).toEqual({ weight: message, height: message });
  });

  it('reports every wrong field at once', async () => {
    const error = await refused('vitals.record', { ...metric(), systolic: 300, spo2: 101, temperature: 50, pulse: 80 });
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['spo2', 'systolic', 'temperature']);
  });

  it('refuses a set with nothing measured', async () => {
    const error = await refused('vitals.record', { ...metric(), systolic: null, pulse: null });
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'Enter at least one measurement.' });
  });

  it('refuses values that are not numbers', async () => {
    const error = await refused('vitals.record', { ...metric(), pulse: '72' });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.pulse).toBeTruthy();
    expect((await refused('vitals.record', { ...metric(), pulse: Number.NaN })).fields?.pulse).toBeTruthy();
  });

  it('refuses a time in the future, before the patient’s birth, or not a time at all', async () => {
    const future = await refused('vitals.record', { ...metric(), pulse: 70, takenAt: '2026-03-10T09:01:00.000Z' });
    expect(future.fields).toEqual({
      takenAt: 'The time the vitals were taken is in the future. Enter when they were taken.',
    });
    // 2024-01-14 23:30 in Berlin is the day before the child's birth (2024-01-15).
    const beforeBirth = await refused('vitals.record', {
      ...metric({ patientId: childId }),
      pulse: 120,
      takenAt: '2024-01-14T22:30:00.000Z',
    });
    expect(beforeBirth.fields).toEqual({
      takenAt: 'The time the vitals were taken is before the patient’s birth date (2024-01-15).',
    });
    // Midnight of the birth day on the clinic's clock is already the birth date.
    await app.call(doctor, 'vitals.record', {
      ...metric({ patientId: childId }),
      pulse: 140,
      takenAt: '2024-01-14T23:00:00.000Z',
    });
    const notATime = await refused('vitals.record', { ...metric(), pulse: 70, takenAt: '10 March' });
    expect(notATime.fields?.takenAt).toBe('Enter the time the vitals were taken');
    expect((await refused('vitals.record', { ...metric(), pulse: 70, takenAt: '2026-02-30T10:00:00Z' })).code).toBe(
      'VALIDATION',
    );
  });

  it('does not hold an estimated birth date against an earlier measurement', async () => {
    const estimated = await app.call(doctor, 'patients.register', {
      patient: patientInput({ givenNames: 'Ama', birth: { kind: 'estimatedAge', years: 3 }, phones: [] }),
    });
    expect(estimated.birthDate).toBe('2023-03-10');
    const set = await app.call(doctor, 'vitals.record', {
      ...metric({ patientId: estimated.id }),
      weight: 3.4,
      takenAt: '2023-01-20T10:00:00.000Z',
    });
    expect(set.values.weight).toBe(3.4);
  });

  it('refuses an unknown or deleted patient, and a visit of another patient', async () => {
    expect(await refused('vitals.record', { ...metric({ patientId: newId() }), pulse: 70 })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'This patient’s record is not there any more. Search for the patient again.',
    });
    app.core.db.sqlite.prepare('UPDATE patients SET deleted_at = ? WHERE id = ?').run(MORNING, childId);
    expect((await refused('vitals.record', { ...metric({ patientId: childId }), pulse: 70 })).code).toBe('NOT_FOUND');
    expect((await refused('vitals.record', { ...metric(), pulse: 70, visitId: newId() })).fields?.visitId).toBe(
      'That visit is not this patient’s, or is not there any more.',
    );
  });
});

describe('correcting vitals', () => {
  it('changes a set from the version seen; a stale version is a CONFLICT that changes nothing', async () => {
    const set = await app.call(doctor, 'vitals.record', {
      ...metric(),
      systolic: 410 - 270,
      diastolic: 90,
      weight: 80,
    });
    const corrected = await app.call(doctor, 'vitals.update', {
      id: set.id,
      version: 1,
      takenAt: MORNING,
      units: 'metric',
      systolic: 118,
      diastolic: 76,
      weight: 80,
      height: 180,
    });
    expect(corrected).toMatchObject({ version: 2, values: { systolic: 118, diastolic: 76, bmi: 24.7 }, flags: {} });
    const db = app.core.db.sqlite;
    expect(db.prepare("SELECT details FROM audit_log WHERE action = 'vitals.update'").all()).toEqual([
      { details: 'corrected to: measured: systolic, diastolic, weight, height, bmi' },
    ]);
    const stale = await refused('vitals.update', {
      id: set.id,
      version: 1,
      takenAt: MORNING,
      units: 'metric',
      systolic: 150,
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Someone else changed/) });
    expect(db.prepare('SELECT systolic, version FROM vitals WHERE id = ?').get(set.id)).toEqual({
      systolic: 118,
      version: 2,
    });
  });

  it('applies the same rules to a correction, and refuses an unknown set or a deleted patient’s', async () => {
    const set = await app.call(doctor, 'vitals.record', { ...metric(), pulse: 70 });
    const base = { id: set.id, version: 1, takenAt: MORNING, units: 'metric' as const };
    expect((await refused('vitals.update', { ...base, pulse: 400 })).fields).toEqual({
      pulse: 'Pulse must be between 20 and 300 /min.',
    });
    expect(
      (await refused('vitals.update', { ...base, pulse: 70, takenAt: '2027-01-01T00:00:00.000Z' })).fields,
    ).toHaveProperty('takenAt');
    expect((await refused('vitals.update', { ...base, pulse: 70, patientId: childId })).code).toBe('VALIDATION');
    expect((await refused('vitals.update', { ...base, id: newId(), pulse: 70 })).code).toBe('NOT_FOUND');
    app.core.db.sqlite.prepare('UPDATE patients SET deleted_at = ? WHERE id = ?').run(MORNING, adultId);
    expect((await refused('vitals.update', { ...base, pulse: 72 })).code).toBe('NOT_FOUND');
  });
});

describe('reading vitals', () => {
  async function recordDays(count: number, patientId = adultId) {
    for (let i = 0; i < count; i++) {
      const takenAt = new Date(Date.parse(MORNING) - i * 86_400_000).toISOString();
      await app.call(doctor, 'vitals.record', { ...metric({ patientId, takenAt }), systolic: 110 + i, diastolic: 70 });
    }
  }

  it('lists a patient’s sets newest first, a page at a time, each read audited as a chart view', async () => {
    await recordDays(5);
    await app.call(doctor, 'vitals.record', { ...metric({ patientId: childId }), pulse: 120 });
    const first = await app.call(doctor, 'vitals.list', { patientId: adultId, limit: 2 });
    expect(first.total).toBe(5);
    expect(first.sets.map((s) => s.values.systolic)).toEqual([110, 111]);
    const next = await app.call(doctor, 'vitals.list', { patientId: adultId, limit: 2, offset: 2 });
    expect(next.sets.map((s) => s.values.systolic)).toEqual([112, 113]);
    expect(next.sets[1]!.flags).toEqual({});
    expect(
      (flushReadAudit(app.core.ctx),
      app.core.db.sqlite.prepare("SELECT patient_id, details FROM audit_log WHERE action = 'chart.view'").all()),
    ).toEqual([
      { patient_id: adultId, details: 'vitals' },
      { patient_id: adultId, details: 'vitals (from set 3)' },
    ]);
  });

  it('gives one measure’s trend oldest first with the normal band, on the (patient_id, taken_at) index', async () => {
    await recordDays(4);
    await app.call(doctor, 'vitals.record', { ...metric({ takenAt: '2026-03-10T08:00:00.000Z' }), pulse: 70 });
    const trend = await app.call(doctor, 'vitals.trend', { patientId: adultId, measure: 'systolic' });
    expect(trend.points.map((p) => [p.value, p.flag, p.low, p.high])).toEqual([
      [113, null, 90, 119],
      [112, null, 90, 119],
      [111, null, 90, 119],
      [110, null, 90, 119],
    ]);
    const short = await app.call(doctor, 'vitals.trend', { patientId: adultId, measure: 'systolic', limit: 2 });
    expect(short.points.map((p) => p.value)).toEqual([111, 110]);
    expect(
      (flushReadAudit(app.core.ctx),
      app.core.db.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'chart.view' ORDER BY seq").all()),
    ).toEqual([{ details: 'vitals trend: systolic' }, { details: 'vitals trend: systolic' }]);
    const plan = app.core.db.sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT taken_at, systolic FROM vitals
         WHERE patient_id = ? AND deleted_at IS NULL AND systolic IS NOT NULL ORDER BY taken_at DESC LIMIT ?`,
      )
      .all('x', 1000) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX vitals_patient_taken_idx/);
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('shows a child’s changing normal band as they grow', async () => {
    // Born 2024-01-15: an infant (pulse 100-180) in 2024, a toddler (98-140) from 2025-01-15.
    for (const [takenAt, pulse] of [
      ['2024-06-01T09:00:00.000Z', 150],
      ['2026-03-01T09:00:00.000Z', 150],
    ] as const) {
      await app.call(doctor, 'vitals.record', { ...metric({ patientId: childId, takenAt }), pulse });
    }
    const trend = await app.call(doctor, 'vitals.trend', { patientId: childId, measure: 'pulse' });
    expect(trend.points.map((p) => [p.low, p.high, p.flag])).toEqual([
      [100, 180, null],
      [98, 140, 'high'],
    ]);
  });

  it('refuses reads of an unknown or deleted patient', async () => {
    expect(await app.raw(doctor, 'vitals.list', { patientId: newId() })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    app.core.db.sqlite.prepare('UPDATE patients SET deleted_at = ? WHERE id = ?').run(MORNING, adultId);
    expect(await app.raw(doctor, 'vitals.trend', { patientId: adultId, measure: 'pulse' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.raw(doctor, 'vitals.trend', { patientId: childId, measure: 'pulse', limit: 1001 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('reads a 1,000-point trend fast among 50,000 sets (target p95 ≤ 5 ms)', async () => {
    const db = app.core.db.sqlite;
    const insert = db.prepare(
      `INSERT INTO vitals (id, created_at, updated_at, created_by, updated_by, version, patient_id, taken_at, systolic, pulse)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    );
    const userId = (db.prepare('SELECT id FROM users LIMIT 1').get() as { id: string }).id;
    db.transaction(() => {
      for (let i = 0; i < 50_000; i++) {
        const patientId = i % 50 === 0 ? adultId : childId;
        const takenAt = new Date(Date.parse(MORNING) - i * 3_600_000).toISOString();
        insert.run(newId(), takenAt, takenAt, userId, userId, patientId, takenAt, 100 + (i % 60), 60 + (i % 40));
      }
    })();
    const times = (fn: () => unknown, runs = 60) => {
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        fn();
        ms.push(performance.now() - start);
      }
      ms.sort((a, b) => a - b);
      return { p50: ms[Math.floor(runs / 2)]!, p95: ms[Math.floor(runs * 0.95)]! };
    };
    const { VitalsService } = await import('../../../electron/main/chart/vitals/vitals-service');
    const service = new VitalsService(app.core.ctx);
    const actor = { userId, username: 'admin', roles: ['doctor' as const] };
    const trend = service.trend(adultId, 'systolic', 1000, actor);
    expect(trend.points).toHaveLength(1000);
    const serviceMs = times(() => service.trend(adultId, 'systolic', 1000, actor));
    const startedAt = performance.now();
    for (let i = 0; i < 20; i++) await app.call(doctor, 'vitals.trend', { patientId: adultId, measure: 'systolic' });
    const dispatchMean = (performance.now() - startedAt) / 20;
    console.log(
      JSON.stringify({
        scenario: 'vitals-trend',
        points: 1000,
        serviceP50Ms: +serviceMs.p50.toFixed(2),
        serviceP95Ms: +serviceMs.p95.toFixed(2),
        dispatchMeanMs: +dispatchMean.toFixed(2),
      }),
    );
    // The median, generously: a test on a shared machine cannot hold a p95 target (the bench's job),
    // but a trend that scanned the table or worked out an age per point would miss even this.
    expect(serviceMs.p50).toBeLessThan(40);
  });
});

describe('who may use vitals', () => {
  it('refuses a receptionist every vitals channel and writes nothing but the refusal', async () => {
    const set = await app.call(doctor, 'vitals.record', { ...metric(), pulse: 70 });
    const reception = await addUser(app, doctor, 'frontdesk', ['receptionist']);
    flushReadAudit(app.core.ctx);
    const before = { vitals: app.count('vitals'), changes: app.count('change_log') };
    const auditBefore = app.count('audit_log');
    const calls: [string, unknown][] = [
      ['vitals.record', { ...metric(), pulse: 80 }],
      ['vitals.update', { id: set.id, version: 1, takenAt: MORNING, units: 'metric', pulse: 90 }],
      ['vitals.list', { patientId: adultId }],
      ['vitals.trend', { patientId: adultId, measure: 'pulse' }],
      ['vitals.growth', { patientId: adultId, measure: 'weight' }],
    ];
    for (const [channel, input] of calls) {
      const result = await app.raw(reception, channel, input);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(result)).not.toMatch(/"values"|"points"|\b70\b/);
    }
    flushReadAudit(app.core.ctx);
    expect({ vitals: app.count('vitals'), changes: app.count('change_log') }).toEqual(before);
    const newAudit = app.core.db.sqlite
      .prepare('SELECT action, outcome FROM audit_log ORDER BY seq LIMIT -1 OFFSET ?')
      .all(auditBefore) as { action: string; outcome: string }[];
    expect(newAudit.length).toBeGreaterThan(0);
    expect(newAudit.every((a) => a.action === 'access.refused')).toBe(true);
    expect(app.core.db.sqlite.prepare('SELECT pulse, version FROM vitals WHERE id = ?').get(set.id)).toEqual({
      pulse: 70,
      version: 1,
    });
  });
});
