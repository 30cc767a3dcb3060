import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openTestApp, patientInput, setUpClinic, type TestApp } from './support';

let app: TestApp;
afterEach(() => app?.close());

/** What front desks type: an MRN's digits alone, the last digits of a phone. */
describe('patient search by digits', () => {
  async function clinic() {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const register = async (givenNames: string, familyName: string, phone: string) =>
      app.call(admin, 'patients.register', {
        patient: patientInput({ givenNames, familyName, phones: [{ kind: 'mobile', number: phone }] }),
        confirmedNotDuplicate: true,
      });
    const patients = [];
    for (let i = 1; i <= 5; i++) patients.push(await register(`Given${i}`, `Family${i}`, `+91 98765 0000${i}`));
    const priya = await register('Priya', 'Sharma', '+91 98765 43210');
    return { admin, patients, priya };
  }

  it('finds a patient by the MRN number alone, padded or not', async () => {
    const { admin, patients } = await clinic();
    const fourth = patients[3]!;
    expect(fourth.mrn).toMatch(/-000004$/);
    for (const text of ['000004', '4', '0004']) {
      const found = await app.call(admin, 'patients.search', { text });
      expect(found[0]?.id, text).toBe(fourth.id);
    }
    // The whole MRN still works, as before.
    expect((await app.call(admin, 'patients.search', { text: fourth.mrn }))[0]?.id).toBe(fourth.id);
  });

  it('finds a patient by the last digits of a phone', async () => {
    const { admin, priya } = await clinic();
    for (const text of ['43210', '543210', '65 43210', '3210']) {
      const found = await app.call(admin, 'patients.search', { text });
      expect(
        found.map((p) => p.id),
        text,
      ).toContain(priya.id);
    }
    expect((await app.call(admin, 'patients.search', { text: '43210' })).map((p) => p.id)).toEqual([priya.id]);
    // The number from its start still works too.
    expect((await app.call(admin, 'patients.search', { text: '98765 43210' }))[0]?.id).toBe(priya.id);
  });

  it('a phone changed later is found by its new last digits only', async () => {
    const { admin, priya } = await clinic();
    const before = await app.call(admin, 'patients.get', { id: priya.id });
    await app.call(admin, 'patients.update', {
      id: priya.id,
      version: before.version,
      patient: patientInput({
        givenNames: 'Priya',
        familyName: 'Sharma',
        phones: [{ kind: 'mobile', number: '+91 91234 56789' }],
      }),
    });
    expect((await app.call(admin, 'patients.search', { text: '56789' })).map((p) => p.id)).toEqual([priya.id]);
    expect(await app.call(admin, 'patients.search', { text: '43210' })).toEqual([]);
  });

  it('the migration gives phones kept before it their suffix keys', async () => {
    const { admin, priya } = await clinic();
    const db = app.core.db.sqlite;
    db.prepare("DELETE FROM patient_phone_keys WHERE key LIKE '~%'").run();
    expect(await app.call(admin, 'patients.search', { text: '43210' })).toEqual([]);
    const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, '0010_phone_suffix_keys.sql'), 'utf8');
    db.exec(sql);
    expect((await app.call(admin, 'patients.search', { text: '43210' })).map((p) => p.id)).toEqual([priya.id]);
    db.exec(sql); // twice is harmless
    expect(db.prepare("SELECT count(*) FROM patient_phone_keys WHERE key = '~012345678919'").pluck().get()).toBe(1);
  });
});
