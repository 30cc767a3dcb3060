import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { freshDataDir, launchApp } from '../harness/app-harness';
import { KEY_FILE } from '../../electron/main/security/key-file';
import { ADMIN } from './fixtures';
import { openAdminScreen } from './admin-helpers';
import { CLINIC_NAME, setUpClinic, signIn } from './helpers';

const SHOTS = '/tmp/shots';

base('a clinic moved to a computer without its key opens with the recovery key printed at set-up', async () => {
  base.setTimeout(240_000);
  const dataDir = freshDataDir();
  let app = await launchApp({ dataDir });
  await expect(app.page.getByRole('heading', { name: 'Set up Chartbook' })).toBeVisible();
  // The key as the sheet showed it, which the clinic prints and keeps.
  const recoveryKey = await setUpClinic(app.page);
  await app.close();

  // The new computer has the data folder but not this computer's key.
  fs.rmSync(path.join(dataDir, KEY_FILE));
  app = await launchApp({ dataDir });
  const page = app.page;
  await expect(page.getByRole('heading', { name: "Unlock the clinic's records" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/recovery-unlock.png`, fullPage: true });
  const field = page.getByLabel('Recovery key');

  await field.fill(recoveryKey.slice(0, -6));
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(field).toHaveAccessibleDescription(/55 characters/);
  await expect(field).toBeFocused();

  const mistyped = (recoveryKey[0] === 'A' ? 'B' : 'A') + recoveryKey.slice(1);
  await field.fill(mistyped);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(field).toHaveAccessibleDescription(/mistyped/);
  expect(fs.existsSync(path.join(dataDir, KEY_FILE))).toBe(false);

  await field.fill(recoveryKey.toLowerCase());
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(`Sign in to ${CLINIC_NAME}.`)).toBeVisible();
  await signIn(page, ADMIN);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  // This computer keeps the key from now on: the next start needs no recovery key.
  expect(fs.existsSync(path.join(dataDir, KEY_FILE))).toBe(true);
  await app.close();

  app = await launchApp({ dataDir });
  await expect(app.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await app.close();
});

base('an administrator sees the recovery key again in Settings only after typing their password', async () => {
  const app = await launchApp();
  const page = app.page;
  await expect(page.getByRole('heading', { name: 'Set up Chartbook' })).toBeVisible();
  await setUpClinic(page);
  await openAdminScreen(page, 'Settings');
  const section = page.getByRole('region', { name: 'Recovery key' });
  await section.getByLabel('Your password').fill('not my password');
  await section.getByRole('button', { name: 'Show the recovery key' }).click();
  await expect(section.getByRole('alert')).toContainText('not right');
  await section.getByLabel('Your password').fill(ADMIN.password);
  await section.getByRole('button', { name: 'Show the recovery key' }).click();
  await expect(section.getByLabel('Recovery key', { exact: true })).toHaveText(/^([0-9A-Z]{5} ){10}[0-9A-Z]{5}$/);
  await app.close();
});
