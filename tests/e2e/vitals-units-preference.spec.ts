import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { ADMIN_USER, goTo, registerPatient, seedClinic, signIn } from './helpers';

async function openAmina(page: Page) {
  await page.getByLabel('Search patients').fill('otieno');
  await page
    .getByRole('listbox')
    .getByRole('option', { name: /Amina Otieno/ })
    .click();
  return page.getByRole('region', { name: 'Vitals', exact: true });
}

test('the vitals units a doctor chooses are kept in main for them: US units survive a reload', async ({
  app,
  page,
}) => {
  await seedClinic(app, { users: [] });
  await signIn(page, ADMIN_USER); // the administrator, who is also a doctor
  await registerPatient(app, { givenNames: 'Amina', familyName: 'Otieno', birthDate: '1975-05-02' });
  const main = app.core.newSession();
  await app.core.dispatch(main, 'auth.signIn', { username: ADMIN_USER.username, password: ADMIN_USER.password });
  const found = await app.core.dispatch(main, 'patients.search', { text: 'otieno' });
  const patientId = found.ok ? (found.value as { id: string }[])[0]!.id : '';
  const saved = await app.core.dispatch(main, 'vitals.record', {
    patientId,
    takenAt: new Date(Date.now() - 3_600_000).toISOString(),
    units: 'metric',
    weight: 70,
  });
  expect(saved.ok).toBe(true);

  await goTo(page, 'Patients');
  let panel = await openAmina(page);
  const latestWeight = () =>
    panel.getByRole('region', { name: 'Latest vitals' }).getByRole('definition').filter({ hasText: /kg|lb/ });
  // This browser's locale is en-GB: metric until the doctor chooses.
  await expect(panel.getByRole('radio', { name: 'Metric' })).toBeChecked();
  await expect(latestWeight()).toContainText('70.0 kg');
  await panel.getByRole('radio', { name: 'US' }).check();
  await expect(latestWeight()).toContainText('154.3 lb');
  // Main holds the choice for this doctor; the browser profile holds nothing.
  await expect
    .poll(async () => {
      const prefs = await app.core.dispatch(main, 'preferences.get', {});
      return prefs.ok ? prefs.value : prefs.error;
    })
    .toEqual({ 'vitals.units': 'us' });
  expect(await page.evaluate(() => window.localStorage.length)).toBe(0);

  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await goTo(page, 'Patients');
  panel = await openAmina(page);
  await expect(panel.getByRole('radio', { name: 'US' })).toBeChecked();
  await expect(latestWeight()).toContainText('154.3 lb');
});
