import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import {
  ADMIN,
  auditFor,
  banner,
  countPatients,
  dispatchOk,
  fillPatientForm,
  openPatientsAsReceptionist,
  openRegisterForm,
  RECEPTIONIST,
  results,
  search,
  searchBox,
  seedPatient,
  SHOTS,
} from './patients-helpers';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

const JOSE = {
  givenNames: 'José',
  familyName: 'García',
  sex: 'male' as const,
  birth: { kind: 'date' as const, date: '1984-03-07' },
  phones: [{ kind: 'mobile' as const, number: '0712 345 678' }],
};

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
  await expect(b).toContainText(/Allergies:?\s*not recorded yet/);
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

test('search finds patients by name parts in any order without accents, by phone, by MRN, and opens with the keyboard', async ({
  app,
  page,
}) => {
  const admin = await openPatientsAsReceptionist(app);
  const jose = await seedPatient(app, admin, JOSE);
  const maria = await seedPatient(app, admin, {
    givenNames: 'María José',
    familyName: 'Torres',
    sex: 'female',
    birth: { kind: 'estimatedAge', years: 60 },
    phones: [{ kind: 'home', number: '020 7946 0018' }],
  });
  await seedPatient(app, admin, {
    givenNames: 'Kwame',
    familyName: 'Mensah',
    sex: 'male',
    birth: { kind: 'date', date: '2019-08-14' },
  });

  // Empty box: the most recent registrations.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Recent patients' })).toBeVisible();
  await expect(results(page).getByRole('option')).toHaveCount(3);
  await expect(results(page).getByRole('option').first()).toContainText('Kwame Mensah');

  await search(page, 'garc jos');
  const options = results(page).getByRole('option');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('José García');
  await expect(options.first()).toContainText('Male');
  await expect(options.first()).toContainText('07 Mar 1984');
  await expect(options.first()).toContainText(jose.mrn);
  await expect(options.first()).toContainText('0712 345 678');

  await search(page, 'JOSE');
  await expect(options).toHaveCount(2);
  const mariaRow = options.filter({ hasText: 'María José Torres' });
  await expect(mariaRow).toContainText('(estimated)');
  await expect(mariaRow).toContainText(/(59|60) y/);
  await page.screenshot({ path: path.join(SHOTS, 'patients-search-results.png') });

  await search(page, '0712 34');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('José García');

  await search(page, '020 79');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('María José Torres');

  await search(page, maria.mrn);
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('María José Torres');

  // Keyboard: the first result is active; ArrowDown moves to the second, Enter opens it.
  await search(page, 'jose');
  await expect(options).toHaveCount(2);
  const box = searchBox(page);
  const firstId = await options.nth(0).getAttribute('id');
  const secondId = await options.nth(1).getAttribute('id');
  await expect(box).toHaveAttribute('aria-activedescendant', firstId!);
  // Most recently registered first.
  await expect(options.nth(0)).toContainText('María José Torres');
  await expect(options.nth(1)).toContainText('José García');
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', secondId!);
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowDown');
  await box.press('ArrowUp');
  await box.press('ArrowUp');
  await expect(box).toHaveAttribute('aria-activedescendant', firstId!);
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(banner(page).getByRole('heading', { name: 'José García' })).toBeVisible();

  // Back to search keeps the query and its results.
  await page.getByRole('button', { name: 'Back to search' }).click();
  await expect(searchBox(page)).toHaveValue('jose');
  await expect(options).toHaveCount(2);
});

test('no match offers to register, carrying the typed name into the form', async ({ app, page }) => {
  await openPatientsAsReceptionist(app);
  await search(page, 'Thandiwe Ndlovu');
  await expect(page.getByText('No patient matches “Thandiwe Ndlovu”')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'patients-no-match.png') });
  await page.getByRole('button', { name: 'Register new patient' }).click();
  await expect(page.getByLabel('Given names')).toHaveValue('Thandiwe');
  await expect(page.getByLabel('Family name')).toHaveValue('Ndlovu');
});

test('Ctrl+K focuses the search box and Ctrl+Shift+N opens registration', async ({ app, page }) => {
  await openPatientsAsReceptionist(app);
  await page.keyboard.press('Control+Shift+N');
  await expect(page.getByRole('heading', { name: 'Register new patient', level: 1 })).toBeVisible();
  await page.getByLabel('Given names').fill('Sipho');
  await page.keyboard.press('Control+K');
  await expect(searchBox(page)).toBeFocused();
});

