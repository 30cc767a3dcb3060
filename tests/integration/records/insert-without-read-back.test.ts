import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../electron/main/context';
import { labReportKind, labResultKind } from '../../../electron/main/labs/lab-kinds';
import { RecordWriter } from '../../../electron/main/records/record-writer';
import { openTestApp, patientInput, setUpClinic, type TestApp } from '../support';

let app: TestApp | undefined;
afterEach(() => app?.close());

describe('RecordWriter.insert (a create without reading the row back)', () => {
  it('writes the same row, change-log entry and audit entry as create', async () => {
    app = openTestApp();
    const doctor = await setUpClinic(app);
    const patient = await app.call(doctor, 'patients.register', { patient: patientInput() });
    const actor: Actor = { userId: doctor.user!.userId, username: doctor.user!.username, roles: doctor.user!.roles };
    const writer = new RecordWriter(app.core.ctx);
    const db = app.core.ctx.db.sqlite;
    const at = app.clock.now().toISOString();
    const values = (report: string, position: number) => ({
      report_id: report,
      patient_id: patient.id,
      position,
      code: '2823-3',
      name: 'Potassium',
      value_type: 'numeric',
      value_num: 6.9,
      unit: 'mmol/L',
      flag: 'HH',
      critical: 1,
      status: 'final',
      observed_at: at,
    });
    const [created, inserted] = db.transaction(() => {
      const report = writer.create(
        labReportKind,
        {
          patient_id: patient.id,
          code: 'XELEC',
          name: 'Electrolytes',
          source: 'manual',
          status: 'final',
          observed_at: at,
        },
        { actor, at, audit: null },
      );
      const options = { actor, at, audit: { action: 'lab.result_enter' as const } };
      return [
        writer.create(labResultKind, values(report.id, 0), options).id,
        writer.insert(labResultKind, values(report.id, 1), options),
      ] as const;
    })();

    const row = (id: string) => {
      const {
        id: _id,
        position: _position,
        ...rest
      } = db.prepare('SELECT * FROM lab_results WHERE id = ?').get(id) as Record<string, unknown>;
      return rest;
    };
    expect(row(inserted)).toEqual(row(created));
    const logged = (id: string) =>
      db.prepare('SELECT entity, operation, version, changed_at, user_id FROM change_log WHERE entity_id = ?').all(id);
    expect(logged(inserted)).toEqual(logged(created));
    expect(logged(inserted)).toEqual([
      { entity: 'lab_result', operation: 'create', version: 1, changed_at: at, user_id: actor.userId },
    ]);
    const audited = db
      .prepare("SELECT patient_id, action FROM audit_log WHERE action = 'lab.result_enter' ORDER BY seq")
      .all();
    expect(audited).toEqual([
      { patient_id: patient.id, action: 'lab.result_enter' },
      { patient_id: patient.id, action: 'lab.result_enter' },
    ]);
  });
});
