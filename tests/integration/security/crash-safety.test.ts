import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/main/core';
import { openEncrypted } from '../../../electron/main/db/encryption';
import { isPlainSqliteFile } from '../../../electron/main/db/files';
import { deriveClinicKeys } from '../../../electron/main/security/clinic-keys';
import { keyFileMasterKey } from '../../../electron/main/security/key-file';
import { ADMIN_PASSWORD, openTestApp, setUpClinic } from '../support';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');

/** Bounded for CI: each round starts a process, lets it write, and kills it. */
const ROUNDS = 6;

/** Runs the writer until it has acknowledged some writes, waits a random moment more, kills it; its acks. */
function writeAndKill(dir: string, extraMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'crash-writer.ts'), dir, ADMIN_PASSWORD],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const acks: string[] = [];
    let pending = '';
    let stderr = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (line.startsWith('ack ')) acks.push(line.slice(4));
      if (!armed && acks.length > 0) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`the writer stopped by itself: ${stderr}`));
    });
    setTimeout(() => child.kill('SIGKILL'), 60_000).unref();
  });
}

describe('crash safety with encryption on', () => {
  it(`killing a writing core at random moments (${ROUNDS} times) never loses an acknowledged write, record view or draft, or damages the file`, async () => {
    const app = openTestApp();
    await setUpClinic(app);
    app.close();
    const key = deriveClinicKeys(keyFileMasterKey(app.dir)).database;
    const acknowledged: string[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      acknowledged.push(...(await writeAndKill(app.dir, Math.floor(Math.random() * 400))));
      // What the next start sees: the database and the WAL the killed process left.
      const db = openEncrypted(path.join(app.dir, DATABASE_FILE), key);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const stored = new Set(
          (db.prepare("SELECT id FROM patients WHERE family_name LIKE 'Crash%'").all() as { id: string }[]).map(
            (r) => r.id,
          ),
        );
        const lost = acknowledged.filter((id) => !stored.has(id));
        expect(lost, `round ${round}: acknowledged registrations missing after the kill`).toEqual([]);
        const viewed = new Set(
          (
            db.prepare("SELECT patient_id FROM audit_log WHERE action = 'patient.view'").all() as {
              patient_id: string;
            }[]
          ).map((r) => r.patient_id),
        );
        const unrecorded = acknowledged.filter((id) => !viewed.has(id));
        expect(unrecorded, `round ${round}: acknowledged views missing from the audit after the kill`).toEqual([]);
        const drafts = new Set(
          (db.prepare("SELECT draft_key FROM drafts WHERE kind = 'registration'").all() as { draft_key: string }[]).map(
            (r) => r.draft_key,
          ),
        );
        const undrafted = acknowledged.filter((id) => !drafts.has(`crash-${id}`));
        expect(undrafted, `round ${round}: acknowledged drafts missing after the kill`).toEqual([]);
      } finally {
        db.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThan(ROUNDS);
    expect(isPlainSqliteFile(path.join(app.dir, DATABASE_FILE))).toBe(false);
  }, 240_000);
});
