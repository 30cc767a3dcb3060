import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FixtureReport } from '../integration/labs/lab-fixture';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Writes lab reports into a clinic's data folder while its app is closed, through the record
 * writer as the order, entry and import services do (their screens are built apart from the
 * review's), in a tsx process of its own (labs-seed-script.ts). Reports name patients by MRN and
 * the doctor whose inbox they land in by user name. Returns the reports' ids in order.
 */
export function seedLabReports(
  dataDir: string,
  doctorUsername: string,
  reports: (Omit<FixtureReport, 'patientId' | 'doctorId'> & { mrn: string })[],
): string[] {
  const out = execFileSync(
    path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    [path.join(REPO_ROOT, 'tests', 'e2e', 'labs-seed-script.ts')],
    { input: JSON.stringify({ dataDir, doctorUsername, reports }), cwd: REPO_ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out) as string[];
}
