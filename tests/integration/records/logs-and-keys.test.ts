import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../../electron/main/db/migrations';
import { RECORD_KINDS } from '../../../electron/main/records/record-kinds';
import { MIGRATIONS_DIR, openTestApp, patientInput, setUpClinic, tempDir, type TestApp } from '../support';

let app: TestApp;
afterEach(() => app?.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[47][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the change log and audit log', () => {
  it('give every row its own UUID and this laptop’s device id', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    await app.call(admin, 'patients.register', { patient: patientInput() });
    const db = app.core.db.sqlite;
    const device = db.prepare("SELECT value FROM device_state WHERE key = 'device.id'").pluck().get();
    for (const table of ['change_log', 'audit_log']) {
      const rows = db.prepare(`SELECT uuid, device_id FROM ${table}`).all() as { uuid: string; device_id: string }[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.uuid).toMatch(UUID);
        expect(row.device_id).toBe(device);
      }
    }
  });

  it('refuse UPDATE and DELETE, and the change log refuses a kind of record that is not registered', async () => {
    app = openTestApp();
    await setUpClinic(app);
    const db = app.core.db.sqlite;
    expect(() => db.prepare('DELETE FROM change_log').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE change_log SET entity = 'patient'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO change_log (uuid, entity, entity_id, operation, version, changed_at) VALUES ('x', 'gossip', 'y', 'create', 1, 'now')",
        )
        .run(),
    ).toThrow(/registered kind/);
  });

  it('accept exactly the registered kinds of record', () => {
    app = openTestApp();
    const names = app.core.db.sqlite.prepare('SELECT name FROM record_kinds ORDER BY name').pluck().all();
    expect(names).toEqual(RECORD_KINDS.map((k) => k.name).sort());
  });
});

describe('a failed sign-in', () => {
  it('counts on this laptop only: no version, no change-log row', async () => {
    app = openTestApp();
    await setUpClinic(app);
    const db = app.core.db.sqlite;
    const before = {
      user: db.prepare("SELECT version, updated_at FROM users WHERE username = 'admin'").get(),
      changes: db.prepare('SELECT count(*) FROM change_log').pluck().get(),
    };
    const result = await app.raw(app.core.newSession(), 'auth.signIn', { username: 'admin', password: 'wrong one' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(db.prepare("SELECT failed_attempts FROM users WHERE username = 'admin'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT version, updated_at FROM users WHERE username = 'admin'").get()).toEqual(before.user);
    expect(db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(before.changes);
  });
});

describe('migration 7 (0006_logs_and_keys_survive_two_laptops)', () => {
  const migrations = readMigrations(MIGRATIONS_DIR);
  const NOW = '2026-01-05T10:00:00.000Z';

  it('moves settings and this laptop’s values apart, and gives old log, history and token rows their ids', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 6);
    db.prepare(
      `INSERT INTO users (id, created_at, updated_at, created_by, updated_by, username, display_name, password_hash, roles)
       VALUES ('u1', ?, ?, 'u1', 'u1', 'doc', 'Dr Doc', 'x', '["doctor"]')`,
    ).run(NOW, NOW);
    db.prepare(
      `INSERT INTO patients (id, created_at, updated_at, created_by, updated_by, local_seq, mrn, given_names, family_name, sex, birth_date, name_key)
       VALUES ('p1', ?, ?, 'u1', 'u1', 1, 'AB12-000001', 'Zoë', 'Ångström', 'female', '1990-01-01', 'zoe angstrom')`,
    ).run(NOW, NOW);
    db.prepare(
      "INSERT INTO patient_history (patient_id, version, changed_at, changed_by, changes) VALUES ('p1', 1, ?, 'u1', '[]')",
    ).run(NOW);
    db.prepare(
      `INSERT INTO appointments (id, created_at, updated_at, created_by, updated_by, patient_id, provider_id, start_utc, end_utc, length_minutes, clinic_date, kind, status, token)
       VALUES ('a1', ?, ?, 'u1', 'u1', 'p1', 'u1', '2026-01-06T08:00:00.000Z', '2026-01-06T08:20:00.000Z', 20, '2026-01-06', 'walk_in', 'arrived', 1)`,
    ).run(NOW, NOW);
    db.prepare(
      "INSERT INTO change_log (entity, entity_id, operation, version, changed_at, user_id) VALUES ('patient', 'p1', 'create', 1, ?, 'u1')",
    ).run(NOW);
    db.prepare(
      "INSERT INTO audit_log (at, user_id, username, action, patient_id, outcome) VALUES (?, 'u1', 'doc', 'patient.create', 'p1', 'success')",
    ).run(NOW);
    const clinic = JSON.stringify({ clinicName: 'Riverside', timeZone: 'Europe/Berlin' });
    const setting = db.prepare('INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)');
    setting.run('clinic', clinic, NOW, 'u1');
    setting.run('device.code', 'AB12', NOW, null);
    setting.run('mrn.next', '2', NOW, null);

    migrate(db, migrations, 7);

    const state = Object.fromEntries(
      (db.prepare('SELECT key, value FROM device_state').all() as { key: string; value: string }[]).map((r) => [
        r.key,
        r.value,
      ]),
    );
    expect(state).toMatchObject({ 'device.code': 'AB12', 'mrn.next': '2', 'device.id': expect.stringMatching(UUID) });
    expect(db.prepare('SELECT value, version, created_by FROM clinic_settings').all()).toEqual([
      { value: clinic, version: 1, created_by: 'u1' },
    ]);
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
    const device = state['device.id'];
    for (const [table, idColumn] of [
      ['change_log', 'uuid'],
      ['audit_log', 'uuid'],
      ['patient_history', 'id'],
    ] as const) {
      const row = db.prepare(`SELECT ${idColumn} AS id, device_id FROM ${table}`).get() as {
        id: string;
        device_id: string;
      };
      expect(row.id, table).toMatch(UUID);
      expect(row.device_id, table).toBe(device);
    }
    expect(db.prepare('SELECT token_device FROM appointments').pluck().get()).toBe(device);
    // The guards are back after the backfill.
    expect(() => db.prepare("UPDATE audit_log SET details = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE change_log SET entity = 'user'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM change_log').run()).toThrow(/append-only/);
  });
});
