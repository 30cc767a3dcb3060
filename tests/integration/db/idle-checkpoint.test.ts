import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/main/core';
import { IDLE_CHECKPOINT_MS } from '../../../electron/main/db/connection';
import { openEncrypted } from '../../../electron/main/db/encryption';
import { deriveClinicKeys } from '../../../electron/main/security/clinic-keys';
import { keyFileMasterKey } from '../../../electron/main/security/key-file';
import { openTestApp, patientInput, setUpClinic, tempDir, type TestApp } from '../support';

let app: TestApp | undefined;
afterEach(() => app?.close());

/** The database file alone, as a copy without its WAL sees it: what has been checkpointed into it. */
function familiesInFileAlone(from: TestApp): string[] {
  const copyDir = tempDir();
  const copy = path.join(copyDir, DATABASE_FILE);
  fs.copyFileSync(path.join(from.dir, DATABASE_FILE), copy);
  const db = openEncrypted(copy, deriveClinicKeys(keyFileMasterKey(from.dir)).database);
  try {
    return (db.prepare('SELECT family_name FROM patients').all() as { family_name: string }[]).map(
      (r) => r.family_name,
    );
  } finally {
    db.close();
  }
}

describe('checkpoints in idle moments', () => {
  it('copies what was saved into the database file while nobody is saving, not inside a save', async () => {
    app = openTestApp();
    const admin = await setUpClinic(app);
    // The schema and the setup in the file, so a copy of it alone opens.
    app.core.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await app.call(admin, 'patients.register', {
      patient: patientInput({ familyName: 'Checkpointed' }),
      confirmedNotDuplicate: true,
    });
    // Saved, but still only in the WAL: SQLite's own checkpoint waits for ~40 MB of it.
    expect(familiesInFileAlone(app)).not.toContain('Checkpointed');
    await new Promise((resolve) => setTimeout(resolve, IDLE_CHECKPOINT_MS + 500));
    expect(familiesInFileAlone(app)).toContain('Checkpointed');
  });
});
