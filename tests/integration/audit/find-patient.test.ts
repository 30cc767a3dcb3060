import { afterEach, describe, expect, it } from 'vitest';
import { flushReadAudit } from '../../../electron/main/audit/read-audit';
import { addUser, openTestApp, patientInput, setUpClinic, type TestApp } from '../support';

let app: TestApp;
afterEach(() => app?.close());

/** The audit screen's patient filter: find by name, MRN or phone, never by a record id nobody sees. */
describe('audit.findPatient', () => {
  it('finds the patient by name, MRN and phone, and the audit list filters by the one chosen', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app); // an administrator who is also a doctor: sees names
    const priya = await app.call(admin, 'patients.register', {
      patient: patientInput({
        givenNames: 'Priya',
        familyName: 'Sharma',
        phones: [{ kind: 'mobile', number: '+91 98765 43210' }],
      }),
      confirmedNotDuplicate: true,
    });
    await app.call(admin, 'patients.register', { patient: patientInput(), confirmedNotDuplicate: true });

    const byName = await app.call(admin, 'audit.findPatient', { text: 'sharma' });
    expect(byName).toEqual([{ patientId: priya.id, mrn: priya.mrn, name: 'Priya Sharma' }]);
    expect((await app.call(admin, 'audit.findPatient', { text: priya.mrn })).map((p) => p.patientId)).toEqual([
      priya.id,
    ]);
    expect((await app.call(admin, 'audit.findPatient', { text: '98765 43210' })).map((p) => p.patientId)).toEqual([
      priya.id,
    ]);

    const entries = await app.call(admin, 'audit.list', { patientId: byName[0]!.patientId });
    expect(entries.total).toBeGreaterThan(0);
    expect(entries.entries.every((e) => e.patientId === priya.id || e.action !== 'patient.create')).toBe(true);
    expect(entries.entries.map((e) => e.action)).toContain('patient.create');
  });

  it('an administrator who is not clinical staff gets record numbers only; the search is audited; others are refused', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const priya = await app.call(admin, 'patients.register', {
      patient: patientInput({ givenNames: 'Priya', familyName: 'Sharma' }),
      confirmedNotDuplicate: true,
    });
    const itAdmin = await addUser(app, admin, 'it', ['admin']);
    expect(await app.call(itAdmin, 'audit.findPatient', { text: 'Priya' })).toEqual([
      { patientId: priya.id, mrn: priya.mrn, name: null },
    ]);
    flushReadAudit(app.core.ctx);
    // One patient shown is named on the entry itself (several go to audit_log_patients).
    const seen = app.core.db.sqlite
      .prepare(`SELECT patient_id FROM audit_log WHERE action = 'audit.view' AND username = 'it'`)
      .pluck()
      .all();
    expect(seen).toContain(priya.id);

    const desk = await addUser(app, admin, 'desk', ['receptionist']);
    const refused = await app.raw(desk, 'audit.findPatient', { text: 'Priya' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const empty = await app.raw(admin, 'audit.findPatient', { text: '  ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
