import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import {
  auditFor,
  banner,
  countPatients,
  dispatchOk,
  fillPatientForm,
  JOSE,
  openPatientsAsReceptionist,
  openRegisterForm,
  RECEPTIONIST,
  search,
  seedPatient,
  SHOTS,
} from './patients-helpers';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test('registering a patient shows the new MRN on the chart and is audited', async ({ app, page }) => {
  const admin = await openPatientsAsReceptionist(app);
  await openRegisterForm(page);
  await fillPatientForm(page, {
    givenNames: 'Amina',
    familyName: 'Okello',
    sex: 'Female',
    birthDate: '1990-05-03',
    phone: '+256 772 100 200',
  });
  await page.getByRole('button', { name: 'Add a phone number' }).click();
  await page.getByLabel('Phone 2 type').selectOption({ label: 'Work' });
  await page.getByLabel('Phone 2 number').fill('0471 432 100');
  await page.getByRole('button', { name: 'Add a phone number' }).click();
  await page.getByLabel('Phone 3 number').fill('typed by mistake');
  await page.getByRole('button', { name: 'Remove phone 3' }).click();
  await expect(page.getByLabel('Phone 3 number')).toHaveCount(0);
  await page.getByLabel('City or town').fill('Gulu');
  await page.getByRole('button', { name: 'Add an identifier' }).click();
  await page.getByLabel('Identifier 1 number').fill('CM90012345ABCD');
  await page.getByLabel('Contact name').fill('Peter Okello');
  await page.getByRole('button', { name: 'Save patient' }).click();

  const b = banner(page);
  await expect(b.getByRole('heading', { name: 'Amina Okello' })).toBeVisible();
  const [saved] = await dispatchOk(app, admin, 'patients.search', { text: 'Amina Okello', limit: 5 });
  expect(saved).toBeDefined();
  await expect(b).toContainText(saved!.mrn);
  await expect(b).toContainText('Female');
  await expect(b).toContainText('+256 772 100 200');
  // A receptionist registered the patient: no allergy banner, no clinical content (doctors see one).
  await expect(page.getByRole('note', { name: 'Allergy alert' })).toHaveCount(0);
  await expect(page.getByText(/allerg/i)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `Patient registered with MRN ${saved!.mrn}` })).toBeVisible();
  await expect(page.getByText('National ID: CM90012345ABCD')).toBeVisible();
  await expect(page.getByText('+256 772 100 200 (Mobile) · 0471 432 100 (Work)')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'patients-chart.png') });

  const actions = (await auditFor(app, admin, saved!.id)).map((e) => `${e.action} by ${e.username}`);
  expect(actions).toContain(`patient.create by ${RECEPTIONIST.username}`);
  expect(actions).toContain(`patient.view by ${RECEPTIONIST.username}`);
});

