/**
 * Run by labs-helpers.ts under tsx, in a process of its own (the e2e runner's loader cannot load
 * the core's JSON imports): reads { dataDir, doctorUsername, reports } as JSON on stdin, writes the
 * reports through the record writer (tests/integration/labs/lab-fixture.ts) on a core started on
 * the closed app's folder, and prints the new report ids as JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from '../../electron/main/core';
import type { Actor } from '../../electron/main/context';
import { keyFileMasterKey } from '../../electron/main/security/key-file';
import type { Role } from '../../shared/domain/roles';
import { writeReport, type FixtureReport } from '../integration/labs/lab-fixture';

interface Request {
  dataDir: string;
  doctorUsername: string;
  reports: (Omit<FixtureReport, 'patientId' | 'doctorId'> & { mrn: string })[];
}

const request = JSON.parse(fs.readFileSync(0, 'utf8')) as Request;
const core = startCore({
  dataDir: request.dataDir,
  masterKey: keyFileMasterKey(request.dataDir),
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations'),
  log: () => {},
});
try {
  const db = core.db.sqlite;
  const user = db.prepare('SELECT id, username, roles FROM users WHERE username = ?').get(request.doctorUsername) as {
    id: string;
    username: string;
    roles: string;
  };
  const actor: Actor = { userId: user.id, username: user.username, roles: JSON.parse(user.roles) as Role[] };
  const host = { core, clock: { now: () => new Date() } };
  const ids = request.reports.map(({ mrn, ...report }) => {
    const patient = db.prepare('SELECT id FROM patients WHERE mrn = ?').get(mrn) as { id: string };
    return writeReport(host, actor, { ...report, patientId: patient.id, doctorId: user.id }).reportId;
  });
  process.stdout.write(JSON.stringify(ids));
} finally {
  core.close();
}
