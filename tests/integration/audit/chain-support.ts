import fs from 'node:fs';
import path from 'node:path';
import { auditStartCheck } from '../../../electron/main/audit/audit-integrity';
import { flushReadAudit } from '../../../electron/main/audit/read-audit';
import { auditSeqs } from './tamper';
import type { AuditChainResult } from '../../../shared/domain/audit';
import { ADMIN_PASSWORD, openTestApp, patientInput, setUpClinic, tempDir, type TestApp } from '../support';

export interface ClinicLog {
  dir: string;
  /** seq of every entry, in order. */
  seqs: number[];
}

/**
 * A clinic with a few dozen audit entries of every shape (sign-ins, changes, views, searches that
 * showed several patients), closed: the anchor is written and the file is ready to be tampered with.
 */
export async function seedClinicLog(dir = tempDir('chartbook-chain-')): Promise<ClinicLog> {
  const app = openTestApp(dir);
  try {
    await auditStartCheck(app.core.ctx);
    const admin = await setUpClinic(app);
    const ids: string[] = [];
    for (const [given, family] of [
      ['Ana', 'Silva'],
      ['Ben', 'Okoro'],
      ['Chen', 'Wei'],
      ['Dana', 'Silva'],
    ] as const) {
      const p = await app.call(admin, 'patients.register', {
        patient: patientInput({ givenNames: given, familyName: family, phones: [] }),
      });
      ids.push(p.id);
    }
    for (let round = 0; round < 6; round += 1) {
      await app.call(admin, 'patients.search', { text: '' });
      flushReadAudit(app.core.ctx);
      await app.call(admin, 'patients.get', { id: ids[round % ids.length]! });
      await app.call(admin, 'patients.search', { text: 'Silva' });
      flushReadAudit(app.core.ctx);
      await app.call(admin, 'patients.history', { id: ids[round % ids.length]! });
    }
    await app.call(admin, 'auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
  } finally {
    app.close();
  }
  return { dir, seqs: auditSeqs(dir) };
}

/** A copy of a seeded folder (database, key file, anchor): seeding once per file keeps the tests quick. */
export function copyClinicLog(log: ClinicLog): ClinicLog {
  const dir = tempDir('chartbook-chain-');
  for (const name of fs.readdirSync(log.dir)) fs.copyFileSync(path.join(log.dir, name), path.join(dir, name));
  return { dir, seqs: [...log.seqs] };
}

/** Starts the core again on the folder and waits for the check at start. */
export async function restart(dir: string): Promise<{ app: TestApp; result: AuditChainResult }> {
  const app = openTestApp(dir);
  const result = await auditStartCheck(app.core.ctx);
  return { app, result };
}
