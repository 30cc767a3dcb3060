import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { launchApp } from '../harness/app-harness';
import { test, expect } from './fixtures';
import {
  ADMIN_USER,
  DOCTOR,
  IT_ADMIN,
  RECEPTIONIST,
  goTo,
  invokeFromPage,
  registerPatient,
  seedAndSignIn,
  seedClinic,
  signIn,
  signOut,
} from './helpers';

const SHOTS = '/tmp/shots';
test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const lockScreen = (page: Page) => page.getByRole('dialog', { name: 'Chartbook is locked' });

async function unlock(page: Page, user: { username: string; password: string }) {
  const dialog = lockScreen(page);
  await dialog.getByLabel('User name').fill(user.username);
  await dialog.getByLabel('Password').fill(user.password);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog).toBeHidden();
}

test.describe('navigation by role', () => {
  test('an administrator who is also a doctor sees every section', async ({ app, page }) => {
    await seedAndSignIn(app, ADMIN_USER);
    await expect(nav(page).getByRole('button')).toHaveText([
      'Patients',
      'Appointments',
      'Results',
      'Formulary',
      'Lab tests',
      'Lab imports',
      'Users',
      "Doctors' hours",
      'Settings',
      'Backups',
      'Audit',
    ]);
    await expect(nav(page).getByRole('button', { name: 'Patients' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByLabel('Search patients')).toBeVisible();
  });

  test('a receptionist sees no administration, and main refuses it too', async ({ app, page }) => {
    await seedAndSignIn(app, RECEPTIONIST);
    await expect(nav(page).getByRole('button')).toHaveText(['Patients', 'Appointments', 'Backups']);
    const result = await invokeFromPage(page, 'audit.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invokeFromPage(page, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('a doctor without the administrator role sees no administration', async ({ app, page }) => {
    await seedAndSignIn(app, DOCTOR);
    await expect(nav(page).getByRole('button')).toHaveText([
      'Patients',
      'Appointments',
      'Results',
      'Formulary',
      'Lab tests',
      'Lab imports',
      'Backups',
    ]);
    expect(await invokeFromPage(page, 'audit.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('an administrator-only account sees administration and why Patients is empty', async ({ app, page }) => {
    await seedAndSignIn(app, IT_ADMIN);
    await expect(nav(page).getByRole('button')).toHaveText([
      'Patients',
      'Appointments',
      'Formulary',
      'Lab tests',
      'Users',
      "Doctors' hours",
      'Settings',
      'Backups',
      'Audit',
    ]);
    await expect(page.getByText('Patient records need the doctor or receptionist role.')).toBeVisible();
    await expect(page.getByLabel('Search patients')).toHaveCount(0);
    // Shortcuts to patient work land on the same explanation instead of failing.
    await goTo(page, 'Audit');
    await page.keyboard.press('Control+k');
    await expect(nav(page).getByRole('button', { name: 'Patients' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText('Patient records need the doctor or receptionist role.')).toBeVisible();
  });

  test('Appointments opens the appointment book', async ({ app, page }) => {
    await seedAndSignIn(app, RECEPTIONIST);
    await goTo(page, 'Appointments');
    await expect(page.getByRole('tab', { name: 'Day', exact: true })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Today' })).toBeVisible();
  });
});

test.describe('lock', () => {
  test('Ctrl+L locks at once, hides everything, and unlocking returns to the same place', async ({ app, page }) => {
    await seedClinic(app);
    await registerPatient(app, { givenNames: 'Hana', familyName: 'Nakamura', birthDate: '1984-03-02' });
    await signIn(page, ADMIN_USER);
    const search = page.getByLabel('Search patients');
    await search.fill('Nakamura');
    await expect(page.locator('body')).toContainText('Hana', { useInnerText: true });
    await goTo(page, 'Appointments');
    await goTo(page, 'Patients');
    await search.click();

    await page.keyboard.press('Control+l');
    await expect(lockScreen(page)).toBeVisible();
    await expect(lockScreen(page).getByLabel('Password')).toBeFocused();
    await expect(lockScreen(page)).toContainText(`Locked for ${ADMIN_USER.displayName}`);
    // Nothing of the shell can be seen or reached.
    await expect(nav(page)).toBeHidden();
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(search).toBeHidden();
    await expect(page.locator('body')).not.toContainText('Nakamura', { useInnerText: true });
    await expect(page.locator('body')).not.toContainText('Hana', { useInnerText: true });
    // Main is locked too: a direct call for patient data is refused.
    expect(await invokeFromPage(page, 'patients.search', { text: 'Nakamura' })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_LOCKED' },
    });
    // Escape does not dismiss the lock screen.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(lockScreen(page)).toBeVisible();
    await expect(lockScreen(page).getByLabel('Password')).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/lock-screen-light.png` });

    // A wrong password keeps it locked.
    await lockScreen(page).getByLabel('Password').fill('not it at all');
    await lockScreen(page).getByRole('button', { name: 'Unlock' }).click();
    await expect(lockScreen(page).getByRole('alert')).toContainText('do not match');

    await unlock(page, ADMIN_USER);
    await expect(search).toHaveValue('Nakamura');
    await expect(search).toBeFocused();
    await expect(page.locator('body')).toContainText('Hana', { useInnerText: true });
    await expect(nav(page).getByRole('button', { name: 'Patients' })).toHaveAttribute('aria-current', 'page');
  });

  test('the lock button and the menu command lock too; a dialog left open stays under the lock', async ({
    app,
    page,
  }) => {
    await seedAndSignIn(app, ADMIN_USER);
    await goTo(page, 'Settings');
    await page.getByRole('button', { name: 'Lock' }).click();
    await expect(lockScreen(page)).toBeVisible();
    await unlock(page, ADMIN_USER);
    await expect(nav(page).getByRole('button', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');

    await page.keyboard.press('F1');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await app.emit('menu.command', 'lock');
    await expect(lockScreen(page)).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
    // The lock screen still works although another modal dialog is open underneath.
    await unlock(page, ADMIN_USER);
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  });

  test('another person unlocking gets a fresh screen, and can sign out from the lock screen', async ({ app, page }) => {
    await seedAndSignIn(app, ADMIN_USER);
    await page.getByLabel('Search patients').fill('Okafor');
    await goTo(page, 'Audit');
    await page.keyboard.press('Control+l');
    await unlock(page, DOCTOR);
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${DOCTOR.displayName}`);
    await expect(nav(page).getByRole('button')).toHaveText([
      'Patients',
      'Appointments',
      'Results',
      'Formulary',
      'Lab tests',
      'Lab imports',
      'Backups',
    ]);
    await expect(nav(page).getByRole('button', { name: 'Patients' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByLabel('Search patients')).toHaveValue('');

    await page.keyboard.press('Control+l');
    await lockScreen(page).getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(await invokeFromPage(page, 'settings.get', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  test('after the idle time without use, the screen locks by itself', async ({ app, page }) => {
    await page.clock.install();
    await seedClinic(app, { clinic: { idleLockMinutes: 1 } });
    await signIn(page, RECEPTIONIST);
    await page.getByLabel('Search patients').fill('Mensah');
    // From here on the page's time moves only when the test says so.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);

    // Activity resets the idle timer.
    await page.clock.fastForward('00:40');
    await page.keyboard.press('Shift');
    await page.clock.fastForward('00:40');
    await expect(nav(page)).toBeVisible();
    await expect(lockScreen(page)).toHaveCount(0);

    await page.clock.fastForward('00:25');
    await expect(lockScreen(page)).toBeVisible();
    await expect(nav(page)).toBeHidden();
    // Main locked the session as well.
    expect(await invokeFromPage(page, 'patients.search', { text: 'Mensah' })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_LOCKED' },
    });
    await unlock(page, RECEPTIONIST);
    await expect(page.getByLabel('Search patients')).toHaveValue('Mensah');
  });
});

test('when main finds the session idle, the next call shows the lock screen', async () => {
  let mainNow = Date.now();
  const app = await launchApp({ now: () => new Date(mainNow) });
  try {
    const { page } = app;
    await page.clock.install();
    await seedAndSignIn(app, RECEPTIONIST);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    // The renderer reports activity to main (session.touch) once a minute, which keeps main in step.
    for (let minute = 0; minute < 12; minute++) {
      mainNow += 60_000;
      await page.clock.fastForward('01:00');
      await page.keyboard.press('Shift');
    }
    await expect(nav(page)).toBeVisible();
    expect(await invokeFromPage(page, 'patients.search', { text: 'x' })).toMatchObject({ ok: true });

    // Main's clock jumps past the idle limit with no touch in between; the renderer's next call is refused.
    mainNow += 11 * 60_000;
    await page.clock.fastForward('01:00');
    await page.keyboard.press('Shift');
    await expect(lockScreen(page)).toBeVisible();
    await expect(nav(page)).toBeHidden();
  } finally {
    await app.close();
  }
});

test('with a one-minute idle lock, a person who keeps working is never locked out by main', async () => {
  let mainNow = Date.now();
  const app = await launchApp({ now: () => new Date(mainNow) });
  try {
    const { page } = app;
    await page.clock.install();
    await seedClinic(app, { clinic: { idleLockMinutes: 1 } });
    await signIn(page, RECEPTIONIST);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    mainNow += 1_000;
    for (let step = 0; step < 6; step++) {
      mainNow += 40_000;
      await page.clock.fastForward('00:40');
      await page.keyboard.press('Shift');
    }
    await expect(lockScreen(page)).toHaveCount(0);
    expect(await invokeFromPage(page, 'patients.search', { text: 'x' })).toMatchObject({ ok: true });
  } finally {
    await app.close();
  }
});

test.describe('keyboard shortcuts', () => {
  test('F1 and ? open the list; Ctrl+K, / and Ctrl+Shift+N go to patient work', async ({ app, page }) => {
    await seedAndSignIn(app, RECEPTIONIST);
    await page.keyboard.press('F1');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    for (const action of ['Find a patient', 'Register a new patient', 'Lock Chartbook', 'Show this list']) {
      await expect(dialog.getByRole('row').filter({ hasText: action })).toHaveCount(1);
    }
    await expect(dialog.getByRole('row').filter({ hasText: 'Lock Chartbook' })).toContainText('Ctrl+L');
    await page.screenshot({ path: `${SHOTS}/shortcuts-dialog.png` });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await goTo(page, 'Appointments');
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.keyboard.press('Control+k');
    await expect(nav(page).getByRole('button', { name: 'Patients' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByLabel('Search patients')).toBeFocused();
    // "/" and "?" are plain characters while typing in a field.
    await page.keyboard.type('a/b?');
    await expect(page.getByLabel('Search patients')).toHaveValue('a/b?');
    await expect(dialog).toBeHidden();

    await goTo(page, 'Appointments');
    await page.keyboard.press('/');
    await expect(page.getByLabel('Search patients')).toBeFocused();

    await goTo(page, 'Appointments');
    await page.keyboard.press('Control+Shift+N');
    await expect(nav(page).getByRole('button', { name: 'Patients' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByLabel('Search patients')).toHaveCount(0);
  });

  test('the Electron menu triggers the same commands', async ({ app, page }) => {
    await seedAndSignIn(app, RECEPTIONIST);
    await goTo(page, 'Appointments');
    await app.emit('menu.command', 'shortcuts');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await app.emit('menu.command', 'focus-search');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
    await expect(page.getByLabel('Search patients')).toBeFocused();
    await app.emit('menu.command', 'not-a-command');
    await expect(page.getByLabel('Search patients')).toBeFocused();
  });
});

test.describe('themes', () => {
  test('the dark theme toggle is remembered; screenshots of each screen in both themes', async ({ app, page }) => {
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: `${SHOTS}/setup-dark.png`, fullPage: true });

    await seedClinic(app); // reloads the page: the choice survives
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: `${SHOTS}/sign-in-dark.png` });
    await signIn(page, ADMIN_USER);
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    await page.screenshot({ path: `${SHOTS}/shell-dark.png` });
    await page.keyboard.press('Control+l');
    await page.screenshot({ path: `${SHOTS}/lock-screen-dark.png` });
    await unlock(page, ADMIN_USER);

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.screenshot({ path: `${SHOTS}/shell-light.png` });
    await goTo(page, 'Appointments');
    await page.screenshot({ path: `${SHOTS}/appointments-light.png` });
    await signOut(page);
  });

  test('with no choice made, the theme follows the system setting', async () => {
    const app = await launchApp({ colorScheme: 'dark' });
    try {
      await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await expect(app.page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    } finally {
      await app.close();
    }
  });
});
