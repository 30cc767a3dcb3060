import { afterEach, describe, expect, it } from 'vitest';
import { flushReadAudit } from '../../../electron/main/audit/read-audit';
import { addUser } from '../support';
import { openPrintingBook, type PrintingBook } from '../frontdesk/printing-book';
import { LOINC, actorOf, deleteReport, writeOrder, writeReport, type FixtureResult } from './lab-fixture';

let book: PrintingBook | undefined;
afterEach(() => {
  book?.app.close();
  book = undefined;
});

const potassium = (value: number, extra: Partial<FixtureResult> = {}): FixtureResult => ({
  ...LOINC.potassium,
  value,
  unit: 'mmol/L',
  low: 3.5,
  high: 5.1,
  flag: value < 3.5 ? 'L' : value > 5.1 ? 'H' : 'N',
  ...extra,
});
const sodium = (value: number): FixtureResult => ({
  ...LOINC.sodium,
  value,
  unit: 'mmol/L',
  low: 136,
  high: 145,
  flag: value < 136 ? 'L' : value > 145 ? 'H' : 'N',
});

function auditRows(b: PrintingBook, action: string) {
  flushReadAudit(b.app.core.ctx);
  return b.app.core.db.sqlite
    .prepare(
      `SELECT a.patient_id, a.details, a.outcome, a.username,
              (SELECT group_concat(patient_id) FROM audit_log_patients WHERE audit_uuid = a.uuid) AS shown
       FROM audit_log a WHERE action = ? ORDER BY seq`,
    )
    .all(action) as {
    patient_id: string | null;
    details: string;
    outcome: string;
    username: string;
    shown: string | null;
  }[];
}

