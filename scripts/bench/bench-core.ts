import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, startCore, type ChartbookCore } from '../../electron/main/core';
import type { Actor } from '../../electron/main/context';
import type { Session } from '../../electron/main/ipc/session';
import { copyKeyFile, keyFileMasterKey } from '../../electron/main/security/key-file';
import type { Role } from '../../shared/domain/roles';
import { BENCH_ADMIN, type SeededDatabase } from './seed-database';

/** A running core on a private copy of the seeded 100k-patient file, with its administrator-doctor. */
export interface BenchCore {
  core: ChartbookCore;
  /** The bench administrator (also the doctor), for writing seed records through the record writer. */
  actor: Actor;
  /** Signs the administrator in through the dispatcher, as the app's window does. */
  signIn(): Promise<Session>;
  /** Closes the core and deletes the copy. */
  dispose(): void;
}

/** Copies the seeded file (the cache itself never changes) into a temporary folder and starts a core on it. */
export function benchCoreOnCopy(seeded: SeededDatabase, migrationsDir: string, prefix: string): BenchCore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `chartbook-bench-${prefix}-`));
  fs.copyFileSync(seeded.file, path.join(dir, DATABASE_FILE));
  copyKeyFile(path.dirname(seeded.file), dir);
  const core = startCore({ dataDir: dir, masterKey: keyFileMasterKey(dir), migrationsDir, log: () => {} });
  const admin = core.db.sqlite
    .prepare('SELECT id, username, roles FROM users WHERE username = ?')
    .get(BENCH_ADMIN.username) as { id: string; username: string; roles: string };
  return {
    core,
    actor: { userId: admin.id, username: admin.username, roles: JSON.parse(admin.roles) as Role[] },
    signIn: async () => {
      const session = core.newSession();
      const signIn = await core.dispatch(session, 'auth.signIn', {
        username: BENCH_ADMIN.username,
        password: BENCH_ADMIN.password,
      });
      if (!signIn.ok) throw new Error(`bench sign-in failed: ${signIn.error.message}`);
      return session;
    },
    dispose: () => {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
