import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, DATABASE_FILE, type ChartbookCore } from '../../../electron/main/core';
import { openDatabase } from '../../../electron/main/db/connection';
import { DatabaseKeyError, openEncrypted, type EncryptStep } from '../../../electron/main/db/encryption';
import { isPlainSqliteFile } from '../../../electron/main/db/files';
import { deriveClinicKeys, generateMasterKey } from '../../../electron/main/security/clinic-keys';
import {
  KEY_FILE,
  keyFileMasterKey,
  resolveMasterKey,
  plainFileProtector,
} from '../../../electron/main/security/key-file';
import { MIGRATIONS_DIR, openTestApp, patientInput, setUpClinic, tempDir } from '../support';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const run = promisify(execFile);

const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

/** Every file of the data folder that SQLite writes: the database, its WAL and journal. */
function databaseBytes(dir: string): Buffer {
  return Buffer.concat(
    ['', '-wal', '-journal']
      .map((suffix) => path.join(dir, DATABASE_FILE + suffix))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f)),
  );
}

const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

function startOn(dir: string, masterKey: Buffer, extra: { unencrypted?: boolean } = {}): ChartbookCore {
  const core = startCore({ dataDir: dir, masterKey, migrationsDir: MIGRATIONS_DIR, log: () => {}, ...extra });
  open.push(core);
  return core;
}