describe('the results inbox', () => {
  it('ranks the doctor’s unreviewed reports critical first, then abnormal, then the rest, newest first within; counts them; and audits who saw which patients', async () => {
    book = await openPrintingBook();
    const b = book;
    const doctor = actorOf(b.admin);
    const colleague = await addUser(b.app, b.admin, 'drlee', ['doctor']);
    const day = (d: number) => `2026-03-0${d}T08:00:00.000Z`;
    const write = (patientId: string, observedAt: string, results: FixtureResult[], doctorId = doctor.userId) =>
      writeReport(b.app, doctor, { patientId, doctorId, ...LOINC.bmp, observedAt, results }).reportId;

    const normalOld = write(b.patient.id, day(1), [potassium(4.2), sodium(140)]);
    const abnormalOld = write(b.other.id, day(2), [potassium(5.6), sodium(140)]);
    const criticalOld = write(b.patient.id, day(3), [potassium(6.9, { flag: 'HH' }), sodium(140)]);
    const normalNew = write(b.other.id, day(5), [potassium(4.0)]);
    const abnormalNew = write(b.patient.id, day(6), [sodium(131)]);
    // The lab's critical mark counts even with a plain H flag.
    const criticalNew = write(b.other.id, day(7), [potassium(6.2, { flag: 'H', critical: true })]);
    // Not in this inbox: the colleague's, an already reviewed one, a deleted one, one with only a cancelled critical result.
    write(b.patient.id, day(8), [potassium(7.0, { flag: 'HH' })], actorOf(colleague).userId);
    const reviewed = write(b.patient.id, day(8), [potassium(7.0, { flag: 'HH' })]);
    await b.app.call(b.admin, 'labs.review.acknowledge', { reports: [{ id: reviewed, version: 1 }], comment: '' });
    const cancelledCritical = write(b.other.id, day(4), [
      potassium(8.0, { flag: 'HH', status: 'cancelled' }),
      potassium(4.4),
    ]);

    const inbox = await b.app.call(b.admin, 'labs.review.inbox', { limit: 200 });
    expect(inbox.items.map((i) => i.reportId)).toEqual([
      criticalNew,
      criticalOld,
      abnormalNew,
      abnormalOld,
      normalNew,
      cancelledCritical,
      normalOld,
    ]);
    expect(inbox.items.map((i) => i.priority)).toEqual([
      'critical',
      'critical',
      'abnormal',
      'abnormal',
      'normal',
      'normal',
      'normal',
    ]);
    expect(inbox.items[1]).toMatchObject({
      patientId: b.patient.id,
      patientName: `${b.patient.givenNames} ${b.patient.familyName}`,
      patientMrn: b.patient.mrn,
      name: LOINC.bmp.name,
      resultCount: 2,
      criticalCount: 1,
      abnormalCount: 0,
    });
    expect(inbox.counts).toEqual({ critical: 2, abnormal: 2, normal: 3, total: 7 });
    expect(await b.app.call(b.admin, 'labs.review.counts', {})).toEqual(inbox.counts);
    // The limit keeps the ranking.
    expect((await b.app.call(b.admin, 'labs.review.inbox', { limit: 2 })).items.map((i) => i.reportId)).toEqual([
      criticalNew,
      criticalOld,
    ]);
    // The colleague's inbox holds only their own report.
    expect((await b.app.call(colleague, 'labs.review.inbox', { limit: 200 })).counts).toEqual({
      critical: 1,
      abnormal: 0,
      normal: 0,
      total: 1,
    });

    const views = auditRows(b, 'lab.inbox_view').filter((r) => r.username === doctor.username);
    expect(views.length).toBeGreaterThanOrEqual(1);
    expect(views[0]!.shown!.split(',').sort()).toEqual([b.patient.id, b.other.id].sort());
  });

  it('acknowledges several reports with one comment, audited; they leave the inbox; the order moves to reviewed once all its reports are', async () => {
    book = await openPrintingBook();
    const b = book;
    const doctor = actorOf(b.admin);
    const { orderId } = writeOrder(b.app, doctor, b.patient.id, [LOINC.bmp, { ...LOINC.hba1c, kind: 'test' }]);
    const sync = () =>
      (b.app.core.db.sqlite.prepare('SELECT status FROM lab_orders WHERE id = ?').get(orderId) as { status: string })
        .status;
    const first = writeReport(b.app, doctor, {
      patientId: b.patient.id,
      doctorId: doctor.userId,
      orderId,
      ...LOINC.bmp,
      observedAt: '2026-03-09T07:30:00.000Z',
      results: [potassium(5.8)],
    }).reportId;
    const second = writeReport(b.app, doctor, {
      patientId: b.patient.id,
      doctorId: doctor.userId,
      orderId,
      code: LOINC.hba1c.code,
      name: LOINC.hba1c.name,
      observedAt: '2026-03-09T07:30:00.000Z',
      results: [{ ...LOINC.hba1c, value: 7.9, unit: '%', high: 5.7, flag: 'H' }],
    }).reportId;

    await b.app.call(b.admin, 'labs.review.acknowledge', {
      reports: [{ id: first, version: 1 }],
      comment: 'Repeat potassium in a week; stop the supplement.',
    });
    const afterOne = b.app.core.db.sqlite
      .prepare('SELECT reviewed_at, reviewed_by, review_comment, version FROM lab_reports WHERE id = ?')
      .get(first);
    expect(afterOne).toEqual({
      reviewed_at: '2026-03-10T09:00:00.000Z',
      reviewed_by: doctor.userId,
      review_comment: 'Repeat potassium in a week; stop the supplement.',
      version: 2,
    });
    // Both tests answered, one report still waiting: resulted (labs/order-status.ts).
    expect(sync()).toBe('resulted');

    const both = await b.app.call(b.admin, 'labs.review.acknowledge', {
      reports: [{ id: second, version: 1 }],
      comment: 'HbA1c high: see next week.',
    });
    expect(both.acknowledged).toBe(1);
    expect(sync()).toBe('reviewed');
    expect((await b.app.call(b.admin, 'labs.review.inbox', { limit: 200 })).items).toEqual([]);

    const audit = auditRows(b, 'lab.review');
    expect(audit.filter((a) => a.details.startsWith('acknowledged'))).toEqual([
      expect.objectContaining({
        patient_id: b.patient.id,
        details: `acknowledged ${LOINC.bmp.code} ${LOINC.bmp.name}, with a comment`,
      }),
      expect.objectContaining({ patient_id: b.patient.id, details: expect.stringContaining(LOINC.hba1c.code) }),
    ]);
    // The comment's words stay in the chart, not in the audit trail.
    expect(JSON.stringify(audit)).not.toContain('supplement');
    const orderChange = b.app.core.db.sqlite
      .prepare(`SELECT count(*) AS n FROM change_log WHERE entity = 'lab_order' AND entity_id = ?`)
      .get(orderId) as { n: number };
    expect(orderChange.n).toBeGreaterThanOrEqual(2);
  });

  it('refuses a report acknowledged meanwhile, a stale version, the same report twice and a comment over its limit, writing nothing', async () => {
    book = await openPrintingBook();
    const b = book;
    const doctor = actorOf(b.admin);
    const write = () =>
      writeReport(b.app, doctor, {
        patientId: b.patient.id,
        doctorId: doctor.userId,
        ...LOINC.bmp,
        observedAt: '2026-03-09T07:30:00.000Z',
        results: [potassium(4.1)],
      }).reportId;
    const a = write();
    const c = write();
    await b.app.call(b.admin, 'labs.review.acknowledge', { reports: [{ id: a, version: 1 }], comment: 'fine' });
    const changes = () => b.app.count('change_log');
    const before = {
      changes: changes(),
      c: b.app.core.db.sqlite.prepare('SELECT * FROM lab_reports WHERE id = ?').get(c),
    };
    const state = () => ({
      changes: changes(),
      c: b.app.core.db.sqlite.prepare('SELECT * FROM lab_reports WHERE id = ?').get(c),
    });

    // Both in one call: the second is fine, the first was acknowledged: nothing of the call is written.
    const again = await b.app.raw(b.admin, 'labs.review.acknowledge', {
      reports: [
        { id: c, version: 1 },
        { id: a, version: 2 },
      ],
      comment: '',
    });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('already acknowledged by Dr Amara Okafor') },
    });
    expect(state()).toEqual(before);

    const stale = await b.app.raw(b.admin, 'labs.review.acknowledge', {
      reports: [{ id: c, version: 3 }],
      comment: '',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const twice = await b.app.raw(b.admin, 'labs.review.acknowledge', {
      reports: [
        { id: c, version: 1 },
        { id: c, version: 1 },
      ],
      comment: '',
    });
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'The same report was chosen twice. Choose each report once.' },
    });
    const long = await b.app.raw(b.admin, 'labs.review.acknowledge', {
      reports: [{ id: c, version: 1 }],
      comment: 'x'.repeat(1001),
    });
    expect(long).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { comment: 'Comment must be at most 1000 characters' } },
    });
    const none = await b.app.raw(b.admin, 'labs.review.acknowledge', { reports: [], comment: '' });
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const missing = await b.app.raw(b.admin, 'labs.review.acknowledge', {
      reports: [{ id: '01890000-0000-7000-8000-000000000000', version: 1 }],
      comment: '',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(state()).toEqual(before);
  });
});

