import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../../electron/main/core';
import { startCoreOrExplain, startupErrorMessage, STARTUP_ERROR_TITLE } from '../../../electron/main/shell/start-core';
import { SOURCE_CORE_WORKER } from '../../harness/core-worker-entry';
import { deriveClinicKeys, generateMasterKey } from '../../../electron/main/security/clinic-keys';
import { openEncrypted } from '../../../electron/main/db/encryption';

const MIGRATIONS_DIR = path.resolve(__dirname, '../../../migrations');
const dirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-startup-'));
  dirs.push(dir);
  return dir;
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('start-up', () => {
  it('opens and migrates a new data folder in the core thread', async () => {
    const showErrorBox = vi.fn();
    const dataDir = tempDir();
    const masterKey = generateMasterKey();
    const core = await startCoreOrExplain(
      {
        entry: SOURCE_CORE_WORKER,
        dataDir,
        masterKey,
        migrationsDir: MIGRATIONS_DIR,
        quiet: true,
      },
      showErrorBox,
    );
    expect(core).not.toBeNull();
    expect(showErrorBox).not.toHaveBeenCalled();
    const db = openEncrypted(path.join(dataDir, DATABASE_FILE), deriveClinicKeys(masterKey).database, {
      readonly: true,
    });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.close();
    await core!.close();
  });

  it('refuses a database from a newer Chartbook with a plain message and leaves the file untouched', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const dataDir = tempDir();
    const file = path.join(dataDir, DATABASE_FILE);
    const future = new Database(file);
    future.exec("CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES ('keep me');");
    future.pragma('user_version = 999');
    future.close();
    const before = sha256(file);

    const showErrorBox = vi.fn();
    const core = await startCoreOrExplain(
      { entry: SOURCE_CORE_WORKER, dataDir, masterKey: generateMasterKey(), migrationsDir: MIGRATIONS_DIR },
      showErrorBox,
    );

    expect(core).toBeNull();
    expect(showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = showErrorBox.mock.calls[0]!;
    expect(title).toBe(STARTUP_ERROR_TITLE);
    expect(message).toMatch(/^This data file was written by a newer version of Chartbook/);
    expect(message).toMatch(/has not been changed/);
    expect(message).not.toMatch(/at .*\.ts:\d+/); // no stack trace for people
    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('explains any other start-up failure with the folder and what to do', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const showErrorBox = vi.fn();
    const core = await startCoreOrExplain(
      {
        entry: SOURCE_CORE_WORKER,
        dataDir: tempDir(),
        masterKey: generateMasterKey(),
        migrationsDir: path.join(tempDir(), 'no-migrations-here'),
      },
      showErrorBox,
    );
    expect(core).toBeNull();
    const message = showErrorBox.mock.calls[0]![1] as string;
    expect(message).toMatch(/could not open the clinic's data in/);
    expect(message).toMatch(/Nothing was changed/);
  });

  it('says the core itself is missing, and what to do, without touching the data folder', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const showErrorBox = vi.fn();
    const dataDir = path.join(tempDir(), 'clinic');
    const core = await startCoreOrExplain(
      {
        entry: path.join(tempDir(), 'out', 'main', 'core-worker.js'),
        dataDir,
        masterKey: generateMasterKey(),
        migrationsDir: MIGRATIONS_DIR,
      },
      showErrorBox,
    );
    expect(core).toBeNull();
    expect(showErrorBox.mock.calls[0]![1]).toMatch(/core .*core-worker\.js\) is missing\. Reinstall Chartbook/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('words a non-Error failure too', () => {
    expect(startupErrorMessage('disk on fire', '/data')).toContain('disk on fire');
  });
});
