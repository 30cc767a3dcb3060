import { test, expect } from './fixtures';
import { ADMIN_USER, goTo, RECEPTIONIST, registerPatient, seedClinic, signIn, signOut } from './helpers';
import type { Page } from '@playwright/test';

async function openPatient(page: Page, name: string): Promise<void> {
  await goTo(page, 'Patients');
  await page.getByLabel('Search patients').fill(name);
  await page
    .getByRole('listbox')
    .getByRole('option', { name: new RegExp(name) })
    .click();
}

const allergyAlert = (page: Page) => page.getByRole('note', { name: 'Allergy alert' });

test('a doctor codes a problem from the keyboard, resolves it, records allergies; a receptionist sees none of it', async ({
  app,
  page,
}) => {
  // Four sections and a receptionist's walk in one story: more than the default minute on a busy machine.
  test.slow();
  await seedClinic(app, { users: [RECEPTIONIST] });
  await registerPatient(app, { givenNames: 'Wanjiru', familyName: 'Kamau', birthDate: '1975-04-02' });
  await signIn(page, ADMIN_USER);
  await openPatient(page, 'Wanjiru Kamau');
  await expect(allergyAlert(page)).toHaveText('Allergies not recorded');

  // Problems: search by code, keyboard only (type, arrows, Enter), then save.
  const problems = page.getByRole('region', { name: 'Problems' });
  await problems.getByRole('button', { name: 'Add problem' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a problem' });
  const diagnosis = dialog.getByRole('combobox', { name: 'Diagnosis' });
  // An arrow key before anything is typed leaves the first option active once the list opens.
  await diagnosis.press('ArrowDown');
  await diagnosis.pressSequentially('hypertens essential');
  await expect(dialog.getByRole('option', { name: /^I10 Essential \(primary\) hypertension/ })).toBeVisible();
  await expect(dialog.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  // Closed with Escape, the list opens again on the same option rather than the next one.
  await diagnosis.press('Escape');
  await expect(diagnosis).toHaveAttribute('aria-expanded', 'false');
  await diagnosis.press('ArrowDown');
  await expect(dialog.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await expect(diagnosis).toHaveAttribute('aria-activedescendant', /opt-0$/);
  await diagnosis.fill('');
  await diagnosis.pressSequentially('e11.');
  await expect(dialog.getByRole('option').first()).toContainText('E11.00');
  await diagnosis.pressSequentially('9');
  await expect(dialog.getByRole('option').first()).toHaveText('E11.9 Type 2 diabetes mellitus without complications');
  await diagnosis.press('ArrowDown');
  await diagnosis.press('ArrowUp');
  await diagnosis.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('Chosen: E11.9 Type 2 diabetes mellitus without complications');
  await dialog.getByLabel('Chronic').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  const row = problems.getByRole('row', { name: /E11\.9 Type 2 diabetes mellitus without complications/ });
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: 'Resolve Type 2 diabetes mellitus without complications' }).click();
  await expect(row).toContainText('Resolved');

  // Allergies: "No known allergies" with who, then an allergy that ends it.
  const allergies = page.getByRole('region', { name: 'Allergies' });
  await allergies.getByRole('button', { name: 'No known allergies' }).click();
  await expect(allergyAlert(page)).toContainText(`No known allergies (recorded by ${ADMIN_USER.displayName} on`);
  await allergies.getByRole('button', { name: 'Add allergy' }).click();
  const add = page.getByRole('dialog', { name: 'Add an allergy or intolerance' });
  await add.getByLabel('Substance').fill('Penicillin');
  await add.getByLabel('Reaction').fill('Hives');
  await add.getByLabel('Severity').selectOption('severe');
  await add.getByRole('button', { name: 'Save' }).click();
  await expect(allergyAlert(page)).toHaveText('Allergies: Penicillin (severe)');
  await page.screenshot({ path: '/tmp/shots/chart-problems.png' });
  await allergies.getByLabel('Status of Penicillin').selectOption('resolved');
  await expect(allergyAlert(page)).toHaveText('Allergies not recorded');

  // The front desk opens the same patient: no chart, no allergy banner.
  await signOut(page);
  await signIn(page, RECEPTIONIST);
  await openPatient(page, 'Wanjiru Kamau');
  await expect(page.getByRole('region', { name: 'Patient banner' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Chart' })).toHaveCount(0);
  await expect(allergyAlert(page)).toHaveCount(0);
  await expect(page.getByText(/Penicillin|Type 2 diabetes/)).toHaveCount(0);
});