describe('a report and the patient’s reports', () => {
  it('opens a report with its results and review, audited as a record view at once; a missing report is named and audited as such', async () => {
    book = await openPrintingBook();
    const b = book;
    const doctor = actorOf(b.admin);
    const { reportId } = writeReport(b.app, doctor, {
      patientId: b.patient.id,
      doctorId: doctor.userId,
      ...LOINC.bmp,
      observedAt: '2026-03-09T07:30:00.000Z',
      comment: 'Sample slightly haemolysed',
      results: [
        potassium(6.8, { flag: 'HH', comparator: null }),
        sodium(139),
        { ...LOINC.glucose, value: 0.5, unit: 'mmol/L', comparator: '<', flag: 'L', low: 3.9, high: 5.5 },
      ],
    });
    const detail = await b.app.call(b.admin, 'labs.review.report', { reportId });
    expect(detail.report).toMatchObject({
      patientId: b.patient.id,
      patientMrn: b.patient.mrn,
      comment: 'Sample slightly haemolysed',
      doctorName: 'Dr Amara Okafor',
      reviewedAt: null,
      priority: 'critical',
    });
    expect(detail.results.map((r) => [r.code, r.valueNum, r.comparator, r.flag])).toEqual([
      [LOINC.potassium.code, 6.8, null, 'HH'],
      [LOINC.sodium.code, 139, null, 'N'],
      [LOINC.glucose.code, 0.5, '<', 'L'],
    ]);
    // A record view is committed with the read, not buffered.
    const views = b.app.core.db.sqlite
      .prepare(`SELECT patient_id, outcome FROM audit_log WHERE action = 'lab.result_view'`)
      .all();
    expect(views).toEqual([{ patient_id: b.patient.id, outcome: 'success' }]);

    const missing = await b.app.raw(b.admin, 'labs.review.report', {
      reportId: '01890000-0000-7000-8000-000000000000',
    });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'This lab report is not there any more. Reload the list.' },
    });
    expect(auditRows(b, 'lab.result_view').map((r) => r.outcome)).toEqual(['success', 'failure']);
  });

  it('lists the patient’s reports newest first with the new ones counted and their out-of-range values, most urgent first', async () => {
    book = await openPrintingBook();
    const b = book;
    const doctor = actorOf(b.admin);
    const old = writeReport(b.app, doctor, {
      patientId: b.patient.id,
      doctorId: doctor.userId,
      ...LOINC.bmp,
      observedAt: '2026-01-09T07:30:00.000Z',
      results: [potassium(4.4)],
    }).reportId;
    await b.app.call(b.admin, 'labs.review.acknowledge', { reports: [{ id: old, version: 1 }], comment: '' });
    const fresh = writeReport(b.app, doctor, {
      patientId: b.patient.id,
      doctorId: doctor.userId,
      ...LOINC.bmp,
      observedAt: '2026-03-09T07:30:00.000Z',
      results: [sodium(131), potassium(6.6, { flag: 'HH' }), { ...LOINC.urineColor, text: 'Red', flag: 'A' }],
    }).reportId;
    writeReport(b.app, doctor, {
      patientId: b.other.id,
      doctorId: doctor.userId,
      ...LOINC.bmp,
      observedAt: '2026-03-09T07:30:00.000Z',
      results: [potassium(4.4)],
    });

    const list = await b.app.call(b.admin, 'labs.review.patientReports', { patientId: b.patient.id, limit: 100 });
    expect(list.total).toBe(2);
    expect(list.unreviewed).toBe(1);
    expect(list.reports.map((r) => [r.id, r.reviewed, r.priority])).toEqual([
      [fresh, false, 'critical'],
      [old, true, 'normal'],
    ]);
    expect(list.reports[0]!.flagged).toEqual([
      { code: LOINC.potassium.code, name: LOINC.potassium.name, value: '6.6 mmol/L', flag: 'HH', critical: false },
      { code: LOINC.sodium.code, name: LOINC.sodium.name, value: '131 mmol/L', flag: 'L', critical: false },
      { code: LOINC.urineColor.code, name: LOINC.urineColor.name, value: 'Red', flag: 'A', critical: false },
    ]);
    expect(list.reports[0]!.numericCodes.map((c) => c.code)).toEqual([LOINC.sodium.code, LOINC.potassium.code]);
    expect(auditRows(b, 'lab.result_view')).toEqual([
      expect.objectContaining({ patient_id: b.patient.id, details: 'lab reports (2)' }),
    ]);
    const gone = await b.app.raw(b.admin, 'labs.review.patientReports', {
      patientId: '01890000-0000-7000-8000-000000000000',
      limit: 10,
    });
    expect(gone).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: "This patient's record is not there any more." },
    });
  });
});