test('editing a field shows in History with who changed it, and is audited', async ({ app, page }) => {
  const admin = await openPatientsAsReceptionist(app);
  const jose = await seedPatient(app, admin, JOSE);
  await search(page, 'garcia');
  await results(page)
    .getByRole('option', { name: /José García/ })
    .click();
  await expect(banner(page)).toContainText(jose.mrn);

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByLabel('Date of birth', { exact: true })).toHaveValue('1984-03-07');
  await page.getByLabel('Phone 1 number').fill('0733 999 111');
  await page.getByLabel('City or town').fill('Nakuru');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved (version 2).')).toBeVisible();
  await expect(banner(page)).toContainText('0733 999 111');

  await page.getByRole('tab', { name: 'History' }).click();
  const v2 = page.getByRole('article', { name: 'Version 2' });
  await expect(v2).toContainText(`by ${RECEPTIONIST.displayName}`);
  const phones = v2.getByRole('row', { name: /Phones/ });
  await expect(phones).toContainText('mobile: 0712 345 678');
  await expect(phones).toContainText('mobile: 0733 999 111');
  await expect(v2.getByRole('row', { name: /Address/ })).toContainText('Nakuru');
  await expect(page.getByRole('article', { name: 'Version 1: registered' })).toContainText(`by ${ADMIN.displayName}`);
  await page.screenshot({ path: path.join(SHOTS, 'patients-history.png') });

  const audit = await auditFor(app, admin, jose.id);
  const update = audit.find((e) => e.action === 'patient.update');
  expect(update?.username).toBe(RECEPTIONIST.username);
  expect(update?.details).toContain('Phones');
  expect(audit.some((e) => e.action === 'patient.view' && e.username === RECEPTIONIST.username)).toBe(true);
});

test('an edit that makes the record look like another patient asks first; Back keeps the edits, Save saves', async ({
  app,
  page,
}) => {
  const admin = await openPatientsAsReceptionist(app);
  const jose = await seedPatient(app, admin, JOSE);
  await seedPatient(app, admin, {
    ...JOSE,
    familyName: 'Garcia Lopez',
    phones: [{ kind: 'mobile', number: '0799 000 111' }],
  });
  await search(page, 'garcia lopez');
  await results(page)
    .getByRole('option', { name: /José Garcia Lopez/ })
    .click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Family name').fill('García');
  await page.getByRole('button', { name: 'Save changes' }).click();

  const dialog = page.getByRole('dialog', { name: 'Possible duplicate' });
  await expect(dialog).toContainText("this record looks like another patient's");
  await expect(dialog.getByRole('listitem')).toContainText(jose.mrn);
  await expect(dialog.getByRole('button', { name: /^Open / })).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, 'patients-edit-duplicate.png') });
  await dialog.getByRole('button', { name: 'Back to the form' }).click();
  await expect(page.getByLabel('Family name')).toHaveValue('García');
  expect((await dispatchOk(app, admin, 'patients.search', { text: 'garcia lopez' })).length).toBe(1);

  await page.getByRole('button', { name: 'Save changes' }).click();
  await dialog.getByRole('button', { name: 'Save: they are different people' }).click();
  await expect(page.getByText('Changes saved (version 2).')).toBeVisible();
  expect((await dispatchOk(app, admin, 'patients.search', { text: 'garcia lopez' })).length).toBe(0);
});

