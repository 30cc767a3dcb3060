import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { freshDataDir, launchApp, type RunningApp } from '../harness/app-harness';
import { openEncrypted } from '../../electron/main/db/encryption';
import { deriveClinicKeys } from '../../electron/main/security/clinic-keys';
import { keyFileMasterKey } from '../../electron/main/security/key-file';
import { filesHolding, filesUnder, storedDraft } from './drafts-helpers';
import {
  dispatchOk,
  fillPatientForm,
  openPatientsAsReceptionist,
  openRegisterForm,
  RECEPTIONIST,
} from './patients-helpers';

/** electron/main/core.ts DATABASE_FILE (core.ts itself pulls in JSON imports Playwright's loader refuses). */
const DATABASE_FILE = 'chartbook.sqlite';

/**
 * Nothing typed is lost, and nothing typed is left readable in the browser profile: a registration's
 * notes come back after a reload and after the app is closed and started again, and afterwards no
 * file of Chromium's profile folder (a real, persistent one) holds them, while main's database does.
 */
test('a registration draft lives in main, survives a restart, and leaves nothing in the browser profile', async () => {
  test.setTimeout(180_000); // two starts of the app, and Chromium writing its profile out as it closes
  const profile = freshDataDir('chartbook-profile-');
  const canary = `canary-${randomUUID()}`;
  const notes = `Allergic to penicillin. ${canary}`;
  let app: RunningApp | undefined = await launchApp({ userDataDir: profile });
  let dataDir = app.dataDir;
  try {
    await openPatientsAsReceptionist(app);
    const { page } = app;
    await openRegisterForm(page);
    await fillPatientForm(page, { givenNames: 'Thandiwe', familyName: 'Mokoena', phone: '082 555 0199' });
    await page.getByLabel('Registration notes').fill(notes);
    // Autosaved into main about half a second after typing stops, with no blur or save.
    await expect.poll(async () => (await storedDraft(app!, 'registration', ''))?.body.form.notes).toBe(notes);

    await page.reload();
    await openRegisterForm(page);
    await expect(page.getByText(/Your unfinished registration from .* was restored/)).toBeVisible();
    await expect(page.getByLabel('Registration notes')).toHaveValue(notes);

    // Closed (browser and core) and started again on the same profile and data folder.
    await app.close();
    app = await launchApp({ userDataDir: profile, dataDir });
    await dispatchOk(app, app.session, 'auth.signIn', {
      username: RECEPTIONIST.username,
      password: RECEPTIONIST.password,
    });
    await app.page.reload();
    await openRegisterForm(app.page);
    await expect(app.page.getByLabel('Given names')).toHaveValue('Thandiwe');
    await expect(app.page.getByLabel('Registration notes')).toHaveValue(notes);
    // Nothing is written to the browser's storage on the way, either.
    expect(await app.page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  } finally {
    dataDir = app?.dataDir ?? dataDir;
    await app?.close(); // Chromium flushes its profile to disk as it closes
  }

  // The scan can find things: the profile has files, and the check finds text Chromium did keep.
  const files = filesUnder(profile);
  expect(files.length).toBeGreaterThan(10);
  expect(filesHolding(profile, 'chartbook.localhost').length).toBeGreaterThan(0);
  expect(filesHolding(profile, canary)).toEqual([]);

  // ...and the text is where it belongs: this person's draft in main's database, which is encrypted
  // (the canary is not readable in its file or WAL either).
  expect(filesHolding(dataDir, canary)).toEqual([]);
  const key = deriveClinicKeys(keyFileMasterKey(dataDir)).database;
  const db = openEncrypted(path.join(dataDir, DATABASE_FILE), key, { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT u.username, d.kind, d.draft_key, d.body FROM drafts d JOIN users u ON u.id = d.user_id`)
      .all() as { username: string; kind: string; draft_key: string; body: string }[];
    expect(rows.map((r) => [r.username, r.kind, r.draft_key])).toEqual([[RECEPTIONIST.username, 'registration', '']]);
    expect(rows[0]!.body).toContain(canary);
  } finally {
    db.close();
  }
  fs.rmSync(profile, { recursive: true, force: true });
});
