import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, startCore, type ChartbookCore } from '../../electron/main/core';
import { readMigrations } from '../../electron/main/db/migrations';
import { nameKey, PatientRepository } from '../../electron/main/patients/patient-repository';
import { patientHistoryView } from '../../electron/main/patients/patient-kind';
import { diffFields } from '../../electron/main/records/field-diff';
import { GENERATOR_VERSION, syntheticPatient, type SyntheticPatient } from './patient-generator';
import { benchDeviceCode, benchMrn } from './bench-mrn';
import { keyFileMasterKey } from '../../electron/main/security/key-file';

export const BENCH_ADMIN = {
  username: 'benchadmin',
  displayName: 'Dr Bench Admin',
  password: 'seven quiet harbour lamps',
};
const ROWS_PER_TRANSACTION = 10_000;

export interface SeedOptions {
  /** Folder holding cached databases (e.g. ./bench-data). */
  cacheRoot: string;
  migrationsDir: string;
  patients: number;
  seed: number;
  log: (line: string) => void;
}

export interface SeededDatabase {
  /** Folder with chartbook.sqlite: open it read-mostly, or copy it before writing. */
  dir: string;
  file: string;
  cached: boolean;
  seedSeconds: number;
}

/** Schema version plus a digest of the migration files: a changed migration means a new cache entry. */
export function schemaFingerprint(migrationsDir: string): string {
  const migrations = readMigrations(migrationsDir);
  const hash = crypto.createHash('sha256');
  for (const m of migrations) hash.update(m.tag).update(m.statements.join('\n'));
  return `v${migrations.length}-${hash.digest('hex').slice(0, 8)}`;
}

/** The aggregate as register() reads it back, for the history row. */
/** The history a registration writes: the same view and diff the record writer uses. */
function registrationHistory(p: SyntheticPatient): string {
  const { input } = p;
  const view = patientHistoryView(
    {
      given_names: input.givenNames,
      family_name: input.familyName,
      latin_name: input.latinName,
      sex: input.sex,
      gender_identity: input.genderIdentity,
      birth_date: input.birth.date,
      birth_date_estimated: 0,
      address_line: input.address.line,
      city: input.address.city,
      region: input.address.region,
      postal_code: input.address.postalCode,
      country: input.address.country,
      emergency_name: input.emergencyContact.name,
      emergency_relationship: input.emergencyContact.relationship,
      emergency_phone: input.emergencyContact.phone,
      notes: input.notes,
    },
    input.phones,
    input.identifiers,
  );
  return JSON.stringify(diffFields(null, view));
}

/** Sets up the clinic through the real first-run service (one scrypt hash). */
export async function setUpBenchClinic(core: ChartbookCore): Promise<{ userId: string; username: string }> {
  const result = await core.dispatch(core.newSession(), 'setup.complete', {
    clinic: { clinicName: 'Bench Clinic', timeZone: 'UTC' },
    admin: { ...BENCH_ADMIN, alsoDoctor: true },
  });
  if (!result.ok) throw new Error(`bench clinic setup failed: ${result.error.code} ${result.error.message}`);
  const row = core.db.sqlite.prepare('SELECT id, username FROM users WHERE username = ?').get(BENCH_ADMIN.username) as
    { id: string; username: string } | undefined;
  if (!row) throw new Error('bench clinic setup did not create the admin user');
  return { userId: row.id, username: row.username };
}

/**
 * Writes patients [from, to) with the rows PatientService.register writes for each (patient,
 * phones, phone keys, identifiers, history, change log, audit log; FTS by trigger), but many per
 * transaction: one transaction per patient would spend the seeding time in fsyncs.
 */