test('a save refused because someone else saved first keeps the edits and says why', async ({ app, page }) => {
  const admin = await openPatientsAsReceptionist(app);
  const jose = await seedPatient(app, admin, JOSE);
  // Enter straight after typing opens the match for what was typed, even if its results are still on the way.
  await searchBox(page).pressSequentially(jose.mrn);
  await searchBox(page).press('Enter');
  await expect(banner(page)).toContainText(jose.mrn);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Registration notes').fill('Prefers afternoon appointments');

  const {
    id,
    version,
    mrn: _mrn,
    createdAt: _c,
    updatedAt: _u,
    createdBy: _cb,
    updatedBy: _ub,
    birthDate,
    birthDateEstimated: _e,
    ...rest
  } = jose;
  await dispatchOk(app, admin, 'patients.update', {
    id,
    version,
    patient: { ...rest, birth: { kind: 'date', date: birthDate }, notes: 'Speaks Spanish' },
  });

  await page.getByRole('button', { name: 'Save changes' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Someone else saved changes to this patient' });
  await expect(conflict).toBeInViewport();
  await expect(page.getByLabel('Registration notes')).toHaveValue('Prefers afternoon appointments');
  await page.screenshot({ path: path.join(SHOTS, 'patients-edit-conflict.png') });

  await conflict.getByRole('button', { name: 'Discard my edits and show the saved record' }).click();
  await expect(page.getByText('Speaks Spanish')).toBeVisible();
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

test('an unfinished registration survives a reload, and can be discarded', async ({ app, page }) => {
  await openPatientsAsReceptionist(app);
  await openRegisterForm(page);
  await fillPatientForm(page, { givenNames: 'Nomvula', familyName: 'Dlamini', phone: '082 555 0101' });
  await page.getByLabel('Registration notes').fill('Referred by Dr Naidoo');
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('registrationDraft')).length))
    .toBe(1);

  await page.reload();
  await openRegisterForm(page);
  await expect(page.getByText(/Your unfinished registration from .* was restored/)).toBeVisible();
  await expect(page.getByLabel('Given names')).toHaveValue('Nomvula');
  await expect(page.getByLabel('Phone 1 number')).toHaveValue('082 555 0101');
  await expect(page.getByLabel('Registration notes')).toHaveValue('Referred by Dr Naidoo');
  await page.screenshot({ path: path.join(SHOTS, 'patients-draft-restored.png') });

  await page.getByRole('button', { name: 'Discard draft' }).click();
  await expect(page.getByLabel('Given names')).toHaveValue('');
  await page.reload();
  await openRegisterForm(page);
  await expect(page.getByText(/unfinished registration/)).toBeHidden();
});

test('unsaved edits to a record survive a reload and are saved to the version they were made to', async ({
  app,
  page,
}) => {
  const admin = await openPatientsAsReceptionist(app);
  const jose = await seedPatient(app, admin, JOSE);
  const openEdit = async () => {
    await search(page, 'garcia');
    await results(page)
      .getByRole('option', { name: /José García/ })
      .click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
  };
  await openEdit();
  await page.getByLabel('Registration notes').fill('Allergic to the clinic cat');
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('editDraft')).length))
    .toBe(1);

  await page.reload();
  await search(page, 'garcia');
  await results(page)
    .getByRole('option', { name: /José García/ })
    .click();
  await expect(page.getByText(/You have unsaved edits to this record from/)).toBeVisible();
  await page.getByRole('button', { name: 'Continue editing' }).click();
  await expect(page.getByText(/Your unsaved edits from .* were restored/)).toBeVisible();
  await expect(page.getByLabel('Registration notes')).toHaveValue('Allergic to the clinic cat');
  await page.screenshot({ path: path.join(SHOTS, 'patients-edit-draft-restored.png') });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved (version 2).')).toBeVisible();
  expect((await dispatchOk(app, admin, 'patients.get', { id: jose.id })).notes).toBe('Allergic to the clinic cat');

  // Edits kept while someone else saved: saving them is refused rather than overwriting that save.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByText(/unsaved edits/)).toBeHidden();
  await page.getByLabel('City or town').fill('Mombasa');
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('editDraft')).length))
    .toBe(1);
  await page.reload();
  const saved = await dispatchOk(app, admin, 'patients.get', { id: jose.id });
  const {
    id,
    version,
    mrn: _m,
    createdAt: _c,
    updatedAt: _u,
    createdBy: _cb,
    updatedBy: _ub,
    birthDate,
    birthDateEstimated: _e,
    ...rest
  } = saved;
  await dispatchOk(app, admin, 'patients.update', {
    id,
    version,
    patient: { ...rest, birth: { kind: 'date', date: birthDate }, notes: 'No cat allergy after all' },
  });
  await openEdit();
  await expect(page.getByLabel('City or town')).toHaveValue('Mombasa');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else saved changes to this patient' })).toBeVisible();
  await page.getByRole('button', { name: 'Discard my edits and show the saved record' }).click();
  await expect(page.getByText('No cat allergy after all')).toBeVisible();
  await expect(page.getByText(/You have unsaved edits/)).toBeHidden();
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('editDraft')).length))
    .toBe(0);
});

test('cancelling an edit with typed changes asks first; unchanged, it just closes', async ({ app, page }) => {
  const admin = await openPatientsAsReceptionist(app);
  await seedPatient(app, admin, JOSE);
  await search(page, 'garcia');
  await results(page)
    .getByRole('option', { name: /José García/ })
    .click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('City or town').fill('Kisumu');
  await page.getByRole('button', { name: 'Cancel' }).click();

  const confirm = page.getByRole('dialog', { name: 'Discard your changes?' });
  await confirm.getByRole('button', { name: 'Keep editing' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByLabel('City or town')).toHaveValue('Kisumu');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await confirm.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
  await expect(page.getByText('Kisumu')).toBeHidden();
  await expect(page.getByText(/You have unsaved edits/)).toBeHidden();

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByLabel('City or town')).toHaveValue('');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
  expect(await dispatchOk(app, admin, 'audit.list', { action: 'patient.update' })).toMatchObject({ entries: [] });
});

test('a saved registration clears its draft', async ({ app, page }) => {
  await openPatientsAsReceptionist(app);
  await openRegisterForm(page);
  await fillPatientForm(page, {
    givenNames: 'Zanele',
    familyName: 'Khumalo',
    sex: 'Female',
    birthDate: '1975-06-16',
    phone: '',
  });
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(banner(page).getByRole('heading', { name: 'Zanele Khumalo' })).toBeVisible();
  await page.reload();
  await openRegisterForm(page);
  await expect(page.getByText(/unfinished registration/)).toBeHidden();
  await expect(page.getByLabel('Given names')).toHaveValue('');
});
