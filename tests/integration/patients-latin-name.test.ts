import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, patientInput, setUpClinic, type TestApp } from './support';

let app: TestApp;
afterEach(() => app?.close());

/** A patient registered in another script keeps an optional name in Latin letters, and search finds it. */
describe('the name in Latin letters', () => {
  it('is kept, shown, edited, and found by search ("Priya" finds प्रिया)', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app, 'Asia/Kolkata');
    const priya = await app.call(admin, 'patients.register', {
      patient: patientInput({ givenNames: 'प्रिया', familyName: 'शर्मा', latinName: 'Priya Sharma' }),
      confirmedNotDuplicate: true,
    });
    await app.call(admin, 'patients.register', {
      patient: patientInput({ givenNames: 'Ravi', familyName: 'Kumar' }),
      confirmedNotDuplicate: true,
    });
    expect(priya.latinName).toBe('Priya Sharma');
    expect((await app.call(admin, 'patients.get', { id: priya.id })).latinName).toBe('Priya Sharma');

    for (const text of ['Priya', 'priya', 'sharma priya', 'Pri', 'प्रिया']) {
      const found = await app.call(admin, 'patients.search', { text });
      expect(
        found.map((p) => p.id),
        text,
      ).toEqual([priya.id]);
    }

    // Edited: found by the new Latin name only; the change is in the patient's history.
    await app.call(admin, 'patients.update', {
      id: priya.id,
      version: priya.version,
      patient: patientInput({ givenNames: 'प्रिया', familyName: 'शर्मा', latinName: 'Preeya Sharma' }),
    });
    expect((await app.call(admin, 'patients.search', { text: 'Preeya' })).map((p) => p.id)).toEqual([priya.id]);
    expect(await app.call(admin, 'patients.search', { text: 'Priya' })).toEqual([]);
    const history = await app.call(admin, 'patients.history', { id: priya.id });
    expect(JSON.stringify(history)).toContain('Preeya Sharma');

    // Optional: a patient without one is registered as before, and it never counts as a duplicate's name.
    const ravi = (await app.call(admin, 'patients.search', { text: 'Ravi' }))[0]!;
    expect((await app.call(admin, 'patients.get', { id: ravi.id })).latinName).toBe('');
  });

  it('refuses control and bidi-override characters like every name field', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    const refused = await app.raw(admin, 'patients.register', {
      patient: patientInput({ latinName: 'Priya\u202ESharma' }),
      confirmedNotDuplicate: true,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(refused)).toContain('latinName');
  });
});
