import { startCore } from '../../electron/main/core';
import { keyFileMasterKey } from '../../electron/main/security/key-file';
import type { Actor } from '../../electron/main/context';
import type { Role } from '../../shared/domain/roles';
import { MIGRATIONS_DIR } from '../harness/app-harness';
import { writeReport, type FixtureReport } from '../integration/labs/lab-fixture';

/**
 * Writes lab reports into a clinic's data folder while its app is closed, through the record
 * writer as the order, entry and import services do (their screens are built apart from the
 * review's): a core started in the test process on the same folder, closed again before the app
 * reopens it. Reports name patients by MRN and the doctor by user name.
 */
export function seedLabReports(
  dataDir: string,
  doctorUsername: string,
  reports: (Omit<FixtureReport, 'patientId' | 'doctorId'> & { mrn: string })[],
): string[] {
  const core = startCore({
    dataDir,
    masterKey: keyFileMasterKey(dataDir),
    migrationsDir: MIGRATIONS_DIR,
    log: () => {},
  });
  try {
    const db = core.db.sqlite;
    const user = db.prepare('SELECT id, username, roles FROM users WHERE username = ?').get(doctorUsername) as {
      id: string;
      username: string;
      roles: string;
    };
    const actor: Actor = { userId: user.id, username: user.username, roles: JSON.parse(user.roles) as Role[] };
    const host = { core, clock: { now: () => new Date() } };
    return reports.map(({ mrn, ...report }) => {
      const patient = db.prepare('SELECT id FROM patients WHERE mrn = ?').get(mrn) as { id: string };
      return writeReport(host, actor, { ...report, patientId: patient.id, doctorId: user.id }).reportId;
    });
  } finally {
    core.close();
  }
}
