import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/main/ipc/session';
import { addUser, openTestApp, setUpClinic, type TestApp } from '../support';

let app: TestApp;
let doctor: Session;

beforeEach(async () => {
  app = openTestApp();
  doctor = await setUpClinic(app);
});
afterEach(() => app.close());

const rows = () =>
  app.core.db.sqlite.prepare('SELECT user_id, key, value_json FROM user_preferences ORDER BY user_id, key').all();

describe('a person’s own preferences', () => {
  it('starts with none, keeps a choice in main, and changes it in place', async () => {
    expect(await app.call(doctor, 'preferences.get', {})).toEqual({});
    expect(await app.call(doctor, 'preferences.set', { key: 'vitals.units', value: 'us' })).toEqual({
      'vitals.units': 'us',
    });
    expect(await app.call(doctor, 'preferences.get', {})).toEqual({ 'vitals.units': 'us' });
    await app.call(doctor, 'preferences.set', { key: 'vitals.units', value: 'metric' });
    expect(await app.call(doctor, 'preferences.get', {})).toEqual({ 'vitals.units': 'metric' });
    expect(rows()).toEqual([{ user_id: doctor.user!.userId, key: 'vitals.units', value_json: '"metric"' }]);
    // An administrator's "What to do next", put away for good, beside the units.
    expect(await app.call(doctor, 'preferences.set', { key: 'setup.nextStepsHidden', value: true })).toEqual({
      'vitals.units': 'metric',
      'setup.nextStepsHidden': true,
    });
    expect(await app.raw(doctor, 'preferences.set', { key: 'setup.nextStepsHidden', value: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { value: 'Choose shown or hidden' } },
    });
    expect(await app.call(doctor, 'preferences.get', {})).toEqual({
      'vitals.units': 'metric',
      'setup.nextStepsHidden': true,
    });
  });

  it('keeps each person’s own: another person (a receptionist too) reads and sets only theirs', async () => {
    await app.call(doctor, 'preferences.set', { key: 'vitals.units', value: 'us' });
    const desk = await addUser(app, doctor, 'frontdesk', ['receptionist']);
    expect(await app.call(desk, 'preferences.get', {})).toEqual({});
    await app.call(desk, 'preferences.set', { key: 'vitals.units', value: 'metric' });
    expect(await app.call(doctor, 'preferences.get', {})).toEqual({ 'vitals.units': 'us' });
    expect(await app.call(desk, 'preferences.get', {})).toEqual({ 'vitals.units': 'metric' });
    // Nobody names whose preferences: a user id in the input is refused, not obeyed.
    expect(await app.raw(desk, 'preferences.get', { userId: doctor.user!.userId })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(
      await app.raw(desk, 'preferences.set', { key: 'vitals.units', value: 'us', userId: doctor.user!.userId }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await app.call(doctor, 'preferences.get', {})).toEqual({ 'vitals.units': 'us' });
  });

  it('refuses an unknown key or a value its schema does not allow, with a clear message, writing nothing', async () => {
    const bad = await app.raw(doctor, 'preferences.set', { key: 'vitals.units', value: 'imperial' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { value: 'Choose metric or US units' } },
    });
    expect(await app.raw(doctor, 'preferences.set', { key: 'theme.colour', value: 'dark' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(rows()).toEqual([]);
  });

  it('reads a stored value that no longer fits its schema as unset', async () => {
    app.core.db.sqlite
      .prepare("INSERT INTO user_preferences VALUES (?, 'vitals.units', '\"imperial\"', '2026-03-10T08:00:00.000Z')")
      .run(doctor.user!.userId);
    app.core.db.sqlite
      .prepare("INSERT INTO user_preferences VALUES (?, 'old.key', 'not json', '2026-03-10T08:00:00.000Z')")
      .run(doctor.user!.userId);
    expect(await app.call(doctor, 'preferences.get', {})).toEqual({});
  });

  it('answers nobody who is not signed in', async () => {
    const stranger = app.core.newSession();
    expect(await app.raw(stranger, 'preferences.get', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await app.raw(stranger, 'preferences.set', { key: 'vitals.units', value: 'us' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(rows()).toEqual([]);
  });
});