test('the same name and birth date raises a duplicate warning, and Open goes to the existing patient', async ({
  app,
  page,
}) => {
  const admin = await openPatientsAsReceptionist(app);
  const existing = await seedPatient(app, admin, JOSE);
  await openRegisterForm(page);
  await fillPatientForm(page, {
    givenNames: 'jose',
    familyName: 'GARCIA',
    sex: 'Male',
    birthDate: '1984-03-07',
    phone: '',
  });
  await page.getByRole('button', { name: 'Save patient' }).click();

  const dialog = page.getByRole('dialog', { name: 'Possible duplicate' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('José García');
  await expect(dialog).toContainText(existing.mrn);
  await expect(dialog).toContainText('07 Mar 1984');
  await expect(dialog).toContainText('0712 345 678');
  await expect(dialog).toContainText('Same name and date of birth');
  await expect(dialog.getByRole('button', { name: 'Register as a new patient' })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'patients-duplicate-dialog.png') });

  await dialog.getByRole('button', { name: 'Back to the form' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Family name')).toHaveValue('GARCIA');

  await page.getByRole('button', { name: 'Save patient' }).click();
  await dialog.getByRole('button', { name: 'Open José García' }).click();
  await expect(banner(page).getByRole('heading', { name: 'José García' })).toBeVisible();
  await expect(banner(page)).toContainText(existing.mrn);
  expect(await countPatients(app, admin)).toBe(1);
});

test('the same phone written differently raises the warning; registering anyway makes a second patient', async ({
  app,
  page,
}) => {
  const admin = await openPatientsAsReceptionist(app);
  await seedPatient(app, admin, JOSE);
  await openRegisterForm(page);
  await fillPatientForm(page, {
    givenNames: 'Lucía',
    familyName: 'Fernández',
    sex: 'Female',
    birthDate: '1986-11-30',
    phone: '+254 712-345-678',
  });
  await page.getByRole('button', { name: 'Save patient' }).click();

  const dialog = page.getByRole('dialog', { name: 'Possible duplicate' });
  await expect(dialog).toContainText('José García');
  await expect(dialog).toContainText('Same phone number');
  await dialog.getByRole('button', { name: 'Register as a new patient' }).click();

  await expect(banner(page).getByRole('heading', { name: 'Lucía Fernández' })).toBeVisible();
  await expect(page.getByText(/Patient registered with MRN/)).toBeVisible();
  expect(await countPatients(app, admin)).toBe(2);
});

test('invalid input shows each message next to its field and saves nothing', async ({ app, page }) => {
  const admin = await openPatientsAsReceptionist(app);
  await openRegisterForm(page);
  await fillPatientForm(page, { sex: 'Female', birthDate: '2099-01-01', phone: '12-ab-34' });
  await page.getByLabel('Contact phone').fill('123');
  await page.getByRole('button', { name: 'Save patient' }).click();

  await expect(page.getByLabel('Given names')).toHaveAccessibleDescription(
    'Enter the patient’s given name or family name',
  );
  await expect(page.getByLabel('Date of birth', { exact: true })).toHaveAccessibleDescription(
    'Date of birth cannot be in the future',
  );
  await expect(page.getByLabel('Phone 1 number')).toHaveAccessibleDescription(/Enter 6 to 15 digits/);
  await expect(page.getByLabel('Contact phone')).toHaveAccessibleDescription(/Enter 6 to 15 digits/);
  await expect(page.getByText('4 fields need attention')).toBeVisible();
  // The first field to fix has the focus.
  await expect(page.getByLabel('Given names')).toBeFocused();
  await page.screenshot({ path: path.join(SHOTS, 'patients-form-errors.png') });

  // Fixing a field clears its message; the rest stay, and nothing typed is lost.
  await page.getByLabel('Family name').fill('Ndlovu');
  await expect(page.getByLabel('Given names')).not.toHaveAccessibleDescription(/Enter/);
  await page.getByRole('radio', { name: 'Only an estimated age is known' }).check();
  await page.getByLabel('Estimated age in years').fill('abc');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByLabel('Estimated age in years')).toHaveAccessibleDescription(
    /Enter the estimated age in whole years/,
  );
  await expect(page.getByLabel('Phone 1 number')).toHaveValue('12-ab-34');
  await page.getByRole('radio', { name: 'Date of birth is known' }).check();
  await expect(page.getByLabel('Date of birth', { exact: true })).toHaveValue('2099-01-01');

  expect(await countPatients(app, admin)).toBe(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await search(page, 'Ndlovu');
  await expect(page.getByText('No patient matches “Ndlovu”')).toBeVisible();
});

test('an identifier already recorded for someone else is refused by main, shown next to the identifier', async ({
  app,
  page,
}) => {
  const admin = await openPatientsAsReceptionist(app);
  await seedPatient(app, admin, { ...JOSE, identifiers: [{ system: 'National ID', value: '12345678' }] });
  await openRegisterForm(page);
  await fillPatientForm(page, {
    givenNames: 'Ana',
    familyName: 'Lima',
    sex: 'Female',
    birthDate: '2001-02-03',
    phone: '',
  });
  await page.getByRole('button', { name: 'Add an identifier' }).click();
  await page.getByLabel('Identifier 1 number').fill('1234 5678');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByLabel('Identifier 1 number')).toHaveAccessibleDescription(/already recorded for José García/);
  await expect(page.getByLabel('Identifier 1 number')).toHaveValue('1234 5678');
  expect(await countPatients(app, admin)).toBe(1);
});
