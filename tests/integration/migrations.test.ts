import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../electron/main/db/migrations';
import { MIGRATIONS_DIR, tempDir } from './support';

const migrations = readMigrations(MIGRATIONS_DIR);

function dbAt(version: number): Database.Database {
  const db = new Database(path.join(tempDir(), 'm.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, version);
  return db;
}

function columns(db: Database.Database): Map<string, string> {
  const out = new Map<string, string>();
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'patient_fts%'").all() as { name: string }[];
  for (const { name } of tables) {
    for (const c of db.prepare(`PRAGMA table_info(${name})`).all() as { name: string; type: string }[]) {
      out.set(`${name}.${c.name}`, c.type);
    }
  }
  return out;
}

const NOW = '2026-01-05T10:00:00.000Z';

describe('migrations', () => {
  it('are numbered in journal order and each applies in its own transaction with its version', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const db = dbAt(0);
    const applied = migrate(db, migrations);
    expect(applied).toEqual(migrations.map((m) => m.version));
    expect(migrate(db, migrations)).toEqual([]); // idempotent
  });

  it('schema guard: no migration drops or retypes a column that existed before it', () => {
    for (let n = 1; n <= migrations.length; n++) {
      const before = columns(dbAt(n - 1));
      const after = columns(dbAt(n));
      for (const [column, type] of before) {
        expect(after.get(column), `migration ${n} removed or retyped ${column}`).toBe(type);
      }
    }
  });

  it('migration 1 (0000_foundation): creates the record tables with the sync-ready columns', () => {
    const db = dbAt(1);
    const cols = columns(db);
    for (const table of ['patients', 'users']) {
      for (const c of ['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version', 'deleted_at']) {
        expect(cols.has(`${table}.${c}`), `${table}.${c}`).toBe(true);
      }
    }
    db.prepare(
      `INSERT INTO patients (id, created_at, updated_at, created_by, updated_by, local_seq, mrn, given_names, family_name, sex, birth_date, name_key)
       VALUES ('p1', ?, ?, 'u', 'u', 1, 'AAAA-000001', 'Zoë', 'Ångström', 'female', '1990-01-01', 'zoe angstrom')`,
    ).run(NOW, NOW);
    expect(() =>
      db.prepare(
        `INSERT INTO patients (id, created_at, updated_at, created_by, updated_by, local_seq, mrn, given_names, family_name, sex, birth_date, name_key)
         VALUES ('p2', ?, ?, 'u', 'u', 2, 'AAAA-000001', 'A', 'B', 'female', '1990-01-01', 'a b')`,
      ).run(NOW, NOW),
    ).toThrow(/UNIQUE/);
  });

  it('migration 2 (0001_patient_search_and_audit_guard): indexes patients that existed before it and guards the logs', () => {
    const db = dbAt(1);
    db.prepare(
      `INSERT INTO patients (id, created_at, updated_at, created_by, updated_by, local_seq, mrn, given_names, family_name, sex, birth_date, name_key)
       VALUES ('p1', ?, ?, 'u', 'u', 1, 'AAAA-000001', 'Zoë', 'Ångström', 'female', '1990-01-01', 'zoe angstrom')`,
    ).run(NOW, NOW);
    db.prepare("INSERT INTO audit_log (at, username, action, outcome) VALUES (?, 'admin', 'auth.sign_in', 'success')").run(NOW);

    migrate(db, migrations, 2);

    const hit = db.prepare("SELECT rowid FROM patient_fts WHERE patient_fts MATCH '\"angs\"*'").all();
    expect(hit).toEqual([{ rowid: 1 }]);
    expect(() => db.prepare("UPDATE audit_log SET username = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT username FROM audit_log').get()).toEqual({ username: 'admin' });
  });

  it('migration 4 (0003_covering_search_indexes): keeps phone data and serves first-phone and key lookups from indexes', () => {
    const db = dbAt(3);
    db.prepare(
      `INSERT INTO patients (id, created_at, updated_at, created_by, updated_by, local_seq, mrn, given_names, family_name, sex, birth_date, name_key)
       VALUES ('p1', ?, ?, 'u', 'u', 1, 'AAAA-000001', 'Ama', 'Mensah', 'female', '1990-01-01', 'ama mensah')`,
    ).run(NOW, NOW);
    db.prepare("INSERT INTO patient_phones (patient_id, position, kind, number, digits) VALUES ('p1', 0, 'mobile', '+233 24 123 4567', '233241234567')").run();
    db.prepare("INSERT INTO patient_phone_keys (patient_id, key) VALUES ('p1', '241234567')").run();

    migrate(db, migrations, 4);

    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT number FROM patient_phones WHERE patient_id = 'p1' ORDER BY position LIMIT 1")).toMatch(/COVERING INDEX patient_phones_patient_idx/);
    expect(plan("SELECT patient_id FROM patient_phone_keys WHERE key >= '2412' AND key < '2413'")).toMatch(/COVERING INDEX patient_phone_keys_key_idx/);
    expect(db.prepare("SELECT patient_id FROM patient_phone_keys WHERE key >= '2412' AND key < '2413'").all()).toEqual([{ patient_id: 'p1' }]);
  });
});
