import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../../electron/main/core';
import {
  startCoreWorker,
  type CoreClient,
  type CoreWorkerOptions,
} from '../../../electron/main/core-thread/core-client';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { SOURCE_CORE_WORKER } from '../../harness/core-worker-entry';
import { openBook } from '../appointments/book-support';
import { ADMIN_PASSWORD, MIGRATIONS_DIR, TestClock } from '../support';
import { openEncrypted } from '../../../electron/main/db/encryption';
import { deriveClinicKeys } from '../../../electron/main/security/clinic-keys';
import { keyFileCoreKeys, keyFileMasterKey } from '../../../electron/main/security/key-file';

export const FONTS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'resources',
  'fonts',
);
export const DESK_PASSWORD = 'quiet harbour lamp 1';

/** The core in its own thread, started from the sources the way the app starts the built file. */
export function startTestCore(dataDir: string, options: Partial<CoreWorkerOptions> = {}): Promise<CoreClient> {
  return startCoreWorker({
    entry: SOURCE_CORE_WORKER,
    dataDir,
    ...keyFileCoreKeys(dataDir),
    migrationsDir: MIGRATIONS_DIR,
    fontsDir: FONTS_DIR,
    quiet: true,
    ...options,
  });
}

export async function call<C extends Channel>(
  core: CoreClient,
  session: string,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await core.dispatch(session, channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

export async function signIn(core: CoreClient, session: string, username: string): Promise<void> {
  core.openSession(session);
  const password = username === 'admin' ? ADMIN_PASSWORD : DESK_PASSWORD;
  await call(core, session, 'auth.signIn', { username, password });
}

/**
 * The clinic of book-support.ts (Dr Amara Okafor, a receptionist "desk", two patients; Tuesday
 * 2026-03-10, 10:00 in Berlin) in a fresh folder, ready for a core thread to open.
 */
export async function bookFolder(): Promise<{ dir: string; doctorId: string; patientId: string; clock: TestClock }> {
  const clock = new TestClock();
  const book = await openBook('Europe/Berlin', clock);
  const { dir } = book.app;
  book.app.close();
  return { dir, doctorId: book.doctorId, patientId: book.patient.id, clock };
}

/** Reads the database file as the next start of Chartbook would, after the core has gone. */
export function inspect<T>(dir: string, read: (db: Database.Database) => T): T {
  const key = deriveClinicKeys(keyFileMasterKey(dir)).database;
  const db = openEncrypted(path.join(dir, DATABASE_FILE), key, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export const walExists = (dir: string): boolean => fs.existsSync(path.join(dir, `${DATABASE_FILE}-wal`));
