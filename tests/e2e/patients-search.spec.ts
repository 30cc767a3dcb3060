import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import {
  banner,
  JOSE,
  openPatientsAsReceptionist,
  results,
  search,
  searchBox,
  seedPatient,
  SHOTS,
} from './patients-helpers';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

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
