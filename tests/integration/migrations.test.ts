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
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'patient_fts%'",
    )
    .all() as { name: string }[];
  for (const { name } of tables) {
    for (const c of db.prepare(`PRAGMA table_info(${name})`).all() as { name: string; type: string }[]) {
      out.set(`${name}.${c.name}`, c.type);
    }
  }
  return out;
}

const NOW = '2026-01-05T10:00:00.000Z';

/** SQLite's plan for a query, one step per "|": which index serves it, and whether a table is read. */
function queryPlan(db: Database.Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
}

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
      db
        .prepare(
          `INSERT INTO patients (id, created_at, updated_at, created_by, updated_by, local_seq, mrn, given_names, family_name, sex, birth_date, name_key)
         VALUES ('p2', ?, ?, 'u', 'u', 2, 'AAAA-000001', 'A', 'B', 'female', '1990-01-01', 'a b')`,
        )
        .run(NOW, NOW),
    ).toThrow(/UNIQUE/);
  });

  it('migration 2 (0001_patient_search_and_audit_guard): indexes patients that existed before it and guards the logs', () => {
    const db = dbAt(1);
    db.prepare(
      `INSERT INTO patients (id, created_at, updated_at, created_by, updated_by, local_seq, mrn, given_names, family_name, sex, birth_date, name_key)
       VALUES ('p1', ?, ?, 'u', 'u', 1, 'AAAA-000001', 'Zoë', 'Ångström', 'female', '1990-01-01', 'zoe angstrom')`,
    ).run(NOW, NOW);
    db.prepare(
      "INSERT INTO audit_log (at, username, action, outcome) VALUES (?, 'admin', 'auth.sign_in', 'success')",
    ).run(NOW);

    migrate(db, migrations, 2);

    const hit = db.prepare('SELECT rowid FROM patient_fts WHERE patient_fts MATCH \'"angs"*\'').all();
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
    db.prepare(
      "INSERT INTO patient_phones (patient_id, position, kind, number, digits) VALUES ('p1', 0, 'mobile', '+233 24 123 4567', '233241234567')",
    ).run();
    db.prepare("INSERT INTO patient_phone_keys (patient_id, key) VALUES ('p1', '241234567')").run();

    migrate(db, migrations, 4);

    const plan = (sql: string) => queryPlan(db, sql);
    expect(plan("SELECT number FROM patient_phones WHERE patient_id = 'p1' ORDER BY position LIMIT 1")).toMatch(
      /COVERING INDEX patient_phones_patient_idx/,
    );
    expect(plan("SELECT patient_id FROM patient_phone_keys WHERE key >= '2412' AND key < '2413'")).toMatch(
      /COVERING INDEX patient_phone_keys_key_idx/,
    );
    expect(db.prepare("SELECT patient_id FROM patient_phone_keys WHERE key >= '2412' AND key < '2413'").all()).toEqual([
      { patient_id: 'p1' },
    ]);
  });

  it('migration 5 (0004_patient_cards): builds a search card per live patient with the first phone, then triggers keep it equal', () => {
    const db = dbAt(4);
    const insertPatient = db.prepare(
      `INSERT INTO patients (id, created_at, updated_at, created_by, updated_by, local_seq, mrn, given_names, family_name, sex, birth_date, name_key, deleted_at)
       VALUES (?, ?, ?, 'u', 'u', ?, ?, ?, 'Mensah', 'female', '1990-01-01', ?, ?)`,
    );
    const insertPhone = db.prepare(
      "INSERT INTO patient_phones (patient_id, position, kind, number, digits) VALUES (?, ?, 'mobile', ?, '')",
    );
    insertPatient.run('p1', NOW, NOW, 1, 'AAAA-000001', 'Ama', 'ama mensah', null);
    insertPhone.run('p1', 1, '+233 20 000 0002');
    insertPhone.run('p1', 0, '+233 24 123 4567');
    insertPatient.run('p2', NOW, NOW, 2, 'AAAA-000002', 'Kofi', 'kofi mensah', NOW); // deleted

    migrate(db, migrations, 5);

    const cards = () =>
      db.prepare('SELECT seq, patient_id, mrn, given_names, phone, name_key FROM patient_cards ORDER BY seq').all();
    expect(cards()).toEqual([
      {
        seq: 1,
        patient_id: 'p1',
        mrn: 'AAAA-000001',
        given_names: 'Ama',
        phone: '+233 24 123 4567',
        name_key: 'ama mensah',
      },
    ]);

    // After the migration: a new patient, renamed, phones replaced, deleted and restored.
    insertPatient.run('p3', NOW, NOW, 3, 'AAAA-000003', 'Esi', 'esi mensah', null);
    insertPhone.run('p3', 0, '+233 50 111 2222');
    db.prepare("UPDATE patients SET given_names = 'Ama Serwa', name_key = 'ama serwa mensah' WHERE id = 'p1'").run();
    db.prepare("DELETE FROM patient_phones WHERE patient_id = 'p1' AND position = 0").run();
    db.prepare("UPDATE patient_phones SET number = '+233 20 000 0009' WHERE patient_id = 'p1'").run();
    expect(cards()).toEqual([
      {
        seq: 1,
        patient_id: 'p1',
        mrn: 'AAAA-000001',
        given_names: 'Ama Serwa',
        phone: '+233 20 000 0009',
        name_key: 'ama serwa mensah',
      },
      {
        seq: 3,
        patient_id: 'p3',
        mrn: 'AAAA-000003',
        given_names: 'Esi',
        phone: '+233 50 111 2222',
        name_key: 'esi mensah',
      },
    ]);
    db.prepare("UPDATE patients SET deleted_at = ? WHERE id = 'p3'").run(NOW);
    db.prepare("UPDATE patients SET deleted_at = NULL WHERE id = 'p2'").run();
    expect(cards()).toEqual([
      {
        seq: 1,
        patient_id: 'p1',
        mrn: 'AAAA-000001',
        given_names: 'Ama Serwa',
        phone: '+233 20 000 0009',
        name_key: 'ama serwa mensah',
      },
      { seq: 2, patient_id: 'p2', mrn: 'AAAA-000002', given_names: 'Kofi', phone: '', name_key: 'kofi mensah' },
    ]);
  });

  it("migration 6 (0005_search_key_sequence): gives phone keys and identifiers their patient's sequence, read from the key index", () => {
    const db = dbAt(5);
    db.prepare(
      `INSERT INTO patients (id, created_at, updated_at, created_by, updated_by, local_seq, mrn, given_names, family_name, sex, birth_date, name_key)
       VALUES ('p7', ?, ?, 'u', 'u', 7, 'AAAA-000007', 'Ama', 'Mensah', 'female', '1990-01-01', 'ama mensah')`,
    ).run(NOW, NOW);
    db.prepare("INSERT INTO patient_phone_keys (patient_id, key) VALUES ('p7', '241234567')").run();
    db.prepare(
      "INSERT INTO patient_identifiers (patient_id, position, system, value, system_key, value_key) VALUES ('p7', 0, 'Ghana Card', 'GHA-1', 'ghanacard', 'gha1')",
    ).run();

    migrate(db, migrations, 6);

    expect(db.prepare('SELECT patient_id, key, seq FROM patient_phone_keys').all()).toEqual([
      { patient_id: 'p7', key: '241234567', seq: 7 },
    ]);
    expect(db.prepare('SELECT patient_id, value_key, seq FROM patient_identifiers').all()).toEqual([
      { patient_id: 'p7', value_key: 'gha1', seq: 7 },
    ]);
    const plan = (sql: string) => queryPlan(db, sql);
    expect(plan("SELECT seq FROM patient_phone_keys WHERE key >= '2412' AND key < '2413' ORDER BY seq DESC")).toMatch(
      /COVERING INDEX patient_phone_keys_key_idx/,
    );
    expect(plan("SELECT seq FROM patient_identifiers WHERE value_key = 'gha1' ORDER BY seq DESC")).toMatch(
      /COVERING INDEX patient_identifiers_value_idx/,
    );
    // A key written without its sequence is refused rather than sorted as the oldest patient.
    expect(() =>
      db.prepare("INSERT INTO patient_phone_keys (patient_id, key, seq) VALUES ('p7', '999', NULL)").run(),
    ).toThrow(/NOT NULL/);
  });
});
