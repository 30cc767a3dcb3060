import { test, expect } from '@playwright/test';
import { freshDataDir, launchApp } from '../harness/app-harness';
import { auditSeqs, tamper } from '../integration/audit/tamper';
import { openAdminScreen, openAsAdmin, seedClinic } from './admin-helpers';

/**
 * Someone edits the audit log in the database file between two runs of Chartbook on the same
 * data folder: the next time an administrator signs in, the alarm names the entry.
 */
test('an administrator is warned that the audit trail was altered, naming the entry', async () => {
  const dataDir = freshDataDir();
  const first = await launchApp({ dataDir });
  try {
    await seedClinic(first);
    await openAsAdmin(first, 'Audit');
    await expect(first.page.getByRole('status').filter({ hasText: 'Audit trail checked' })).toBeVisible();
    await expect(first.page.getByRole('alert')).toHaveCount(0);
  } finally {
    await first.close();
  }

  const target = auditSeqs(dataDir)[1]!;
  tamper(dataDir, (db) => db.prepare(`UPDATE audit_log SET username = 'someone else' WHERE seq = ?`).run(target));

  const second = await launchApp({ dataDir });
  try {
    await openAsAdmin(second, 'Audit');
    const alarm = second.page.getByRole('alert').filter({ hasText: 'The audit trail has been altered' });
    await expect(alarm).toBeVisible();
    await expect(alarm).toContainText(`Entry #${target} (`);
    await expect(alarm).toContainText('someone else');
    await expect(alarm).toContainText('Contact your Chartbook support person');
    await second.page.screenshot({ path: '/tmp/shots/audit-integrity-alarm.png' });

    await alarm.getByRole('button', { name: 'Check again' }).click();
    await expect(alarm).toContainText(`Entry #${target} (`);
    // The check on demand is itself in the log.
    await expect(second.page.getByRole('table', { name: 'Audit entries, newest first' })).toContainText(
      'Audit trail checked',
    );
    // The alarm is at the top of every screen for administrators, not only the audit log.
    await openAdminScreen(second.page, 'Users');
    await expect(second.page.getByRole('alert').filter({ hasText: 'The audit trail has been altered' })).toBeVisible();
  } finally {
    await second.close();
  }
});
