import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore, type ChartbookCore, type CoreOptions } from '../../electron/main/core';
import type { Session } from '../../electron/main/ipc/session';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { PatientFormInput } from '../../shared/domain/patient';
import type { Role } from '../../shared/domain/roles';
import type { Result } from '../../shared/errors';
import { keyFileMasterKey } from '../../electron/main/security/key-file';
import { SOURCE_BACKUP_WORKER } from '../harness/core-worker-entry';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');
/** Reference data (the ICD-10-CM code set), as the app is given it; loaded only when a test searches. */
export const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources');

export function tempDir(prefix = 'chartbook-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A clock tests can move. */
export class TestClock {
  constructor(public ms = Date.parse('2026-03-10T09:00:00.000Z')) {}
  now = (): Date => new Date(this.ms);
  advanceMinutes(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}

export interface TestApp {
  core: ChartbookCore;
  dir: string;
  clock: TestClock;
  call<C extends Channel>(session: Session, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  raw(session: Session, channel: string, input: unknown): Promise<Result<unknown>>;
  count(table: string): number;
  close(): void;
}

export function openTestApp(
  dir = tempDir(),
  clock = new TestClock(),
  extra: Partial<Pick<CoreOptions, 'onRestored' | 'backupEveryMs' | 'migrationsDir'>> = {},
): TestApp {
  const core = startCore({
    dataDir: dir,
    masterKey: keyFileMasterKey(dir),
    migrationsDir: MIGRATIONS_DIR,
    now: clock.now,
    log: () => {},
    backupWorker: SOURCE_BACKUP_WORKER,
    referenceDir: REFERENCE_DIR,
    // Tests make their backups when they ask for them.
    backupEveryMs: 0,
    ...extra,
  });
  return {
    core,
    dir,
    clock,
    raw: (session, channel, input) => core.dispatch(session, channel, input),
    async call(session, channel, input) {
      const result = await core.dispatch(session, channel, input);
      if (!result.ok)
        throw new Error(
          `${channel} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`,
        );
      return result.value as never;
    },
    count: (table) => (core.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    close: () => core.close(),
  };
}

export const ADMIN_PASSWORD = 'correct horse battery';

/** First-run setup: returns the admin (also a doctor) session. */
export async function setUpClinic(app: TestApp, timeZone = 'Europe/Berlin'): Promise<Session> {
  const session = app.core.newSession();
  await app.call(session, 'setup.complete', {
    clinic: { clinicName: 'Riverside Family Clinic', timeZone, address: '1 River Rd', phone: '+49 30 1234567' },
    admin: { username: 'admin', displayName: 'Dr Amara Okafor', password: ADMIN_PASSWORD, alsoDoctor: true },
  });
  return session;
}

export async function addUser(
  app: TestApp,
  admin: Session,
  username: string,
  roles: Role[],
  password = 'quiet harbour lamp 1',
): Promise<Session> {
  // As in the clinic: the administrator gives a first password, the person replaces it at sign-in.
  const firstPassword = `${password} (first)`;
  await app.call(admin, 'users.create', { username, displayName: `User ${username}`, password: firstPassword, roles });
  const session = app.core.newSession();
  await app.call(session, 'auth.signIn', { username, password: firstPassword });
  await app.call(session, 'auth.changePassword', { currentPassword: firstPassword, newPassword: password });
  return session;
}

export function patientInput(overrides: Partial<PatientFormInput> = {}): PatientFormInput {
  return {
    givenNames: 'José',
    familyName: 'García',
    sex: 'male',
    birth: { kind: 'date', date: '1980-02-29' },
    phones: [{ kind: 'mobile', number: '+34 600 123 456' }],
    ...overrides,
  };
}
