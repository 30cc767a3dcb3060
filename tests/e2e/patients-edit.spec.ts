import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import {
  ADMIN,
  auditFor,
  banner,
  dispatchOk,
  JOSE,
  openPatientsAsReceptionist,
  RECEPTIONIST,
  results,
  search,
  searchBox,
  seedPatient,
  SHOTS,
} from './patients-helpers';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test('editing a field shows in History with who changed it, and is audited', async ({ app, page }) => {
  const admin = await openPatientsAsReceptionist(app);
  const jose = await seedPatient(app, admin, JOSE);
  await search(page, 'garcia');
  await results(page)
    .getByRole('option', { name: /José García/ })
    .click();
  await expect(banner(page)).toContainText(jose.mrn);

  await page.getByRole('tab', { name: 'Details' }).click();

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
  await page.getByRole('tab', { name: 'Details' }).click();
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
  await page.getByRole('tab', { name: 'Details' }).click();
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

test('cancelling an edit with typed changes asks first; unchanged, it just closes', async ({ app, page }) => {
  const admin = await openPatientsAsReceptionist(app);
  await seedPatient(app, admin, JOSE);
  await search(page, 'garcia');
  await results(page)
    .getByRole('option', { name: /José García/ })
    .click();
  await page.getByRole('tab', { name: 'Details' }).click();
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

  await page.getByRole('tab', { name: 'Details' }).click();

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByLabel('City or town')).toHaveValue('');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
  expect(await dispatchOk(app, admin, 'audit.list', { action: 'patient.update' })).toMatchObject({ entries: [] });
});
