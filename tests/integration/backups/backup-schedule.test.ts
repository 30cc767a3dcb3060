import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, patientInput, setUpClinic, tempDir, TestClock, type TestApp } from '../support';
import { clinicWithBackupFolder, filesIn } from './backup-support';

const open: TestApp[] = [];
afterEach(() => {
  for (const app of open.splice(0)) app.close();
});

function backupAudit(app: TestApp): string[] {
  return (
    app.core.db.sqlite
      .prepare("SELECT details FROM audit_log WHERE action = 'backup.create' AND outcome = 'success' ORDER BY rowid")
      .all() as { details: string }[]
  ).map((r) => r.details);
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('automatic backups', () => {
  it('on quit: one backup when anything was recorded since the last, none when nothing was', async () => {
    const { app, admin, folder } = await clinicWithBackupFolder();
    open.push(app);
    await app.call(admin, 'backups.run', {});
    expect(filesIn(folder)).toHaveLength(1);

    // Nothing recorded since: quitting makes no copy.
    expect(await app.core.backupBeforeClose()).toBe('skipped');
    expect(filesIn(folder)).toHaveLength(1);

    // A registration since the last backup: quitting keeps it.
    app.clock.advanceMinutes(1);
    await app.call(admin, 'patients.register', {
      patient: patientInput({ givenNames: 'Asha', familyName: 'Rao' }),
      confirmedNotDuplicate: true,
    });
    expect(await app.core.backupBeforeClose()).toBe('made');
    expect(filesIn(folder)).toHaveLength(2);
    expect(backupAudit(app).at(-1)).toMatch(/^automatic \(on quit\); chartbook-2026-03-10-090100/);
  });

  it('while Chartbook runs, one every interval (the 4-hour timer, shortened here), each audited', async () => {
    const clock = new TestClock();
    const app = openTestApp(tempDir(), clock, { backupEveryMs: 300 });
    open.push(app);
    const admin = await setUpClinic(app);
    const folder = tempDir('chartbook-backups-');
    await app.call(admin, 'backups.setFolder', { folder });

    await until(() => backupAudit(app).length >= 1, 'the first scheduled backup');
    // The next tick names its file by the clinic's clock: move it on as four hours would.
    clock.advanceMinutes(240);
    await until(() => backupAudit(app).length >= 2, 'the second scheduled backup');
    expect(filesIn(folder).filter((f) => f.endsWith('.cbbackup')).length).toBeGreaterThanOrEqual(2);
    // As quitting does: stop the timer and wait for a backup thread still copying, so none is
    // left running when the test's process ends.
    await app.core.backupBeforeClose();
    // Two distinct files, each verified and audited as made by the timer (a tick may come before
    // the clock moves on: then the second shares the minute and gets a "-2" name).
    const [first, second] = backupAudit(app);
    expect(first).toMatch(/^automatic \(while running\); chartbook-2026-03-10-090000\.cbbackup/);
    expect(second).toMatch(/^automatic \(while running\); chartbook-2026-03-10-(130000|090000-2)\.cbbackup/);
  });
});
