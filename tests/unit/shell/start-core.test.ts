import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../../electron/main/core';
import { startCoreOrExplain, startupErrorMessage, STARTUP_ERROR_TITLE } from '../../../electron/main/shell/start-core';

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
  it('opens and migrates a new data folder', () => {
    const showErrorBox = vi.fn();
    const core = startCoreOrExplain({ dataDir: tempDir(), migrationsDir: MIGRATIONS_DIR, log: () => {} }, showErrorBox);
    expect(core).not.toBeNull();
    expect(showErrorBox).not.toHaveBeenCalled();
    core!.close();
  });

  it('refuses a database from a newer Chartbook with a plain message and leaves the file untouched', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const dataDir = tempDir();
    const file = path.join(dataDir, DATABASE_FILE);
    const future = new Database(file);
    future.exec("CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES ('keep me');");
    future.pragma('user_version = 999');
    future.close();
    const before = sha256(file);

    const showErrorBox = vi.fn();
    const core = startCoreOrExplain({ dataDir, migrationsDir: MIGRATIONS_DIR }, showErrorBox);

    expect(core).toBeNull();
    expect(showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = showErrorBox.mock.calls[0]!;
    expect(title).toBe(STARTUP_ERROR_TITLE);
    expect(message).toMatch(/newer version of Chartbook/);
    expect(message).toMatch(/has not been changed/);
    expect(message).not.toMatch(/at .*\.ts:\d+/); // no stack trace for people
    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('explains any other start-up failure with the folder and what to do', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const showErrorBox = vi.fn();
    const core = startCoreOrExplain(
      { dataDir: tempDir(), migrationsDir: path.join(tempDir(), 'no-migrations-here') },
      showErrorBox,
    );
    expect(core).toBeNull();
    const message = showErrorBox.mock.calls[0]![1] as string;
    expect(message).toMatch(/could not open the clinic's data in/);
    expect(message).toMatch(/Nothing was changed/);
  });

  it('words a non-Error failure too', () => {
    expect(startupErrorMessage('disk on fire', '/data')).toContain('disk on fire');
  });
});