describe('trends and the cumulative view', () => {
  it('gives one test over time oldest first with the range of each result, leaving out cancelled results and deleted reports, audited', async () => {
    book = await openPrintingBook();
    const b = book;
    const doctor = actorOf(b.admin);
    const months = ['2025-09', '2025-11', '2026-01', '2026-03'];
    const ids = months.map(
      (m, i) =>
        writeReport(b.app, doctor, {
          patientId: b.patient.id,
          doctorId: doctor.userId,
          code: LOINC.hba1c.code,
          name: LOINC.hba1c.name,
          observedAt: `${m}-05T08:00:00.000Z`,
          results: [
            {
              ...LOINC.hba1c,
              value: [8.4, 7.6, 6.9, 5.4][i]!,
              unit: '%',
              low: 4,
              high: 5.7,
              flag: i === 3 ? 'N' : 'H',
              status: i === 1 ? 'cancelled' : 'final',
            },
          ],
        }).reportId,
    );
    // A report deleted since, another patient's values and another test never enter the trend.
    const deleted = writeReport(b.app, doctor, {
      patientId: b.patient.id,
      doctorId: doctor.userId,
      code: LOINC.hba1c.code,
      name: LOINC.hba1c.name,
      observedAt: '2026-02-05T08:00:00.000Z',
      results: [{ ...LOINC.hba1c, value: 9.9, unit: '%' }],
    }).reportId;
    deleteReport(b.app, doctor, deleted);
    writeReport(b.app, doctor, {
      patientId: b.other.id,
      doctorId: doctor.userId,
      ...LOINC.bmp,
      observedAt: '2026-02-05T08:00:00.000Z',
      results: [{ ...LOINC.hba1c, value: 12, unit: '%' }],
    });
    const trend = await b.app.call(b.admin, 'labs.review.trend', {
      patientId: b.patient.id,
      code: LOINC.hba1c.code,
      limit: 1000,
    });
    expect(trend).toMatchObject({ code: LOINC.hba1c.code, name: LOINC.hba1c.name, unit: '%', valueType: 'numeric' });
    expect(
      trend.points.map((p) => [p.observedAt.slice(0, 7), p.valueNum, p.refLow, p.refHigh, p.flag, p.reportId]),
    ).toEqual([
      ['2025-09', 8.4, 4, 5.7, 'H', ids[0]],
      ['2026-01', 6.9, 4, 5.7, 'H', ids[2]],
      ['2026-03', 5.4, 4, 5.7, 'N', ids[3]],
    ]);
    // The last N results when a limit is given, still oldest first.
    const last2 = await b.app.call(b.admin, 'labs.review.trend', {
      patientId: b.patient.id,
      code: LOINC.hba1c.code,
      limit: 2,
    });
    expect(last2.points.map((p) => p.valueNum)).toEqual([6.9, 5.4]);
    expect(auditRows(b, 'lab.trend_view')).toEqual([
      expect.objectContaining({ patient_id: b.patient.id, details: `trend: ${LOINC.hba1c.code}` }),
      expect.objectContaining({ patient_id: b.patient.id, details: `trend: ${LOINC.hba1c.code}` }),
    ]);
    const bad = await b.app.raw(b.admin, 'labs.review.trend', { patientId: b.patient.id, code: '  ', limit: 10 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { code: 'Choose a test' } } });
  });

  it('lays a panel’s reports out as tests by dates, oldest column first, with empty cells where a test was not done', async () => {
    book = await openPrintingBook();
    const b = book;
    const doctor = actorOf(b.admin);
    const panel = (observedAt: string, results: FixtureResult[]) =>
      writeReport(b.app, doctor, {
        patientId: b.patient.id,
        doctorId: doctor.userId,
        ...LOINC.bmp,
        observedAt,
        results,
      }).reportId;
    const jan = panel('2026-01-05T08:00:00.000Z', [sodium(140), potassium(4.2)]);
    const mar = panel('2026-03-05T08:00:00.000Z', [
      potassium(5.9),
      sodium(133),
      { ...LOINC.glucose, value: 6.1, unit: 'mmol/L', low: 3.9, high: 5.5, flag: 'H' },
    ]);
    const feb = panel('2026-02-05T08:00:00.000Z', [sodium(138)]);
    const view = await b.app.call(b.admin, 'labs.review.cumulative', {
      patientId: b.patient.id,
      reportCode: LOINC.bmp.code,
      limit: 12,
    });
    expect(view.columns.map((c) => c.reportId)).toEqual([jan, feb, mar]);
    expect(
      view.rows.map((r) => [
        r.code,
        r.unit,
        r.range,
        r.cells.map((c) => (c ? `${c.value}${c.flag && c.flag !== 'N' ? ` ${c.flag}` : ''}` : null)),
      ]),
    ).toEqual([
      [LOINC.sodium.code, 'mmol/L', '136–145', ['140', '138', '133 L']],
      [LOINC.potassium.code, 'mmol/L', '3.5–5.1', ['4.2', null, '5.9 H']],
      [LOINC.glucose.code, 'mmol/L', '3.9–5.5', [null, null, '6.1 H']],
    ]);
    const two = await b.app.call(b.admin, 'labs.review.cumulative', {
      patientId: b.patient.id,
      reportCode: LOINC.bmp.code,
      limit: 2,
    });
    expect(two.columns.map((c) => c.reportId)).toEqual([feb, mar]);
    expect(auditRows(b, 'lab.trend_view').map((r) => r.details)).toEqual([
      `cumulative: ${LOINC.bmp.code}`,
      `cumulative: ${LOINC.bmp.code}`,
    ]);
  });
});

