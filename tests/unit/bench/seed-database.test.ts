import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceId } from '../../../electron/main/db/device-state';
import { startCore, type ChartbookCore } from '../../../electron/main/core';
import type { Role } from '../../../shared/domain/roles';
import { PatientService } from '../../../electron/main/patients/patient-service';
import { benchDeviceCode } from '../../../scripts/bench/bench-mrn';
import { syntheticPatient } from '../../../scripts/bench/patient-generator';
import { bulkInsertPatients, seededDatabase, setUpBenchClinic } from '../../../scripts/bench/seed-database';
import { generateMasterKey } from '../../../electron/main/security/clinic-keys';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'migrations');
const SEED = 9;
const COUNT = 40;

const open: ChartbookCore[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-bench-test-'));
}

/** Every row register() writes, keyed by the patient's local_seq, with user ids and patient ids made comparable. */
function patientRows(core: ChartbookCore): unknown {
  const db = core.db.sqlite;
  const userId = (db.prepare('SELECT id FROM users').get() as { id: string }).id;
  const seqOf = new Map(
    (db.prepare('SELECT id, local_seq FROM patients').all() as { id: string; local_seq: number }[]).map((r) => [
      r.id,
      r.local_seq,
    ]),
  );
  const device = deviceId(db);
  // A history row's own id is random; that it has one, and this laptop's device id, is what must agree.
  const clean = (rows: Record<string, unknown>[]) =>
    rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          k === 'id' && 'changes' in r
            ? typeof v === 'string' && v.length >= 32
            : v === userId
              ? '<admin>'
              : v === device
                ? '<this device>'
                : typeof v === 'string' && seqOf.has(v)
                  ? `<patient ${seqOf.get(v)}>`
                  : v,
        ]),
      ),
    );
  const all = (sql: string) => clean(db.prepare(sql).all() as Record<string, unknown>[]);
  return {
    patients: all('SELECT * FROM patients ORDER BY local_seq'),
    phones: all('SELECT * FROM patient_phones ORDER BY rowid'),
    phoneKeys: all('SELECT * FROM patient_phone_keys ORDER BY rowid'),
    identifiers: all('SELECT * FROM patient_identifiers ORDER BY rowid'),
    history: all('SELECT * FROM patient_history ORDER BY rowid'),
    changes: all(
      `SELECT entity, entity_id, operation, version, changed_at, user_id FROM change_log WHERE entity = 'patient' ORDER BY seq`,
    ),
    audit: all(
      `SELECT at, user_id, username, action, patient_id, outcome, details FROM audit_log WHERE action = 'patient.create' ORDER BY seq`,
    ),
    fts: db.prepare('SELECT rowid, names FROM patient_fts ORDER BY rowid').all(),
    nextMrn: db.prepare(`SELECT value FROM device_state WHERE key = 'mrn.next'`).pluck().get(),
  };
}

describe('bench seeding', () => {
  it('writes exactly the rows PatientService.register writes for the same patients', async () => {
    const bulk = startCore({
      masterKey: generateMasterKey(),
      dataDir: tempDir(),
      migrationsDir: MIGRATIONS_DIR,
      log: () => {},
    });
    open.push(bulk);
    bulkInsertPatients(bulk, await setUpBenchClinic(bulk), SEED, COUNT, 0, COUNT);

    let now = new Date('2015-12-31T00:00:00.000Z');
    const real = startCore({
      masterKey: generateMasterKey(),
      dataDir: tempDir(),
      migrationsDir: MIGRATIONS_DIR,
      now: () => now,
      log: () => {},
    });
    open.push(real);
    const admin = await setUpBenchClinic(real);
    real.db.sqlite
      .prepare(
        `INSERT INTO device_state (key, value, updated_at) VALUES ('device.code', ?, '2015-12-31T00:00:00.000Z')`,
      )
      .run(benchDeviceCode(SEED));
    const service = new PatientService(real.ctx);
    const actor = { userId: admin.userId, username: admin.username, roles: ['admin', 'doctor'] as Role[] };
    for (let i = 0; i < COUNT; i++) {
      const p = syntheticPatient(SEED, i, COUNT);
      now = new Date(p.registeredAt);
      service.register(p.input, true, actor);
    }

    const expected = patientRows(real) as { patients: Record<string, unknown>[] };
    const actual = patientRows(bulk) as { patients: Record<string, unknown>[] };
    // Ids are random in register() and seeded in the bench; everything else must match.
    const withoutIds = (rows: { patients: Record<string, unknown>[] }) => ({
      ...rows,
      patients: rows.patients.map(({ id: _id, ...rest }) => rest),
    });
    expect(withoutIds(actual)).toEqual(withoutIds(expected));
    expect(actual.patients.length).toBe(COUNT);
  });

  it('caches the seeded file by size, seed and schema, and reuses it', async () => {
    const cacheRoot = tempDir();
    const log: string[] = [];
    const first = await seededDatabase({
      cacheRoot,
      migrationsDir: MIGRATIONS_DIR,
      patients: 30,
      seed: SEED,
      log: (l) => log.push(l),
    });
    expect(first.cached).toBe(false);
    expect(fs.existsSync(first.file)).toBe(true);
    const again = await seededDatabase({
      cacheRoot,
      migrationsDir: MIGRATIONS_DIR,
      patients: 30,
      seed: SEED,
      log: (l) => log.push(l),
    });
    expect(again).toMatchObject({ cached: true, file: first.file });
    const other = await seededDatabase({
      cacheRoot,
      migrationsDir: MIGRATIONS_DIR,
      patients: 30,
      seed: SEED + 1,
      log: (l) => log.push(l),
    });
    expect(other.file).not.toBe(first.file);
    expect(fs.readdirSync(cacheRoot).filter((n) => n.includes('.building-'))).toEqual([]);
  });
});
