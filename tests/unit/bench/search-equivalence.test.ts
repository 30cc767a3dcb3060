import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type ChartbookCore } from '../../../electron/main/core';
import { PatientService } from '../../../electron/main/patients/patient-service';
import { queryMix } from '../../../scripts/bench/query-mix';
import { syntheticPatient } from '../../../scripts/bench/patient-generator';
import { bulkInsertPatients, setUpBenchClinic } from '../../../scripts/bench/seed-database';
import { ReferencePatientSearch } from './reference-patient-search';
import { generateMasterKey } from '../../../electron/main/security/clinic-keys';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'migrations');
const SEED = 42;
const PATIENTS = 3000;
const EDITED = 60;

let core: ChartbookCore;
beforeAll(async () => {
  core = startCore({
    masterKey: generateMasterKey(),
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-bench-search-')),
    migrationsDir: MIGRATIONS_DIR,
    log: () => {},
  });
  const admin = await setUpBenchClinic(core);
  bulkInsertPatients(core, admin, SEED, PATIENTS, 0, PATIENTS);
  // Edits after registration: the search cards must follow new names and phones, and lose a
  // removed phone, exactly as the patients table does.
  const service = new PatientService(core.ctx);
  const actor = { ...admin, roles: ['admin' as const] };
  for (let i = 0; i < EDITED; i++) {
    const patient = syntheticPatient(SEED, i * 7, PATIENTS);
    const other = syntheticPatient(SEED, PATIENTS - 1 - i, PATIENTS);
    const phones = i % 3 === 0 ? [] : other.input.phones;
    const edited = { ...patient.input, givenNames: other.input.givenNames, familyName: other.input.familyName, phones };
    service.update(patient.id, 1, edited, actor, true); // deliberately like another patient
  }
  // Deleted records (a later merge or delete feature) must never be found. The newest are the ones
  // every dense prefix would list first.
  core.db.sqlite
    .prepare('UPDATE patients SET deleted_at = ? WHERE local_seq > ? OR local_seq % 97 = 0')
    .run('2026-01-01T00:00:00.000Z', PATIENTS - 5);
});
afterAll(() => core.close());

describe('the optimised patient search', () => {
  it('returns what the straightforward search returns, in the same order, on realistic data', () => {
    const service = new PatientService(core.ctx);
    const reference = new ReferencePatientSearch(core.db.sqlite);
    // A country code or a short identifier prefix matches hundreds of patients: those take the
    // newest-first walk when few results are asked for; the others the sorted lookup.
    const dense = [
      '+234',
      '234',
      '00234',
      '+44 7',
      '447',
      '971',
      '+971 5',
      '00',
      '01',
      '0770',
      '+44 7700',
      '98',
      '803',
      '0803',
      '12',
      'jo',
      '',
    ];
    const texts = [...dense, ...queryMix(SEED, PATIENTS, 600).map((q) => q.text)];
    const keysStartingWith = (table: string, column: string, prefix: string) =>
      core.db.sqlite
        .prepare(`SELECT count(*) FROM ${table} WHERE ${column} >= ? AND ${column} < ?`)
        .pluck()
        .get(prefix, `${prefix}\uffff`) as number;
    // Beyond the cut-over for 5 results (212 keys at 3,000 patients) but not for 25 (475): these take
    // the newest-first walk at limit 5 and the sorted lookup at limit 25.
    expect(keysStartingWith('patient_phone_keys', 'key', '234')).toBeGreaterThan(220);
    expect(keysStartingWith('patient_identifiers', 'value_key', '00')).toBeGreaterThan(220);
    // Edited names and removed phones are what the reference reads from the patients table.
    texts.push(
      ...Array.from({ length: EDITED }, (_, i) => syntheticPatient(SEED, PATIENTS - 1 - i, PATIENTS).input.familyName),
    );
    // Search sorts phone and identifier matches by the sequence stored beside each key.
    for (const table of ['patient_phone_keys', 'patient_identifiers']) {
      const wrong = core.db.sqlite.prepare(
        `SELECT count(*) FROM ${table} k JOIN patients p ON p.id = k.patient_id WHERE k.seq <> p.local_seq`,
      );
      expect(wrong.pluck().get(), table).toBe(0);
    }
    let walked = 0;
    for (const text of texts) {
      for (const limit of [25, 5]) {
        // Whole rows: names, phone and birth date as the patients table holds them now.
        const expected = reference.search(text, limit);
        const actual = service.search(text, limit);
        // The reference's LIMIT counts a patient with two matching phones twice, so it can return
        // fewer patients; the ones it returns must be ours, in our order.
        expect(actual.slice(0, expected.length), `"${text}" limit ${limit}`).toEqual(expected);
        if (actual.length !== expected.length) walked++;
      }
    }
    expect(walked).toBeLessThan(texts.length / 10);
  });
});
