import { afterEach, describe, expect, it } from 'vitest';
import { DOCTOR } from '../../../shared/access';
import { contract } from '../../../shared/contract';
import { labImportChannels } from '../../../shared/lab-contract/imports';
import { addUser, openTestApp, patientInput, setUpClinic, type TestApp } from '../support';

let app: TestApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

/**
 * The front desk's walk over the lab import channels (the chart's walk,
 * tests/integration/chart/receptionist-sees-no-chart.test.ts, covers every channel with empty
 * inputs; this one sends each import channel a real, valid request): every one is FORBIDDEN, writes
 * nothing, and shows nothing of the waiting results.
 */
describe('receptionists and lab imports', { timeout: 60_000 }, () => {
  it('every lab import channel is for doctors only', () => {
    for (const channel of Object.keys(labImportChannels) as Array<keyof typeof labImportChannels>) {
      expect(contract[channel].access, channel).toEqual(DOCTOR);
    }
  });

  it('a receptionist gets FORBIDDEN from each, with a valid request, and nothing changes', async () => {
    app = openTestApp();
    const doctor = await setUpClinic(app);
    const desk = await addUser(app, doctor, 'desk', ['receptionist']);
    const patient = await app.call(doctor, 'patients.register', { patient: patientInput() });
    const canary = 'Zx-lab-canary';
    const file =
      [
        'MSH|^~\\&|LIS|CITYLAB|||202603100900||ORU^R01|W1|P|2.5.1',
        `PID|1||NOBODY||García^José||19800229|M`,
        'OBR|1|||2345-7^Glucose^LN|||202603100830',
        `OBX|1|ST|8251-1^Comment^LN||${canary}||||||F`,
      ].join('\r') + '\r';
    await app.call(doctor, 'labs.import', { fileName: 'w.hl7', content: file });
    const [waiting] = await app.call(doctor, 'labs.unmatched.list', {});
    const tables = () =>
      ['lab_reports', 'lab_results', 'lab_unmatched', 'change_log'].map((table) =>
        JSON.stringify(app!.core.db.sqlite.prepare(`SELECT count(*) AS n, max(version) AS v FROM ${table}`).get()),
      );
    const before = tables();
    const calls: Record<keyof typeof labImportChannels, unknown> = {
      'labs.import': { fileName: 'w2.hl7', content: file.replace('W1', 'W2') },
      'labs.import.progress': {},
      'labs.unmatched.list': { status: 'pending' },
      'labs.unmatched.assign': { id: waiting!.id, version: waiting!.version, patientId: patient.id },
      'labs.unmatched.dismiss': { id: waiting!.id, version: waiting!.version, reason: 'Not ours' },
    };
    for (const [channel, input] of Object.entries(calls)) {
      const answer = await app.raw(desk, channel, input);
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(answer), channel).not.toContain(canary);
    }
    expect(tables()).toEqual(before);
  });
});
