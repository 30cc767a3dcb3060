import fs from 'node:fs';
import { test, expect, ADMIN } from './fixtures';
import {
  CLINIC,
  auditTable,
  createUser,
  dispatchError,
  dispatchOk,
  openAdminScreen,
  openAsAdmin,
  seedClinic,
  userRow,
} from './admin-helpers';

const RITA = {
  username: 'rita',
  displayName: 'Rita Mensah',
  password: 'front desk 2024!',
  roles: ['receptionist' as const],
};
const SHOTS = '/tmp/shots';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test.describe('Users', () => {
  test('an administrator adds a receptionist, who can then sign in', async ({ app, page }) => {
    await seedClinic(app);
    await openAsAdmin(app, 'Users');

    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel('Name', { exact: true }).fill(RITA.displayName);
    await dialog.getByLabel('User name').fill(RITA.username);
    await dialog.getByLabel('Password', { exact: true }).fill(RITA.password);
    await dialog.getByLabel('Confirm password').fill(RITA.password);
    await dialog.getByRole('checkbox', { name: 'Receptionist' }).check();
    await page.screenshot({ path: `${SHOTS}/admin-users-add-dialog.png` });
    await dialog.getByRole('button', { name: 'Add user' }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Rita Mensah can now sign in as “rita”');
    const row = userRow(page, 'Rita Mensah');
    // The password the administrator chose is good for one sign-in: Rita chooses her own then.
    await expect(row.getByRole('cell')).toHaveText(['rita', 'Receptionist', 'Must choose a new password', /Edit/]);
    await page.screenshot({ path: `${SHOTS}/admin-users.png` });

    const receptionist = app.core.newSession();
    const info = await dispatchOk(app, receptionist, 'auth.signIn', { username: 'rita', password: RITA.password });
    expect(info.roles).toEqual(['receptionist']);
    expect(info.mustChangePassword).toBe(true);
  });

  test('a taken user name and mismatched passwords are shown next to their fields', async ({ app, page }) => {
    await seedClinic(app);
    await openAsAdmin(app, 'Users');

    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel('Name', { exact: true }).fill('Another Admin');
    await dialog.getByLabel('User name').fill('ADMIN');
    await dialog.getByLabel('Password', { exact: true }).fill('long enough password');
    await dialog.getByLabel('Confirm password').fill('long enough passwort');
    await dialog.getByRole('checkbox', { name: 'Doctor' }).check();
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await expect(dialog.getByLabel('Confirm password')).toHaveAccessibleDescription(/not the same/);

    await dialog.getByLabel('Confirm password').fill('long enough password');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await expect(dialog.getByLabel('User name')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('User name')).toHaveAccessibleDescription(/This user name is taken; choose another/);
    // The rest of what was typed stays, so only the user name needs fixing.
    await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Another Admin');
    await page.screenshot({ path: `${SHOTS}/admin-users-duplicate.png` });

    await dialog.getByLabel('User name').fill('another');
    await dialog.getByRole('button', { name: 'Add user' }).click();
    await expect(dialog).toBeHidden();
    await expect(userRow(page, 'Another Admin').getByRole('cell').nth(1)).toHaveText('Doctor');
  });

  test('an administrator changes a person’s name and roles', async ({ app, page }) => {
    const clinic = await seedClinic(app);
    await createUser(app, clinic, RITA);
    await openAsAdmin(app, 'Users');

    await userRow(page, 'Rita Mensah').getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Rita Mensah' });
    await dialog.getByLabel('Name', { exact: true }).fill('Rita Mensah-Owusu');
    await dialog.getByRole('checkbox', { name: 'Doctor' }).check();
    await dialog.getByRole('button', { name: 'Save changes' }).click();

    await expect(dialog).toBeHidden();
    await expect(userRow(page, 'Rita Mensah-Owusu').getByRole('cell').nth(1)).toHaveText('Doctor, Receptionist');
    const users = await dispatchOk(app, clinic.adminSession, 'users.list', {});
    expect(users.find((u) => u.username === 'rita')?.roles).toEqual(['doctor', 'receptionist']);
  });

  test('resetting the password unlocks an account locked by failed sign-ins', async ({ app, page }) => {
    const clinic = await seedClinic(app);
    await createUser(app, clinic, RITA);
    const attacker = app.core.newSession();
    for (let i = 0; i < 5; i++) {
      await dispatchError(app, attacker, 'auth.signIn', { username: 'rita', password: `wrong guess ${i}` });
    }
    expect(
      (await dispatchError(app, attacker, 'auth.signIn', { username: 'rita', password: RITA.password })).code,
    ).toBe('ACCOUNT_LOCKED');

    await openAsAdmin(app, 'Users');
    const row = userRow(page, 'Rita Mensah');
    await expect(row.getByRole('cell').nth(2)).toHaveText(/^Locked until \d{1,2}:\d{2}/);
    await row.getByRole('button', { name: 'Reset password' }).click();

    const dialog = page.getByRole('dialog', { name: 'Reset password for Rita Mensah' });
    await expect(dialog).toContainText('unlocks the account');
    await dialog.getByLabel('New password', { exact: true }).fill('a fresh start 99');
    await dialog.getByLabel('Confirm new password').fill('a fresh start 99');
    await page.screenshot({ path: `${SHOTS}/admin-users-reset.png` });
    await dialog.getByRole('button', { name: 'Reset password' }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status')).toContainText('The account is unlocked');
    await expect(row.getByRole('cell').nth(2)).toHaveText('Must choose a new password');
    const rita = app.core.newSession();
    await dispatchOk(app, rita, 'auth.signIn', { username: 'rita', password: 'a fresh start 99' });
  });

  test('a disabled account cannot sign in until it is enabled again', async ({ app, page }) => {
    const clinic = await seedClinic(app);
    await createUser(app, clinic, RITA);
    await openAsAdmin(app, 'Users');

    await userRow(page, 'Rita Mensah').getByRole('button', { name: 'Disable' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disable Rita Mensah?' });
    await expect(dialog).toContainText('The account is not deleted');
    await page.screenshot({ path: `${SHOTS}/admin-users-disable.png` });
    await dialog.getByRole('button', { name: 'Disable account' }).click();

    await expect(dialog).toBeHidden();
    await expect(userRow(page, 'Rita Mensah').getByRole('cell').nth(2)).toHaveText('Disabled');
    const rita = app.core.newSession();
    const refused = await dispatchError(app, rita, 'auth.signIn', { username: 'rita', password: RITA.password });
    expect(refused.code).toBe('ACCOUNT_DISABLED');

    await userRow(page, 'Rita Mensah').getByRole('button', { name: 'Enable' }).click();
    await page
      .getByRole('dialog', { name: 'Enable Rita Mensah?' })
      .getByRole('button', { name: 'Enable account' })
      .click();
    await expect(userRow(page, 'Rita Mensah').getByRole('cell').nth(2)).toHaveText('Active');
    await dispatchOk(app, rita, 'auth.signIn', { username: 'rita', password: RITA.password });
  });

  test('the last administrator can be neither disabled nor stripped of the role', async ({ app, page }) => {
    const clinic = await seedClinic(app);
    await createUser(app, clinic, RITA);
    await openAsAdmin(app, 'Users');
    const me = userRow(page, ADMIN.displayName);
    await expect(me).toContainText('(you)');

    await me.getByRole('button', { name: 'Disable' }).click();
    const disable = page.getByRole('dialog', { name: `Disable ${ADMIN.displayName}?` });
    await disable.getByRole('button', { name: 'Disable account' }).click();
    await expect(disable.getByRole('alert')).toHaveText('You cannot disable your own account while signed in to it.');
    await page.screenshot({ path: `${SHOTS}/admin-users-last-admin.png` });
    await disable.getByRole('button', { name: 'Cancel' }).click();
    await expect(me.getByRole('cell').nth(2)).toHaveText('Active');

    await me.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${ADMIN.displayName}` });
    await edit.getByRole('checkbox', { name: 'Administrator' }).uncheck();
    // Changing one's own roles needs one's password.
    await edit.getByLabel('Your password').fill(ADMIN.password);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit.getByRole('alert')).toHaveText(
      'Keep the administrator role: this is the last active administrator',
    );
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await expect(me.getByRole('cell').nth(1)).toHaveText('Administrator, Doctor');

    const users = await dispatchOk(app, clinic.adminSession, 'users.list', {});
    const admin = users.find((u) => u.username === ADMIN.username);
    expect(admin).toMatchObject({ disabled: false, roles: ['admin', 'doctor'] });
  });
});

test.describe('Settings', () => {
  test('clinic settings are saved, survive a reload, and errors keep what was typed', async ({ app, page }) => {
    await seedClinic(app);
    await openAsAdmin(app, 'Settings');

    const name = page.getByLabel('Clinic name');
    await expect(name).toHaveValue(CLINIC.clinicName);
    await expect(page.getByLabel('Time zone')).toHaveValue(CLINIC.timeZone);
    await page.screenshot({ path: `${SHOTS}/admin-settings.png` });

    await name.fill('');
    await page.getByLabel('Phone', { exact: true }).fill('+233 30 123 4567');
    await page.getByLabel('Lock after idle, minutes').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(name).toHaveAccessibleDescription('Enter the clinic’s name');
    await expect(page.getByLabel('Lock after idle, minutes')).toHaveAccessibleDescription(/between 1 and 240 minutes/);
    await expect(page.getByLabel('Phone', { exact: true })).toHaveValue('+233 30 123 4567');
    await page.screenshot({ path: `${SHOTS}/admin-settings-errors.png` });

    await name.fill('Harbour Street Clinic');
    await page.getByLabel('Address', { exact: true }).fill('4 Harbour Street\nAccra');
    await page.getByLabel('Time zone').selectOption('Africa/Accra');
    await page.getByLabel('Lock after idle, minutes').fill('15');
    await page.getByLabel('Paper size').selectOption({ label: 'US Letter' });
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status')).toHaveText('Settings saved.');
    await expect(name).not.toHaveAttribute('aria-invalid', 'true');

    await page.reload();
    await openAdminScreen(page, 'Settings');
    await expect(page.getByLabel('Clinic name')).toHaveValue('Harbour Street Clinic');
    await expect(page.getByLabel('Address', { exact: true })).toHaveValue('4 Harbour Street\nAccra');
    await expect(page.getByLabel('Phone', { exact: true })).toHaveValue('+233 30 123 4567');
    await expect(page.getByLabel('Time zone')).toHaveValue('Africa/Accra');
    await expect(page.getByLabel('Lock after idle, minutes')).toHaveValue('15');
    await expect(page.getByLabel('Paper size')).toHaveValue('LETTER');
  });
});

test.describe('Audit', () => {
  const HOSTILE_NAME = '=HYPERLINK("http://evil.example","Click")';

  /** Sign-ins, a failed sign-in, and a patient registered and viewed by the doctor-administrator. */
  async function seedActivity(app: Parameters<typeof seedClinic>[0]) {
    const clinic = await seedClinic(app);
    await createUser(app, clinic, RITA);
    const other = app.core.newSession();
    await dispatchOk(app, other, 'auth.signIn', { username: 'rita', password: RITA.password });
    await dispatchError(app, app.core.newSession(), 'auth.signIn', { username: 'rita', password: 'not her password' });
    await dispatchError(app, app.core.newSession(), 'auth.signIn', { username: '=1+2', password: 'whatever it is' });
    const patient = await dispatchOk(app, clinic.adminSession, 'patients.register', {
      patient: {
        givenNames: HOSTILE_NAME,
        familyName: 'Doe',
        sex: 'female',
        birth: { kind: 'date', date: '1980-04-02' },
      },
    });
    await dispatchOk(app, clinic.adminSession, 'patients.get', { id: patient.id });
    return { clinic, patient };
  }

  test('shows sign-ins, failed sign-ins and patient access, and filters narrow the list', async ({ app, page }) => {
    const { patient } = await seedActivity(app);
    await openAsAdmin(app, 'Audit');

    const table = auditTable(page);
    await expect(
      table.getByRole('row').filter({ hasText: 'Failed sign-in' }).filter({ hasText: 'rita' }),
    ).toContainText('wrong password');
    await expect(table.getByRole('row').filter({ hasText: 'Patient registered' })).toContainText(`(${patient.mrn})`);
    await expect(table.getByRole('row').filter({ hasText: 'Patient viewed' })).toContainText(HOSTILE_NAME);
    // Setup, rita's first sign-in (to choose her own password), rita again, and this page.
    await expect(table.getByRole('row').filter({ hasText: 'Signed in' })).toHaveCount(4);
    const all = await page.getByText(/^Showing 1–\d+ of \d+$/).textContent();
    const total = Number(all?.match(/of (\d+)$/)?.[1]);
    await page.screenshot({ path: `${SHOTS}/admin-audit.png` });

    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Failed sign-in' });
    await expect(page.getByText('Showing 1–2 of 2')).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(3); // header + 2
    await expect(table.getByRole('cell', { name: 'Failed sign-in' })).toHaveCount(2);

    await page.getByLabel('User', { exact: true }).selectOption({ label: `${RITA.displayName} (rita)` });
    await expect(page.getByText('Showing 1–1 of 1')).toBeVisible();
    await expect(table.getByRole('row').nth(1)).toContainText('wrong password');

    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'All actions' });
    // Her first sign-in, choosing her own password, signing out, her sign-in and her failed one.
    await expect(page.getByText(/^Showing 1–\d+ of \d+$/)).toHaveText('Showing 1–5 of 5');
    await page.screenshot({ path: `${SHOTS}/admin-audit-filtered.png` });

    await page.getByRole('button', { name: 'Clear filters' }).click();
    // The patient is found as on the Patients screen (here by MRN), and chosen: no record id needed.
    await page.getByLabel('Patient', { exact: true }).fill(patient.mrn);
    await page
      .getByRole('list', { name: 'Patients found' })
      .getByRole('button', { name: new RegExp(patient.mrn) })
      .click();
    await expect(page.getByText(`Patient: `)).toContainText(patient.mrn);
    // Her registration and the view of her record; the audit screen's own pages that showed her are
    // listed for her too ("Audit entries viewed"), but nobody else's activity is.
    await expect(table.getByRole('row').filter({ hasText: 'Patient registered' })).toHaveCount(1);
    await expect(table.getByRole('row').filter({ hasText: 'Patient viewed' })).toHaveCount(1);
    await expect(table.getByRole('row').filter({ hasText: 'Signed in' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Any patient' }).click();
    await page.getByLabel('Patient', { exact: true }).fill('Doe');
    await expect(page.getByRole('list', { name: 'Patients found' }).getByRole('button')).toHaveCount(1);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    // Everything again: at least what was there, plus the audit screen's own views since.
    const again = page.getByText(/^Showing 1–\d+ of \d+$/);
    await expect(again).toBeVisible();
    expect(Number((await again.textContent())?.match(/of (\d+)$/)?.[1])).toBeGreaterThanOrEqual(total);
    await page.getByLabel('From', { exact: true }).fill('2199-01-01');
    await expect(page.getByText('No audit entries match these filters.')).toBeVisible();
    await expect(table).toBeHidden();
    await page.screenshot({ path: `${SHOTS}/admin-audit-empty.png` });
    await page.getByLabel('To', { exact: true }).fill('2198-01-01');
    await expect(page.getByLabel('To', { exact: true })).toHaveAccessibleDescription('“To” must be on or after “From”');
  });

  test('pages through more than one hundred entries', async ({ app, page }) => {
    const { clinic } = await seedActivity(app);
    for (let i = 0; i < 100; i++) {
      await dispatchOk(app, clinic.adminSession, 'settings.update', { ...CLINIC, idleLockMinutes: 10 + (i % 5) });
    }
    await openAsAdmin(app, 'Audit');
    // The count grows while the screen is used: its own views are audited (written within a second).
    const firstPage = page.getByText(/^Showing 1–100 of \d+$/);
    await expect(firstPage).toBeVisible();
    await expect(auditTable(page).getByRole('row')).toHaveCount(101);
    await expect(page.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await page.getByRole('button', { name: 'Next' }).click();
    const secondPage = page.getByText(/^Showing 101–(\d+) of \1$/);
    await expect(secondPage).toBeVisible();
    const total = Number((await secondPage.textContent())?.match(/of (\d+)$/)?.[1]);
    expect(total).toBeGreaterThan(100);
    await expect(auditTable(page).getByRole('row')).toHaveCount(total - 100 + 1);
    await expect(auditTable(page).getByRole('row').last()).toContainText('Clinic set up');
    await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect(page.getByText(/^Showing 1–100 of \d+$/)).toBeVisible();
  });

  test('Export CSV downloads the filtered entries with formula-like cells neutralised', async ({ app, page }) => {
    await seedActivity(app);
    await openAsAdmin(app, 'Audit');

    let download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    let file = await download;
    expect(file.suggestedFilename()).toMatch(/^chartbook-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    let csv = fs.readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"Time (UTC)","User","Action","Patient","Outcome","Details"');
    // A patient named like a formula, and a user name typed as one, arrive as text.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"") Doe`);
    expect(csv).toContain(`"'=1+2","auth.sign_in_failed"`);
    expect(csv).not.toMatch(/(^|,)"=/m);
    await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText(
      `Downloaded ${file.suggestedFilename()}`,
    );
    // The export is itself audited, and the list shows it at once.
    await expect(auditTable(page).getByRole('row').nth(1)).toContainText('Audit exported');

    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Patient registered' });
    await expect(page.getByText('Showing 1–1 of 1')).toBeVisible();
    download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    file = await download;
    csv = fs.readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
    // The entries, a blank line, then what the audit chain check found (docs/ARCHITECTURE.md, "Audit chain").
    const rows = csv.trimEnd().split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toContain('"patient.create"');
    expect(rows[2]).toBe('');
    expect(rows[3]).toMatch(/^"Audit trail check","Verified: all \d+ entries are as they were written/);
  });
});
