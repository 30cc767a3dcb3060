import { afterEach, describe, expect, it } from 'vitest';
import { addUser } from '../support';
import { auditActions, labRows, openLabClinic, type LabClinic } from './lab-support';

let clinic: LabClinic | undefined;
afterEach(() => {
  clinic?.app.close();
  clinic = undefined;
});

const order = (c: LabClinic, codes: string[], extra: object = {}) =>
  c.app.call(c.doctor, 'labs.orders.create', {
    visitId: c.visitId,
    codes,
    labName: 'City Diagnostics',
    clinicalNote: 'Fatigue for 3 months; on metformin.',
    ...extra,
  });

describe('lab orders from a visit', { timeout: 60_000 }, () => {
  it('orders panels and tests with a number, lists and reads them (audited), marks the sample collected', async () => {
    clinic = await openLabClinic();
    const { app, doctor, patientId, visitId } = clinic;
    const created = await order(clinic, ['XCBC', '4548-4']);
    expect(created.number).toMatch(/^LAB-20260310-[0-9A-F]{6}$/);
    expect(created).toMatchObject({
      status: 'ordered',
      patientId,
      visitId,
      doctorName: 'Dr Amara Okafor',
      labName: 'City Diagnostics',
      clinicalNote: 'Fatigue for 3 months; on metformin.',
    });
    expect(created.tests.map((t) => [t.code, t.kind, t.report])).toEqual([
      ['XCBC', 'panel', null],
      ['4548-4', 'test', null],
    ]);
    expect(created.tests[0]!.items.map((i) => i.code)).toContain('718-7');
    expect(created.tests[1]!.items).toEqual([
      { code: '4548-4', name: 'Haemoglobin A1c (HbA1c)', unit: '%', valueType: 'numeric' },
    ]);
    expect(auditActions(app, 'lab.order_create')).toEqual([
      { patient_id: patientId, details: `${created.number}: XCBC, 4548-4`, outcome: 'success' },
    ]);
    // The order and each ordered test are records: in the change log, ready to sync.
    const changed = app.core.db.sqlite
      .prepare("SELECT entity, count(*) AS n FROM change_log WHERE entity LIKE 'lab_%' GROUP BY entity ORDER BY entity")
      .all();
    expect(changed).toEqual([
      { entity: 'lab_order', n: 1 },
      { entity: 'lab_order_test', n: 2 },
    ]);

    const second = await order(clinic, ['XLIPID'], { labName: '', clinicalNote: '' });
    expect(second.number).not.toBe(created.number);
    const listed = await app.call(doctor, 'labs.orders.list', { patientId, visitId });
    expect(listed.map((o) => o.number).sort()).toEqual([created.number, second.number].sort());
    const got = await app.call(doctor, 'labs.orders.get', { orderId: created.id });
    expect(got.tests).toHaveLength(2);
    expect(auditActions(app, 'lab.order_view').filter((a) => a.details === created.number)).toHaveLength(1);

    const collected = await app.call(doctor, 'labs.orders.collect', { orderId: created.id, version: created.version });
    expect(collected).toMatchObject({ status: 'collected', collectedAt: '2026-03-10T09:00:00.000Z' });
    expect(auditActions(app, 'lab.order_collect')).toHaveLength(1);
  });

  it('cancels an order with a reason (audited); a cancelled order takes no results and cannot be cancelled again', async () => {
    clinic = await openLabClinic();
    const { app, doctor } = clinic;
    const created = await order(clinic, ['XTFT']);
    const noReason = await app.raw(doctor, 'labs.orders.cancel', { orderId: created.id, version: 1, reason: '  ' });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { reason: 'Say why the order is cancelled' } },
    });
    const cancelled = await app.call(doctor, 'labs.orders.cancel', {
      orderId: created.id,
      version: 1,
      reason: 'Patient had the tests done elsewhere last week',
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Patient had the tests done elsewhere last week',
    });
    expect(auditActions(app, 'lab.order_cancel')[0]?.details).toBe(
      `${created.number}: Patient had the tests done elsewhere last week`,
    );
    const before = labRows(app);
    const again = await app.raw(doctor, 'labs.orders.cancel', {
      orderId: created.id,
      version: cancelled.version,
      reason: 'x',
    });
    expect(again).toMatchObject({ ok: false, error: { message: 'This order is already cancelled.' } });
    const results = await app.raw(doctor, 'labs.results.enter', {
      orderTestId: created.tests[0]!.id,
      observedAt: '2026-03-10T08:00:00.000Z',
      results: [{ code: '3016-3', value: '2.1', unit: '', comment: '' }],
    });
    expect(results).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('cancelled') },
    });
    const stale = await app.raw(doctor, 'labs.orders.collect', { orderId: created.id, version: 1 });
    expect(stale.ok).toBe(false);
    expect(labRows(app)).toEqual(before);
  });

  it('refuses a bad order with a clear message and writes nothing', async () => {
    clinic = await openLabClinic();
    const { app, doctor, visitId } = clinic;
    const before = labRows(app);
    const refused = async (input: object) => {
      const answer = await app.raw(doctor, 'labs.orders.create', {
        visitId,
        codes: ['XCBC'],
        labName: '',
        clinicalNote: '',
        ...input,
      });
      expect(answer.ok, JSON.stringify(input)).toBe(false);
      return (answer as { error: object }).error;
    };
    expect(await refused({ codes: [] })).toMatchObject({ fields: { codes: 'Choose at least one test or panel' } });
    expect(await refused({ codes: ['XNOPE'] })).toMatchObject({
      fields: { 'codes.0': 'XNOPE is not in the lab test catalogue.' },
    });
    expect(await refused({ codes: ['XCBC', 'xcbc'] })).toMatchObject({
      fields: { 'codes.1': expect.stringContaining('twice') },
    });
    expect(await refused({ codes: ['not a code'] })).toMatchObject({ code: 'VALIDATION' });
    expect(await refused({ visitId: '0190a0a0-0000-7000-8000-000000000000' })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'This visit is not there any more; nothing was ordered.',
    });
    expect(await refused({ clinicalNote: 'x'.repeat(1001) })).toMatchObject({
      fields: { clinicalNote: expect.stringContaining('1000') },
    });
    expect(await refused({ labName: 'City\u202eLab' })).toMatchObject({
      code: 'VALIDATION',
      fields: { labName: expect.any(String) },
    });
    // A patient deleted (or merged away) since the visit began gets nothing ordered.
    app.core.db.sqlite.prepare("UPDATE patients SET deleted_at = '2026-03-10T08:59:00.000Z'").run();
    expect(await refused({})).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('not there any more'),
    });
    // Reads of what is not there say so.
    const nobody = '0190a0a0-0000-7000-8000-000000000000';
    expect(await app.raw(doctor, 'labs.orders.get', { orderId: nobody })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'This lab order is not there any more.' },
    });
    expect(await app.raw(doctor, 'labs.orders.list', { patientId: nobody })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.raw(doctor, 'labs.orders.collect', { orderId: nobody, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.raw(doctor, 'labs.catalogue.search', { text: 'x'.repeat(101) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(labRows(app)).toEqual(before);
  });

  it('every order channel refuses a receptionist (FORBIDDEN) and writes nothing', async () => {
    clinic = await openLabClinic();
    const { app, doctor, patientId, visitId } = clinic;
    const created = await order(clinic, ['XCBC']);
    const desk = await addUser(app, doctor, 'desk', ['receptionist']);
    const before = labRows(app);
    for (const [channel, input] of [
      ['labs.orders.create', { visitId, codes: ['XCBC'] }],
      ['labs.orders.list', { patientId }],
      ['labs.orders.get', { orderId: created.id }],
      ['labs.orders.collect', { orderId: created.id, version: 1 }],
      ['labs.orders.cancel', { orderId: created.id, version: 1, reason: 'no' }],
      [
        'labs.results.enter',
        {
          orderTestId: created.tests[0]!.id,
          observedAt: '2026-03-10T08:00:00Z',
          results: [{ code: '718-7', value: '12', unit: '', comment: '' }],
        },
      ],
      ['print.labRequisition', { orderId: created.id }],
      ['print.labRequisitionToPrinter', { orderId: created.id }],
    ] as const) {
      const answer = await app.raw(desk, channel, input);
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(answer)).not.toContain(created.number);
    }
    expect(labRows(app)).toEqual(before);
  });
});
