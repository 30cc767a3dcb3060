import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, patientInput, setUpClinic, type TestApp } from '../support';

let app: TestApp;
afterEach(() => app?.close());

const TABLES = ['patients', 'change_log', 'audit_log', 'patient_history', 'appointments'];
const counts = () => TABLES.map((t) => app.count(t));

describe('bad input gets a clear message and changes nothing', () => {
  it.each([
    ['appointments.day', { date: '9999-12-31' }, 'date'],
    ['appointments.week', { providerId: '0190a0b0-0000-7000-8000-000000000002', startDate: '9999-12-31' }, 'startDate'],
    ['audit.list', { from: '2026-01-01', to: '9999-12-31' }, 'to'],
    ['holidays.list', { from: '0001-01-01', to: '2026-01-01' }, 'from'],
  ])('%s with a date out of any clinic’s range is a validation error, not INTERNAL', async (channel, input, field) => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const result = await app.raw(admin, channel, input);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { [field]: expect.stringMatching(/between the years 1800 and 2199/) } },
    });
  });

  it('an unknown field a megabyte long is named, not echoed back whole', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const before = counts();
    const huge = 'x'.repeat(1_000_000);
    const result = await app.raw(admin, 'patients.register', { patient: patientInput(), [huge]: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(result).length).toBeLessThan(1_000);
    expect(JSON.stringify(result)).toMatch(/Unknown field: x{80}…/);
    expect(counts()).toEqual(before);
  });

  it('a name carrying a right-to-left override is refused with a message naming it, and nothing is saved', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const before = counts();
    const result = await app.raw(admin, 'patients.register', {
      patient: patientInput({ familyName: 'Garc\u202eaíG' }),
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: {
          'patient.familyName': expect.stringMatching(/Family name contains an invisible right-to-left override/),
        },
      },
    });
    expect(counts()).toEqual(before);
  });

  it('a user name typed at sign-in with a control character is refused before it reaches the audit log', async () => {
    app = openTestApp();
    await setUpClinic(app);
    const before = app.count('audit_log');
    const result = await app.raw(app.core.newSession(), 'auth.signIn', { username: 'adm\u202enimda', password: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(app.count('audit_log')).toBe(before);
  });
});