describe('who may review', () => {
  it('refuses every review channel to the front desk, writing nothing', async () => {
    book = await openPrintingBook();
    const b = book;
    const doctor = actorOf(b.admin);
    const { reportId } = writeReport(b.app, doctor, {
      patientId: b.patient.id,
      doctorId: b.doctorId,
      ...LOINC.bmp,
      observedAt: '2026-03-09T07:30:00.000Z',
      results: [potassium(6.8, { flag: 'HH' })],
    });
    const changes = b.app.count('change_log');
    const inputs: Record<string, unknown> = {
      'labs.review.inbox': { limit: 10 },
      'labs.review.counts': {},
      'labs.review.acknowledge': { reports: [{ id: reportId, version: 1 }], comment: '' },
      'labs.review.report': { reportId },
      'labs.review.patientReports': { patientId: b.patient.id },
      'labs.review.trend': { patientId: b.patient.id, code: LOINC.potassium.code },
      'labs.review.cumulative': { patientId: b.patient.id, reportCode: LOINC.bmp.code },
      'print.labResults': { patientId: b.patient.id, reportIds: [reportId] },
      'print.labResultsToPrinter': { patientId: b.patient.id, reportIds: [reportId] },
    };
    for (const [channel, input] of Object.entries(inputs)) {
      const answer = await b.app.raw(b.desk, channel, input);
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(b.app.count('change_log')).toBe(changes);
    expect(b.printed).toEqual([]);
  });
});
