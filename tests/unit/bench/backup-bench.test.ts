import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { benchBackup } from '../../../scripts/bench/backup-bench';
import { seededDatabase } from '../../../scripts/bench/seed-database';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'migrations');

describe('backup bench', () => {
  it('grows a small database, backs it up while searching, and reports one line', async () => {
    const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-bench-backup-'));
    const seeded = await seededDatabase({
      cacheRoot,
      migrationsDir: MIGRATIONS_DIR,
      patients: 200,
      seed: 3,
      log: () => {},
    });
    const result = await benchBackup({
      seeded,
      migrationsDir: MIGRATIONS_DIR,
      cacheRoot,
      targetMb: 4,
      patients: 200,
      seed: 3,
      queries: 40,
      log: () => {},
    });
    expect(result).toMatchObject({ bench: 'backup', target_p95_ratio: 2 });
    expect(result.db_mb).toBeGreaterThanOrEqual(3);
    expect(result.backup_s).toEqual(expect.any(Number));
    expect(result.searches_during_backup).toBeGreaterThan(0);
  }, 120_000);
});
