import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../../electron/main/db/migrations';
import { MIGRATIONS_DIR, tempDir } from '../support';

const migrations = readMigrations(MIGRATIONS_DIR);
const APPOINTMENTS = migrations.findIndex((m) => m.tag === '0002_appointments') + 1;
const NOW = '2026-01-05T10:00:00.000Z';

function dbAt(version: number): Database.Database {
  const db = new Database(path.join(tempDir(), 'm.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, version);
  return db;
}

function plan(db: Database.Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
}

describe('migration 0002_appointments', () => {
  it('adds the appointment book to a database with patients, keeping them', () => {
    const db = dbAt(APPOINTMENTS - 1);
    db.prepare(
      `INSERT INTO users (id, created_at, updated_at, created_by, updated_by, username, display_name, password_hash, roles)
       VALUES ('u1', ?, ?, 'u1', 'u1', 'doc', 'Dr Doc', 'x', '["doctor"]')`,
    ).run(NOW, NOW);
    db.prepare(
      `INSERT INTO patients (id, created_at, updated_at, created_by, updated_by, local_seq, mrn, given_names, family_name, sex, birth_date, name_key)
       VALUES ('p1', ?, ?, 'u1', 'u1', 1, 'AAAA-000001', 'Zoë', 'Ångström', 'female', '1990-01-01', 'zoe angstrom')`,
    ).run(NOW, NOW);

    migrate(db, migrations, APPOINTMENTS);

    const insert = db.prepare(
      `INSERT INTO appointments (id, created_at, updated_at, created_by, updated_by, patient_id, provider_id, start_utc, end_utc, length_minutes, clinic_date, kind, status, token)
       VALUES (?, ?, ?, 'u1', 'u1', ?, 'u1', '2026-01-06T08:00:00.000Z', '2026-01-06T08:20:00.000Z', 20, '2026-01-06', 'walk_in', 'arrived', ?)`,
    );
    insert.run('a1', NOW, NOW, 'p1', 1);
    expect(() => insert.run('a2', NOW, NOW, 'p1', 1)).toThrow(/UNIQUE/); // one token per clinic day
    expect(() => insert.run('a3', NOW, NOW, 'nobody', 2)).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT given_names FROM patients').all()).toEqual([{ given_names: 'Zoë' }]);
  });

  it('the hot queries of the book use their indexes, not a table scan', () => {
    const db = dbAt(migrations.length);
    const clash = plan(
      db,
      `SELECT a.id FROM appointments a JOIN patients p ON p.id = a.patient_id
       WHERE a.provider_id = 'x' AND a.start_utc >= 'a' AND a.start_utc < 'b' AND a.end_utc > 'a' AND a.kind = 'appointment'`,
    );
    expect(clash).toMatch(
      /SEARCH a USING INDEX appointments_provider_start_idx \(provider_id=\? AND start_utc>\? AND start_utc<\?\)/,
    );
    const day = plan(db, "SELECT * FROM appointments a WHERE a.clinic_date = '2026-01-06' AND a.deleted_at IS NULL");
    expect(day).toMatch(/SEARCH a USING INDEX appointments_(clinic_date_idx|token_device_unique) \(clinic_date=\?/);
    const token = plan(db, "SELECT COALESCE(MAX(token), 0) + 1 FROM appointments WHERE clinic_date = '2026-01-06'");
    expect(token).toMatch(/appointments_token_device_unique/);
  });
});
