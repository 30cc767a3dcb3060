import { afterEach, describe, expect, it } from 'vitest';
import { auditCsv, csvCell, dayBoundaryUtc } from '../../../electron/main/audit/audit-service';
import { ADMIN_PASSWORD, addUser, openTestApp, patientInput, setUpClinic, type TestApp } from '../support';

let app: TestApp;
afterEach(() => app?.close());

describe('audit trail', () => {
  it('is append-only in the database itself', async () => {
    app = openTestApp();
    await setUpClinic(app);
    const db = app.core.db.sqlite;
    expect(() => db.prepare("UPDATE audit_log SET outcome = 'success'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('filters by date range in the clinic time zone, user, patient and action', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app, 'America/New_York');
    const desk = await addUser(app, admin, 'desk', ['receptionist']);
    const p = await app.call(desk, 'patients.register', { patient: patientInput() });
    app.clock.advanceMinutes(24 * 60);
    await app.call(admin, 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD }); // idle-locked overnight
    await app.call(admin, 'patients.get', { id: p.id });

    const all = await app.call(admin, 'audit.list', {});
    expect(all.total).toBe(all.entries.length);
    const deskUser = (await app.call(admin, 'users.list', {})).find((u) => u.username === 'desk')!;
    const byUser = await app.call(admin, 'audit.list', { userId: deskUser.id });
    // addUser signs the desk in with the first password and has them choose their own.
    expect(byUser.entries.map((e) => e.action).sort()).toEqual([
      'auth.password_change',
      'auth.sign_in',
      'patient.create',
    ]);
    const byPatient = await app.call(admin, 'audit.list', { patientId: p.id });
    expect(byPatient.entries.map((e) => e.action)).toEqual(['patient.view', 'patient.create']);
    expect(byPatient.entries[0]!.patientLabel).toBe(`José García (${p.mrn})`);
    const byAction = await app.call(admin, 'audit.list', { action: 'patient.view' });
    expect(byAction.total).toBe(1);
    // 2026-03-10T09:00Z is 05:00 in New York on the 10th; the view happened on the 11th.
    const tenth = await app.call(admin, 'audit.list', { from: '2026-03-10', to: '2026-03-10' });
    expect(tenth.entries.map((e) => e.action)).not.toContain('patient.view');
    const eleventh = await app.call(admin, 'audit.list', { from: '2026-03-11', to: '2026-03-11' });
    expect(eleventh.entries.map((e) => e.action)).toEqual(['patient.view', 'auth.sign_in']);
  });

  it('refuses a date range that ends before it starts', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const result = await app.raw(admin, 'audit.list', { from: '2026-03-10', to: '2026-03-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { to: expect.any(String) } } });
  });

  it('exports CSV that a spreadsheet shows as text, and audits the export', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    await app.call(admin, 'patients.register', {
      patient: patientInput({ givenNames: '=HYPERLINK("http://evil","x")', familyName: '+cmd', phones: [] }),
    });
    const { csv, rows, filename } = await app.call(admin, 'audit.exportCsv', {});
    expect(filename).toMatch(/^chartbook-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(rows).toBeGreaterThanOrEqual(3);
    expect(csv.split('\r\n')[0]).toBe('"Time (UTC)","User","Action","Patient","Outcome","Details"');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"") +cmd (`);
    expect(csv).not.toMatch(/(^|,)"=/m);
    const last = await app.call(admin, 'audit.list', { limit: 1 });
    expect(last.entries[0]!.action).toBe('audit.export');
  });
});

describe('CSV cells', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+44 20 7946 0958', '"+44 20 7946 0958"'],
    ['+1 (555) 010-0199', '"+1 (555) 010-0199"'],
    ['-2', '"-2"'],
    ['+SUM(A1)', `"'+SUM(A1)"`],
    ["-2+cmd|' /C calc'!A0", `"'-2+cmd|' /C calc'!A0"`],
    ['-1+1', `"'-1+1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['say "hi"', '"say ""hi"""'],
    ['plain', '"plain"'],
  ])('%j -> %s', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('ends lines with CRLF', () => {
    expect(auditCsv([])).toBe('"Time (UTC)","User","Action","Patient","Outcome","Details"\r\n');
  });
});

describe('day boundaries', () => {
  it('handles daylight-saving days', () => {
    expect(dayBoundaryUtc('2026-03-08', false, 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
    expect(dayBoundaryUtc('2026-03-08', true, 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
    expect(dayBoundaryUtc('2026-01-01', false, 'UTC')).toBe('2026-01-01T00:00:00.000Z');
  });
});
