import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../electron/main/context';
import { labOrderKind, labOrderTestKind } from '../../../electron/main/labs/lab-kinds';
import { matchLabReport } from '../../../electron/main/labs/imports/lab-matcher';
import { RecordWriter } from '../../../electron/main/records/record-writer';
import type { Session } from '../../../electron/main/ipc/session';
import type { IncomingLabReport } from '../../../shared/domain/lab';
import { addUser, openTestApp, patientInput, setUpClinic, type TestApp } from '../support';

let app: TestApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

interface Clinic {
  app: TestApp;
  doctor: Session;
  actor: Actor;
  jose: { id: string; mrn: string };
  amara: { id: string; mrn: string };
  orderNumber: string;
}

/** A clinic with two patients and one order of a lipid panel and glucose for José (2026-03-10, Berlin). */
async function clinic(): Promise<Clinic> {
  app = openTestApp();
  const doctor = await setUpClinic(app);
  const jose = await app.call(doctor, 'patients.register', { patient: patientInput() });
  const amara = await app.call(doctor, 'patients.register', {
    patient: patientInput({
      givenNames: 'Amara',
      familyName: 'Okafor',
      sex: 'female',
      birth: { kind: 'date', date: '1975-06-01' },
      phones: [{ kind: 'mobile', number: '+49 151 2345678' }],
    }),
  });
  const user = doctor.user!;
  const actor: Actor = { userId: user.userId, username: user.username, roles: user.roles };
  const writer = new RecordWriter(app.core.ctx);
  const at = app.clock.now().toISOString();
  const orderNumber = 'LAB-20260310-ABC123';
  const db = app.core.ctx.db.sqlite;
  db.transaction(() => {
    const order = writer.create(
      labOrderKind,
      { patient_id: jose.id, doctor_id: actor.userId, number: orderNumber, status: 'ordered', ordered_at: at },
      { actor, at, audit: { action: 'lab.order_create' } },
    );
    for (const [position, [code, name]] of [
      ['24331-1', 'Lipid panel'],
      ['2345-7', 'Glucose'],
    ].entries()) {
      writer.create(
        labOrderTestKind,
        { order_id: order.id, patient_id: jose.id, position, code: code!, name: name!, kind: 'test' },
        { actor, at, audit: null },
      );
    }
  })();
  return {
    app,
    doctor,
    actor,
    jose: { id: jose.id, mrn: jose.mrn },
    amara: { id: amara.id, mrn: amara.mrn },
    orderNumber,
  };
}

function message(control: string, pid: string, obr: string, obx: string[]): string {
  return (
    [`MSH|^~\\&|LIS|CITYLAB|CHARTBOOK|RIVERSIDE|202603100900||ORU^R01|${control}|P|2.5.1`, pid, obr, ...obx].join(
      '\r',
    ) + '\r'
  );
}

const joseByMrn = (mrn: string, birth = '19800229', name = 'García^José') =>
  `PID|1||${mrn}^^^RIVERSIDE^MR||${name}||${birth}|M`;
const glucose = (value: string, unit = 'mmol/L') => `OBX|1|NM|2345-7^Glucose^LN||${value}|${unit}|3.9-5.5||||F`;