export function bulkInsertPatients(
  core: ChartbookCore,
  actor: { userId: string; username: string },
  seed: number,
  total: number,
  from: number,
  to: number,
  onProgress?: (done: number) => void,
): void {
  const db = core.db.sqlite;
  const repo = new PatientRepository(db);
  const insertPatient = db.prepare(
    `INSERT INTO patients (id, created_at, updated_at, created_by, updated_by, version, local_seq, mrn,
       given_names, family_name, sex, gender_identity, birth_date, birth_date_estimated,
       address_line, city, region, postal_code, country, emergency_name, emergency_relationship, emergency_phone, notes, name_key)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertHistory = db.prepare(
    `INSERT INTO patient_history (id, device_id, patient_id, version, changed_at, changed_by, changes)
     VALUES (lower(hex(randomblob(16))), (SELECT value FROM device_state WHERE key = 'device.id'), ?, 1, ?, ?, ?)`,
  );
  const insertChange = db.prepare(
    `INSERT INTO change_log (uuid, device_id, entity, entity_id, operation, version, changed_at, user_id)
     VALUES (lower(hex(randomblob(16))), (SELECT value FROM device_state WHERE key = 'device.id'), 'patient', ?, 'create', 1, ?, ?)`,
  );
  const insertAudit = db.prepare(
    `INSERT INTO audit_log (uuid, device_id, at, user_id, username, action, patient_id, outcome, details)
     VALUES (lower(hex(randomblob(16))), (SELECT value FROM device_state WHERE key = 'device.id'), ?, ?, ?, 'patient.create', ?, 'success', ?)`,
  );
  const writeSetting = db.prepare(
    `INSERT INTO device_state (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const chunk = db.transaction((start: number, end: number) => {
    let lastAt = '';
    for (let i = start; i < end; i++) {
      const p = syntheticPatient(seed, i, total);
      const { input } = p;
      const mrn = benchMrn(seed, i);
      const at = p.registeredAt;
      insertPatient.run(
        p.id,
        at,
        at,
        actor.userId,
        actor.userId,
        i + 1,
        mrn,
        input.givenNames,
        input.familyName,
        input.sex,
        input.genderIdentity,
        input.birth.date,
        input.address.line,
        input.address.city,
        input.address.region,
        input.address.postalCode,
        input.address.country,
        input.emergencyContact.name,
        input.emergencyContact.relationship,
        input.emergencyContact.phone,
        input.notes,
        nameKey(input.givenNames, input.familyName),
      );
      repo.writeChildren(p.id, input);
      insertHistory.run(p.id, at, actor.userId, registrationHistory(p));
      insertChange.run(p.id, at, actor.userId);
      insertAudit.run(at, actor.userId, actor.username, p.id, `MRN ${mrn}`);
      lastAt = at;
    }
    writeSetting.run('device.code', benchDeviceCode(seed), lastAt);
    writeSetting.run('mrn.next', String(end + 1), lastAt);
  });
  for (let start = from; start < to; start += ROWS_PER_TRANSACTION) {
    const end = Math.min(to, start + ROWS_PER_TRANSACTION);
    chunk.immediate(start, end);
    onProgress?.(end);
  }
}

function removeAbandonedBuilds(cacheRoot: string): void {
  for (const name of fs.existsSync(cacheRoot) ? fs.readdirSync(cacheRoot) : []) {
    const match = /\.building-(\d+)$/.exec(name);
    if (!match) continue;
    let alive = true;
    try {
      process.kill(Number(match[1]), 0);
    } catch {
      alive = false;
    }
    if (!alive) fs.rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
  }
}

/**
 * The seeded database for (n, seed, schema, generator), built once and cached: a folder is only
 * renamed into place when complete, so an interrupted run never leaves a half-seeded cache entry.
 */
export async function seededDatabase(options: SeedOptions): Promise<SeededDatabase> {
  const { cacheRoot, migrationsDir, patients, seed, log } = options;
  const key = `patients-n${patients}-seed${seed}-schema${schemaFingerprint(migrationsDir)}-gen${GENERATOR_VERSION}`;
  const dir = path.join(cacheRoot, key);
  const file = path.join(dir, DATABASE_FILE);
  if (fs.existsSync(path.join(dir, 'manifest.json'))) {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { seedSeconds: number };
    log(`using cached ${key}`);
    return { dir, file, cached: true, seedSeconds: manifest.seedSeconds };
  }
  fs.mkdirSync(cacheRoot, { recursive: true });
  removeAbandonedBuilds(cacheRoot);
  const building = `${dir}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  const started = performance.now();
  log(`seeding ${patients.toLocaleString('en')} patients (seed ${seed}) into ${building}`);
  const core = startCore({ dataDir: building, masterKey: keyFileMasterKey(building), migrationsDir, log: () => {} });
  try {
    const actor = await setUpBenchClinic(core);
    let lastReport = performance.now();
    bulkInsertPatients(core, actor, seed, patients, 0, patients, (done) => {
      if (performance.now() - lastReport > 5000 || done === patients) {
        lastReport = performance.now();
        log(
          `  ${done.toLocaleString('en')} / ${patients.toLocaleString('en')} patients (${((performance.now() - started) / 1000).toFixed(0)} s)`,
        );
      }
    });
    core.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    core.close();
  }
  const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
  fs.writeFileSync(
    path.join(building, 'manifest.json'),
    JSON.stringify({ key, patients, seed, generator: GENERATOR_VERSION, seedSeconds }, null, 2),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(building, dir);
  log(`seeded in ${seedSeconds} s`);
  return { dir, file, cached: false, seedSeconds };
}
