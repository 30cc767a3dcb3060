import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Session } from '../../../electron/main/ipc/session';
import { openTestApp, patientInput, setUpClinic, tempDir, TestClock, type TestApp } from '../support';

export interface BackupFixture {
  app: TestApp;
  admin: Session;
  folder: string;
  restored: Buffer[];
}

/** A clinic with two patients and a backup folder chosen. */
export async function clinicWithBackupFolder(clock = new TestClock()): Promise<BackupFixture> {
  const restored: Buffer[] = [];
  const app = openTestApp(tempDir(), clock, { onRestored: (key) => restored.push(key) });
  const admin = await setUpClinic(app);
  await app.call(admin, 'patients.register', { patient: patientInput(), confirmedNotDuplicate: true });
  const folder = tempDir('chartbook-backups-');
  await app.call(admin, 'backups.setFolder', { folder });
  return { app, admin, folder, restored };
}

export function filesIn(folder: string): string[] {
  return fs.readdirSync(folder).sort();
}

export function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export const databasePath = (app: TestApp): string => path.join(app.dir, 'chartbook.sqlite');