describe('importing lab results', { timeout: 60_000 }, () => {
  it('answers a panel ordered by its local code with the members a lab reports under its own panel code', async () => {
    const c = await clinic();
    const { id: visitId } = await c.app.call(c.doctor, 'visits.start', { patientId: c.jose.id });
    const order = await c.app.call(c.doctor, 'labs.orders.create', {
      visitId,
      codes: ['XELEC'],
      labName: 'City Lab',
      clinicalNote: '',
    });
    const file = message(
      'E1',
      joseByMrn('LAB-OWN-7'),
      `OBR|1|${order.number}||24326-1^Electrolytes panel^LN|||202603100830`,
      ['OBX|1|NM|2951-2^Sodium^LN||139|mmol/L|136-145||||F', 'OBX|2|NM|2823-3^Potassium^LN||6.8|mmol/L|3.5-5.1|HH|||F'],
    );
    const summary = await c.app.call(c.doctor, 'labs.import', { fileName: 'e.hl7', content: file });
    expect(summary).toMatchObject({ imported: 1, toReconcile: 0, problems: [] });
    const db = c.app.core.ctx.db.sqlite;
    const panel = db.prepare("SELECT id FROM lab_order_tests WHERE code = 'XELEC'").get() as { id: string };
    expect(db.prepare('SELECT code, order_test_id, flag, critical FROM lab_results ORDER BY position').all()).toEqual([
      { code: '2951-2', order_test_id: panel.id, flag: 'N', critical: 0 },
      { code: '2823-3', order_test_id: panel.id, flag: 'HH', critical: 1 },
    ]);
    expect(db.prepare('SELECT status FROM lab_orders WHERE id = ?').get(order.id)).toEqual({ status: 'resulted' });

    // The doctor corrects the lab's potassium (a haemolysed sample, re-run at 4.6): the imported report
    // itself is corrected, still the lab's, and the order shows it; no second, hand-made report appears.
    const imported = db.prepare('SELECT id, code, source FROM lab_reports').get() as { id: string };
    const corrected = await c.app.call(c.doctor, 'labs.results.enter', {
      orderTestId: panel.id,
      observedAt: '2026-03-10T07:30:00.000Z',
      results: [
        { code: '2951-2', value: '139', unit: 'mmol/L' },
        { code: '2823-3', value: '4.6', unit: 'mmol/L', comment: 'Re-run on a fresh sample' },
      ],
    });
    expect(corrected).toMatchObject({ id: imported.id, code: '24326-1', source: 'hl7v2', status: 'corrected' });
    expect(db.prepare('SELECT count(*) AS n FROM lab_reports WHERE deleted_at IS NULL').get()).toEqual({ n: 1 });
    expect(
      db
        .prepare('SELECT code, value_num, flag, status FROM lab_results WHERE deleted_at IS NULL ORDER BY position')
        .all(),
    ).toEqual([
      { code: '2951-2', value_num: 139, flag: 'N', status: 'corrected' },
      { code: '2823-3', value_num: 4.6, flag: 'N', status: 'corrected' },
    ]);
    const shown = await c.app.call(c.doctor, 'labs.orders.get', { orderId: order.id });
    expect(shown.tests[0]!.report).toMatchObject({ id: imported.id, status: 'corrected' });
  });

  it('puts a report on the order named, and one on the patient whose MRN, name and birth date agree; a second import changes nothing', async () => {
    const c = await clinic();
    const file = [
      message('M1', joseByMrn('WHATEVER'), `OBR|1|${c.orderNumber}||24331-1^Lipid panel^LN|||202603100830`, [
        'OBX|1|NM|2093-3^Cholesterol^LN||5.8|mmol/L|3.5-5.0|H|||F',
        'NTE|1||Fasting',
        'OBX|2|NM|2085-9^HDL^LN||1.2|mg/dl|>1.0||||F',
      ]),
      message('M2', joseByMrn(c.jose.mrn), 'OBR|1|||2345-7^Glucose^LN|||202603100830', [glucose('6.2')]),
    ].join('');
    const summary = await c.app.call(c.doctor, 'labs.import', { fileName: 'city.hl7', content: file });
    expect(summary).toMatchObject({
      format: 'hl7v2',
      reports: 2,
      imported: 2,
      results: 3,
      alreadyThere: 0,
      toReconcile: 0,
      problems: [],
    });

    const db = c.app.core.ctx.db.sqlite;
    const reports = db.prepare('SELECT * FROM lab_reports ORDER BY source_key').all() as Array<Record<string, unknown>>;
    expect(reports.map((r) => [r.source_key, r.patient_id, r.order_id !== null, r.doctor_id])).toEqual([
      ['hl7v2:CITYLAB|M1|1', c.jose.id, true, c.actor.userId],
      ['hl7v2:CITYLAB|M2|1', c.jose.id, false, c.actor.userId],
    ]);
    const hdl = db.prepare("SELECT * FROM lab_results WHERE code = '2085-9'").get() as Record<string, unknown>;
    expect(hdl).toMatchObject({ value_num: 1.2, unit: 'mg/dL', original_unit: 'mg/dl', ref_low: 1, flag: 'N' });
    const chol = db.prepare("SELECT * FROM lab_results WHERE code = '2093-3'").get() as Record<string, unknown>;
    expect(chol).toMatchObject({ flag: 'H', comment: 'Fasting' });
    // The order answered: the panel's report is there, glucose (on another report without the order) is not.
    expect(db.prepare('SELECT status FROM lab_orders').get()).toEqual({ status: 'partial' });
    // Each report audited with its patient; each record in the change log.
    const audits = db.prepare("SELECT patient_id FROM audit_log WHERE action = 'lab.import'").all();
    expect(audits).toEqual([{ patient_id: c.jose.id }, { patient_id: c.jose.id }]);
    const changes = c.app.count('change_log');

    const again = await c.app.call(c.doctor, 'labs.import', { fileName: 'city.hl7', content: file });
    expect(again).toMatchObject({ imported: 0, alreadyThere: 2, toReconcile: 0 });
    expect(c.app.count('lab_reports')).toBe(2);
    expect(c.app.count('lab_results')).toBe(3);
    expect(c.app.count('change_log')).toBe(changes);
  });

  it('never guesses a patient: each uncertain report waits on the list with its reason and candidates', async () => {
    const c = await clinic();
    const db = c.app.core.ctx.db.sqlite;
    const cases: Array<[string, string, RegExp, string[]]> = [
      ['U1', 'PID|1||||García^José||19800229|M', /no MRN or identifier/, [c.jose.id]],
      ['U2', joseByMrn('NOBODY-1'), /No patient has the MRN or identifier NOBODY-1/, [c.jose.id]],
      ['U3', joseByMrn(c.jose.mrn, '19800301'), /born 1980-02-29, but the lab sent birth date 1980-03-01/, [c.jose.id]],
      ['U4', joseByMrn(c.jose.mrn, '19800229', 'Garcia^Pedro'), /but the lab named Pedro Garcia/, [c.jose.id]],
      ['U5', joseByMrn(c.amara.mrn), /belongs to Amara Okafor/, [c.amara.id, c.jose.id]],
      [
        'U6',
        `PID|1||${c.jose.mrn}~${c.amara.mrn}||García^José||19800229|M`,
        /2 patients have/,
        [c.jose.id, c.amara.id],
      ],
      ['U7', joseByMrn(c.jose.mrn, ''), /no birth date to confirm/, [c.jose.id]],
      // Our order number, but the lab names someone else: the order does not win over the patient.
      [
        'U8',
        'PID|1||X1||Okafor^Amara||19750601|F',
        /Order LAB-20260310-ABC123 is for José García/,
        [c.jose.id, c.amara.id],
      ],
    ];
    const file = cases
      .map(([control, pid]) =>
        message(control, pid, `OBR|1|${control === 'U8' ? c.orderNumber : ''}||2345-7^Glucose^LN|||202603100830`, [
          glucose('6.2'),
        ]),
      )
      .join('');
    const summary = await c.app.call(c.doctor, 'labs.import', { fileName: 'odd.hl7', content: file });
    expect(summary).toMatchObject({ imported: 0, toReconcile: cases.length, problems: [] });
    expect(c.app.count('lab_reports')).toBe(0);
    const pending = await c.app.call(c.doctor, 'labs.unmatched.list', { status: 'pending' });
    for (const [control, , reason, candidates] of cases) {
      const item = pending.find((p) => p.report.sourceKey === `hl7v2:CITYLAB|${control}|1`)!;
      expect(item.reason, control).toMatch(reason);
      expect(new Set(item.candidates.map((p) => p.id)), control).toEqual(new Set(candidates));
    }
    // Viewing the list is audited with the patients it showed.
    const view = db.prepare("SELECT uuid FROM audit_log WHERE action = 'lab.unmatched_view'").get() as { uuid: string };
    const shown = db.prepare('SELECT patient_id FROM audit_log_patients WHERE audit_uuid = ?').all(view.uuid);
    expect(new Set(shown.map((r) => (r as { patient_id: string }).patient_id))).toEqual(
      new Set([c.jose.id, c.amara.id]),
    );

    // A deleted patient is never a match, even with the right MRN, name and birth date.
    db.prepare('UPDATE patients SET deleted_at = ? WHERE id = ?').run('2026-03-10T08:00:00Z', c.amara.id);
    const deleted: IncomingLabReport = {
      ...pending[0]!.report,
      orderNumber: null,
      patient: {
        identifiers: [{ value: c.amara.mrn, system: '' }],
        familyName: 'Okafor',
        givenName: 'Amara',
        birthDate: '1975-06-01',
        sex: 'female',
      },
    };
    expect(matchLabReport(db, deleted)).toMatchObject({
      kind: 'unmatched',
      reason: expect.stringMatching(/was deleted/),
    });
  });

  it('reconciles: the doctor assigns one to a patient (audited, in their inbox) and dismisses another with a reason', async () => {
    const c = await clinic();
    const file = [
      message('R1', joseByMrn('NOBODY-1'), 'OBR|1|||2345-7^Glucose^LN|||202603100830', [glucose('6.2')]),
      message('R2', joseByMrn('NOBODY-2'), 'OBR|1|||2345-7^Glucose^LN|||202603100830', [glucose('5.0')]),
    ].join('');
    await c.app.call(c.doctor, 'labs.import', { fileName: 'odd.hl7', content: file });
    const [first, second] = (await c.app.call(c.doctor, 'labs.unmatched.list', {})).sort((a, b) =>
      a.report.sourceKey.localeCompare(b.report.sourceKey),
    );
    const other = await addUser(c.app, c.doctor, 'drlee', ['doctor']);
    const assigned = await c.app.call(other, 'labs.unmatched.assign', {
      id: first!.id,
      version: first!.version,
      patientId: c.jose.id,
    });
    expect(assigned).toMatchObject({ status: 'assigned', patientId: c.jose.id });
    const db = c.app.core.ctx.db.sqlite;
    const report = db.prepare('SELECT * FROM lab_reports WHERE id = ?').get(assigned.reportId) as Record<
      string,
      unknown
    >;
    expect(report).toMatchObject({
      patient_id: c.jose.id,
      doctor_id: other.user!.userId,
      source_key: 'hl7v2:CITYLAB|R1|1',
    });
    // Kept in the catalogue's unit for random glucose (mg/dL), flagged by the range the lab printed.
    expect(
      db
        .prepare('SELECT value_num, unit, original_value, original_unit, flag FROM lab_results WHERE report_id = ?')
        .get(assigned.reportId),
    ).toEqual({ value_num: 111.697, unit: 'mg/dL', original_value: '6.2', original_unit: 'mmol/L', flag: 'H' });
    expect(
      db.prepare("SELECT patient_id, username FROM audit_log WHERE action = 'lab.unmatched_assign'").all(),
    ).toEqual([{ patient_id: c.jose.id, username: 'drlee' }]);
    // Twice is refused, and writes nothing.
    const twice = await c.app.raw(c.doctor, 'labs.unmatched.assign', {
      id: first!.id,
      version: assigned.version,
      patientId: c.amara.id,
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(c.app.count('lab_reports')).toBe(1);

    const noReason = await c.app.raw(c.doctor, 'labs.unmatched.dismiss', {
      id: second!.id,
      version: second!.version,
      reason: '  ',
    });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { reason: expect.any(String) } },
    });
    const dismissed = await c.app.call(c.doctor, 'labs.unmatched.dismiss', {
      id: second!.id,
      version: second!.version,
      reason: 'Not our patient: sent to us by mistake',
    });
    expect(dismissed).toMatchObject({
      status: 'dismissed',
      reason: 'Not our patient: sent to us by mistake',
      patientId: null,
    });
    expect(await c.app.call(c.doctor, 'labs.unmatched.list', { status: 'pending' })).toEqual([]);
    expect((await c.app.call(c.doctor, 'labs.unmatched.list', { status: 'dismissed' })).map((d) => d.reason)).toEqual([
      'Not our patient: sent to us by mistake',
    ]);
    // Imported again, neither comes back.
    const again = await c.app.call(c.doctor, 'labs.import', { fileName: 'odd.hl7', content: file });
    expect(again).toMatchObject({ alreadyThere: 2, toReconcile: 0, imported: 0 });
  });

  it('reports bad messages with file, message and segment while the rest imports, and writes nothing of them', async () => {
    const c = await clinic();
    const ok = (control: string) =>
      message(control, joseByMrn(c.jose.mrn), 'OBR|1|||2345-7^Glucose^LN|||202603100830', [glucose('6.2')]);
    const file = [
      ok('G1'),
      message('B1', joseByMrn(c.jose.mrn), 'OBR|1|||2345-7^Glucose^LN|||202603100830', [glucose('six')]),
      message('B2', joseByMrn(c.jose.mrn), 'OBR|1|||2345-7^Glucose^LN|||202603100830', [glucose('6.1', 'bananas')]),
      ok('G2'),
    ].join('');
    const summary = await c.app.call(c.doctor, 'labs.import', { fileName: 'mixed.hl7', content: file });
    expect(summary).toMatchObject({ imported: 2, toReconcile: 0 });
    expect(summary.problems).toEqual([
      expect.objectContaining({
        fileName: 'mixed.hl7',
        location: 'message 2 (control id B1)',
        segment: 'OBX 4 (OBX-5)',
      }),
      expect.objectContaining({
        fileName: 'mixed.hl7',
        location: 'message 3 (control id B2)',
        segment: 'OBX 4 (OBX-6)',
      }),
    ]);
    expect(c.app.count('lab_reports')).toBe(2);

    // Not a results file at all: refused with a message, nothing written.
    const wrong = await c.app.raw(c.doctor, 'labs.import', { fileName: 'notes.txt', content: 'Dear doctor,' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/neither HL7 v2/) },
    });
  });

  it('imports a FHIR bundle the same way, and tells how far a running import is', async () => {
    const c = await clinic();
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          resource: {
            resourceType: 'Observation',
            id: 'g1',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose' }] },
            subject: { reference: '#p' },
            contained: [
              {
                resourceType: 'Patient',
                id: 'p',
                identifier: [{ value: c.jose.mrn }],
                name: [{ family: 'García', given: ['José'] }],
                birthDate: '1980-02-29',
              },
            ],
            effectiveDateTime: '2026-03-10T08:30:00Z',
            valueQuantity: { value: 99, unit: 'mg/dL' },
          },
        },
      ],
    };
    expect(await c.app.call(c.doctor, 'labs.import.progress', {})).toEqual({
      running: false,
      fileName: '',
      done: 0,
      total: 0,
    });
    const summary = await c.app.call(c.doctor, 'labs.import', { fileName: 'b.json', content: JSON.stringify(bundle) });
    expect(summary).toMatchObject({ format: 'fhir', imported: 1, results: 1 });
    expect(await c.app.call(c.doctor, 'labs.import.progress', {})).toEqual({
      running: false,
      fileName: 'b.json',
      done: 1,
      total: 1,
    });
  });

  it('answers other requests while a long import runs, and says how far it is', async () => {
    const c = await clinic();
    const messages = Array.from({ length: 1600 }, (_, i) =>
      message(`P${i}`, joseByMrn(c.jose.mrn), 'OBR|1|||2345-7^Glucose^LN|||202603100830', [glucose('6.2')]),
    );
    const running = c.app.call(c.doctor, 'labs.import', { fileName: 'big.hl7', content: messages.join('') });
    const seen: Array<{ running: boolean; done: number; total: number }> = [];
    let finished = false;
    void running.then(() => (finished = true));
    while (!finished) {
      const p = await c.app.call(c.doctor, 'labs.import.progress', {});
      seen.push({ running: p.running, done: p.done, total: p.total });
      // Another window's request is answered in the middle of the import too.
      await c.app.call(c.doctor, 'patients.get', { id: c.amara.id });
      // As the screen polls: a request arriving from another window, a few ms later.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const summary = await running;
    expect(summary).toMatchObject({ imported: 1600, problems: [] });
    const during = seen.filter((p) => p.running);
    expect(during.length).toBeGreaterThan(0);
    expect(during.some((p) => p.done > 0 && p.done < 1600 && p.total === 1600)).toBe(true);
  });
});
