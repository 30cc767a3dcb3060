import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE } from '../../electron/main/db/files';
import { openEncrypted } from '../../electron/main/db/encryption';
import { deriveClinicKeys } from '../../electron/main/security/clinic-keys';
import { copyKeyFile, keyFileMasterKey } from '../../electron/main/security/key-file';
import type { SeededDatabase } from './seed-database';

/**
 * An unencrypted copy of a seeded (encrypted) bench database, so the encryption-cost scenario can
 * time the same work on both in one run. Only the bench ever makes a plain file.
 */
export function plainCopyOf(seeded: SeededDatabase): SeededDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-bench-plain-'));
  const file = path.join(dir, DATABASE_FILE);
  fs.copyFileSync(seeded.file, file);
  copyKeyFile(seeded.dir, dir);
  const db = openEncrypted(file, deriveClinicKeys(keyFileMasterKey(dir)).database);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey = ''`);
  } finally {
    db.close();
  }
  return { ...seeded, dir, file };
}
