import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, ADMIN } from './fixtures';
import { CLINIC, createUser, createUserReady, dispatchOk, seedClinic, signInPage } from './admin-helpers';

async function openBackups(page: import('@playwright/test').Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Backups', exact: true })
    .or(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backups', exact: true }))
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
}

test('an administrator is warned, chooses a folder, backs up, and restores a backup', async ({ app, page }) => {
  const clinic = await seedClinic(app);
  await signInPage(app);
  await expect(page.getByText("The clinic's data has never been backed up.")).toBeVisible();
  await page.getByRole('button', { name: 'Open backups' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();

  const folderField = page.getByRole('textbox', { name: 'Backup folder' });
  await folderField.fill('relative/path');
  await page.getByRole('button', { name: 'Check folder and use it' }).click();
  await expect(page.getByText(/Enter the whole path/)).toBeVisible();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-e2e-backups-'));
  await folderField.fill(folder);
  await page.getByRole('button', { name: 'Check folder and use it' }).click();
  await expect(page.getByText(`Backups will go to ${folder}.`)).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText(/Backup chartbook-.*\.cbbackup made and checked/)).toBeVisible({ timeout: 60_000 });
  const table = page.getByRole('table', { name: 'Backups in the backup folder, newest first' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByText('Checked when made')).toBeVisible();
  await expect(page.getByText("The clinic's data has never been backed up.")).toBeHidden();

  // Something recorded after the backup, which the restore takes back.
  await createUser(app, clinic, {
    username: 'later',
    displayName: 'Later Person',
    password: 'a long password 1',
    roles: ['receptionist'],
  });

  await table.getByRole('button', { name: /^Restore chartbook-/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Restore chartbook-/ });
  await dialog.getByLabel(/Type the clinic's name/).fill('Wrong name');
  await dialog.getByLabel('Your password').fill(ADMIN.password);
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(
    dialog.getByText(`Type the clinic's name exactly as shown to confirm: ${CLINIC.clinicName}.`).first(),
  ).toBeVisible();
  await dialog.getByLabel(/Type the clinic's name/).fill(CLINIC.clinicName);
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();

  // Everyone signs in again, to the restored data (which has no "later" account).
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 60_000 });
  const check = app.core.newSession();
  const result = await app.core.dispatch(check, 'auth.signIn', { username: 'later', password: 'a long password 1' });
  expect(result.ok).toBe(false);
  await dispatchOk(app, check, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  expect(fs.readdirSync(app.dataDir).some((f) => f.startsWith('chartbook-before-restore-'))).toBe(true);
});

test('the front desk sees the backup status but cannot back up or restore', async ({ app, page }) => {
  const clinic = await seedClinic(app);
  await createUserReady(app, clinic.adminSession, {
    username: 'rita',
    displayName: 'Rita Mensah',
    password: 'front desk 2024!',
    roles: ['receptionist'],
  });
  await signInPage(app, 'rita', 'front desk 2024!');
  await expect(page.getByText("The clinic's data has never been backed up.")).toBeHidden();
  await openBackups(page);
  await expect(page.getByText("There is no backup of the clinic's data yet.", { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back up now' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Backup folder' })).toHaveCount(0);
});
