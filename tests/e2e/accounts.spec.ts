import { launchApp } from '../harness/app-harness';
import { expect, test } from './fixtures';
import {
  ADMIN_USER,
  IT_ADMIN,
  RECEPTIONIST,
  goTo,
  invokeFromPage,
  seedAndSignIn,
  seedClinic,
  signIn,
  type TestUser,
} from './helpers';
import {
  DESK,
  DR_LEE,
  dispatchOk,
  openTab,
  seedFrontDesk,
  sessionAs,
  test as frontDeskTest,
} from './frontdesk-helpers';

// Each test seeds colleagues who choose their own password (several scrypt hashes): give them time.
test.describe.configure({ timeout: 180_000 });

const lockScreen = (page: import('@playwright/test').Page) => page.getByRole('dialog', { name: 'Chartbook is locked' });
const nav = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Main' });

test('the lock screen appears when main’s idle time ends, with nothing done in the window', async () => {
  let mainNow = Date.now();
  const app = await launchApp({ now: () => new Date(mainNow) });
  try {
    const { page } = app;
    // The page's own clock stands still, so its own idle timer cannot be what locks it.
    await page.clock.install();
    await seedAndSignIn(app, RECEPTIONIST);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    await expect(nav(page)).toBeVisible();

    mainNow += 9 * 60_000;
    await page.waitForTimeout(1_000);
    await expect(lockScreen(page)).toHaveCount(0);

    // Main's clock passes the ten idle minutes; nobody touches the keyboard or the mouse.
    mainNow += 2 * 60_000;
    await expect(lockScreen(page)).toBeVisible({ timeout: 5_000 });
    await expect(nav(page)).toBeHidden();
    expect(await invokeFromPage(page, 'patients.search', { text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_LOCKED' },
    });
  } finally {
    await app.close();
  }
});

test.describe('passwords', () => {
  const NEW_NURSE: TestUser = {
    username: 'nina',
    displayName: 'Nina Ortiz',
    password: 'given by the office',
    roles: ['receptionist'],
  };

  test('a password an administrator set is replaced at the first sign-in', async ({ app, page }) => {
    await seedClinic(app, { users: [] });
    const admin = app.core.newSession();
    await dispatchOk(app, admin, 'auth.signIn', { username: ADMIN_USER.username, password: ADMIN_USER.password });
    await dispatchOk(app, admin, 'users.create', { ...NEW_NURSE });

    await page.getByLabel('User name').fill(NEW_NURSE.username);
    await page.getByLabel('Password').fill(NEW_NURSE.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await expect(nav(page)).toHaveCount(0);
    // Main agrees: nothing but choosing a password (or signing out) is allowed.
    expect(await invokeFromPage(page, 'patients.search', { text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_CHANGE_REQUIRED' },
    });

    const current = page.getByLabel('Current password');
    const fresh = page.getByLabel('New password', { exact: true });
    const confirm = page.getByLabel('Confirm new password');
    await current.fill(NEW_NURSE.password);
    await fresh.fill('Password123');
    await confirm.fill('Password123');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await expect(page.getByText(/one of the most common passwords/)).toBeVisible();
    await expect(fresh).toHaveAttribute('aria-invalid', 'true');

    await fresh.fill('nina and the sea');
    await confirm.fill('nina and the sea');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await expect(page.getByText('The password must not contain the user name')).toBeVisible();

    await fresh.fill('lanterns over water');
    await confirm.fill('lanterns over wat');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await expect(page.getByText('The two passwords are not the same; type the same password twice')).toBeVisible();

    await confirm.fill('lanterns over water');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await expect(nav(page)).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${NEW_NURSE.displayName}`);
    expect(await invokeFromPage(page, 'patients.search', { text: 'x' })).toMatchObject({ ok: true });
  });

  test('a reset by an administrator ends the session in the window, which says why', async ({ app, page }) => {
    await seedAndSignIn(app, RECEPTIONIST);
    await expect(nav(page)).toBeVisible();
    const admin = app.core.newSession();
    await dispatchOk(app, admin, 'auth.signIn', { username: ADMIN_USER.username, password: ADMIN_USER.password });
    const ruth = (await dispatchOk(app, admin, 'users.list', {})).find((u) => u.username === RECEPTIONIST.username)!;
    await dispatchOk(app, admin, 'users.resetPassword', { id: ruth.id, newPassword: 'given by the office' });

    await page.getByLabel('Search patients').fill('Mensah');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Your session was ended');
    await signInExpectingNewPassword(page, RECEPTIONIST.username, 'given by the office');
  });

  async function signInExpectingNewPassword(page: import('@playwright/test').Page, username: string, password: string) {
    await page.getByLabel('User name').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  }

  test('changing one’s own roles asks for one’s password', async ({ app, page }) => {
    await seedClinic(app, { users: [IT_ADMIN] });
    await signIn(page, IT_ADMIN);
    await goTo(page, 'Users');
    await page
      .getByRole('row', { name: new RegExp(IT_ADMIN.displayName) })
      .getByRole('button', { name: 'Edit' })
      .click();
    const dialog = page.getByRole('dialog', { name: `Edit ${IT_ADMIN.displayName}` });
    await expect(dialog.getByLabel('Your password')).toHaveCount(0);
    await dialog.getByRole('checkbox', { name: /Doctor/ }).check();
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog.getByText('Enter your password to change your own roles')).toBeVisible();
    await dialog.getByLabel('Your password').fill(IT_ADMIN.password);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row', { name: new RegExp(IT_ADMIN.displayName) })).toContainText('Doctor');
  });
});

test('an administrator who is not a doctor sees patients by record number in the audit log', async ({ app, page }) => {
  await seedClinic(app, { users: [RECEPTIONIST, IT_ADMIN] });
  const desk = app.core.newSession();
  await dispatchOk(app, desk, 'auth.signIn', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
  const patient = await dispatchOk(app, desk, 'patients.register', {
    patient: { givenNames: 'Zofia', familyName: 'Quist', sex: 'female', birth: { kind: 'date', date: '1970-05-06' } },
    confirmedNotDuplicate: true,
  });
  await signIn(page, IT_ADMIN);
  await goTo(page, 'Audit');
  await expect(page.getByText(/their names are shown to clinical staff only/)).toBeVisible();
  const table = page.getByRole('table');
  await expect(table).toContainText(patient.mrn);
  await expect(table).not.toContainText('Quist');
});

frontDeskTest('the front desk is not offered “Done” for a patient with the doctor', async ({ app, page }) => {
  const seeded = await seedFrontDesk(app);
  await dispatchOk(app, seeded.desk, 'appointments.checkIn', { id: seeded.booked.bruno, version: 1 });
  const lee = await sessionAs(app, DR_LEE);
  await dispatchOk(app, lee, 'appointments.callNext', {});

  await openTab(app, DESK, 'Queue');
  await page.getByLabel('Doctor', { exact: true }).selectOption({ label: 'Dr Lee' });
  const inRoom = page.getByRole('table', { name: 'With the doctor' });
  await expect(inRoom).toContainText('Bruno Bianchi');
  await expect(inRoom.getByRole('button')).toHaveCount(0);
  expect(
    await invokeFromPage(page, 'appointments.advance', { id: seeded.booked.bruno, version: 3, status: 'done' }),
  ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