describe('encryption at rest', () => {
  it('keeps a typed name and note out of the database file and its WAL, and opens again with the key', async () => {
    const app = openTestApp();
    const admin = await setUpClinic(app);
    const canary = `Zyxwvut${crypto.randomBytes(4).toString('hex')}`;
    const patient = await app.call(admin, 'patients.register', {
      patient: { ...patientInput({ familyName: canary }), notes: `note ${canary}` },
    });
    // The WAL still holds the write (no checkpoint yet): it must be encrypted too.
    expect(fs.existsSync(path.join(app.dir, `${DATABASE_FILE}-wal`))).toBe(true);
    const bytes = databaseBytes(app.dir);
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(bytes.includes(Buffer.from(canary))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(isPlainSqliteFile(path.join(app.dir, DATABASE_FILE))).toBe(false);
    app.close();

    const again = startOn(app.dir, keyFileMasterKey(app.dir));
    const row = again.db.sqlite.prepare('SELECT family_name FROM patients WHERE id = ?').get(patient.id) as {
      family_name: string;
    };
    expect(row.family_name).toBe(canary);
  });

  it('without the key, or with another, the file is unreadable, the open fails clearly and nothing changes', async () => {
    const app = openTestApp();
    await setUpClinic(app);
    app.close();
    const file = path.join(app.dir, DATABASE_FILE);
    const before = sha(databaseBytes(app.dir));

    const plain = new Database(file);
    expect(() => plain.prepare('SELECT count(*) FROM patients').get()).toThrow(/not a database/);
    plain.close();

    expect(() => startOn(app.dir, generateMasterKey())).toThrow(DatabaseKeyError);
    expect(() => startOn(app.dir, generateMasterKey())).toThrow(/could not be opened with the key.*recovery key/s);
    expect(sha(databaseBytes(app.dir))).toBe(before);
  });

  it('overwrites deleted content (secure_delete) so a removed draft is not left in free pages', async () => {
    const app = openTestApp();
    open.push(app);
    expect(app.core.db.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
  });

  it('a key file the key store cannot unwrap, or a missing one beside an encrypted database, asks for the recovery key', async () => {
    const app = openTestApp();
    await setUpClinic(app);
    app.close();
    const refusing = {
      ...plainFileProtector,
      unwrap: () => {
        throw new Error('another computer');
      },
    };
    expect(resolveMasterKey(app.dir, DATABASE_FILE, refusing)).toEqual({ state: 'recovery', reason: 'unreadable' });
    fs.rmSync(path.join(app.dir, KEY_FILE));
    expect(resolveMasterKey(app.dir, DATABASE_FILE, plainFileProtector)).toEqual({
      state: 'recovery',
      reason: 'missing',
    });
    // Asking never makes a key that could not open the database.
    expect(fs.existsSync(path.join(app.dir, KEY_FILE))).toBe(false);
  });
});

/** A database written before encryption: plain, in WAL mode, with a patient still in the WAL. */
async function plainClinic(): Promise<{ dir: string; masterKey: Buffer; patientId: string; canary: string }> {
  const dir = tempDir();
  const masterKey = keyFileMasterKey(dir);
  const core = startCore({ dataDir: dir, masterKey, unencrypted: true, migrationsDir: MIGRATIONS_DIR, log: () => {} });
  const session = core.newSession();
  const call = async (channel: string, input: unknown) => {
    const result = await core.dispatch(session, channel, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as { id: string };
  };
  await call('setup.complete', {
    clinic: { clinicName: 'Old Clinic', timeZone: 'Europe/Berlin', address: '', phone: '' },
    admin: { username: 'admin', displayName: 'Dr Old', password: 'correct horse battery', alsoDoctor: true },
  });
  const canary = `Plainname${crypto.randomBytes(3).toString('hex')}`;
  const patient = await call('patients.register', { patient: patientInput({ familyName: canary }) });
  // Closing checkpoints; an abandoned WAL is what a crash leaves, so copy the files while open.
  const snapshot = tempDir();
  for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(snapshot, f));
  core.close();
  expect(isPlainSqliteFile(path.join(snapshot, DATABASE_FILE))).toBe(true);
  expect(fs.existsSync(path.join(snapshot, `${DATABASE_FILE}-wal`))).toBe(true);
  return { dir: snapshot, masterKey, patientId: patient.id, canary };
}

function familyName(file: string, key: Buffer | null, patientId: string): string | undefined {
  const db = key ? openEncrypted(file, key) : new Database(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (
      db.prepare('SELECT family_name FROM patients WHERE id = ?').get(patientId) as { family_name: string } | undefined
    )?.family_name;
  } finally {
    db.close();
  }
}

describe('encrypting an existing plain database on upgrade', () => {
  it('encrypts it in place with everything in it, the WAL included, and leaves no plain copy', async () => {
    const { dir, masterKey, patientId, canary } = await plainClinic();
    const core = startOn(dir, masterKey);
    expect(core.db.sqlite.prepare('SELECT family_name FROM patients WHERE id = ?').get(patientId)).toEqual({
      family_name: canary,
    });
    core.close();
    expect(isPlainSqliteFile(path.join(dir, DATABASE_FILE))).toBe(false);
    expect(databaseBytes(dir).includes(Buffer.from(canary))).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes('encrypting'))).toEqual([]);
  });

  const steps: EncryptStep[] = ['checkpointed', 'copied', 'rekeyed', 'verified', 'replaced'];
  it.each(steps)(
    'a process killed right after "%s" leaves one whole file, plain or encrypted, and the next start finishes the job',
    async (step) => {
      const { dir, masterKey, patientId, canary } = await plainClinic();
      const file = path.join(dir, DATABASE_FILE);
      const key = deriveClinicKeys(masterKey).database;
      await expect(
        run(
          process.execPath,
          ['--import', 'tsx', path.join(here, 'encrypt-child.ts'), file, key.toString('hex'), step],
          {
            cwd: root,
            timeout: 60_000,
          },
        ),
      ).rejects.toMatchObject({ signal: 'SIGKILL' });

      const encrypted = !isPlainSqliteFile(file);
      expect(encrypted).toBe(step === 'replaced');
      expect(familyName(file, encrypted ? key : null, patientId)).toBe(canary);

      const core = startOn(dir, masterKey);
      expect(core.db.sqlite.prepare('SELECT family_name FROM patients WHERE id = ?').get(patientId)).toEqual({
        family_name: canary,
      });
      core.close();
      expect(isPlainSqliteFile(file)).toBe(false);
      expect(fs.readdirSync(dir).filter((f) => f.includes('encrypting'))).toEqual([]);
    },
    60_000,
  );

  it('refuses a plain database from a newer version without encrypting or changing it', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    const seed = new Database(file);
    seed.exec('CREATE TABLE future_thing (x); INSERT INTO future_thing VALUES (1);');
    seed.pragma('user_version = 999');
    seed.close();
    const before = sha(fs.readFileSync(file));
    expect(() => openDatabase(file, { migrationsDir: MIGRATIONS_DIR, key: generateMasterKey() })).toThrow(
      /newer version of Chartbook/,
    );
    expect(sha(fs.readFileSync(file))).toBe(before);
  });
});
