import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { ADMIN_USER, goTo, registerPatient, seedClinic, signIn } from './helpers';

const SHOTS = '/tmp/shots';
test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test('a doctor records vitals with the keyboard, sees the abnormal values marked, and opens a trend', async ({
  app,
  page,
}) => {
  await seedClinic(app, { users: [] });
  await signIn(page, ADMIN_USER); // the administrator, who is also a doctor
  await registerPatient(app, { givenNames: 'Amina', familyName: 'Otieno', birthDate: '1975-05-02' });
  // Three earlier readings, recorded through main, so the trend has a line to draw.
  const doctor = app.core.newSession();
  await app.core.dispatch(doctor, 'auth.signIn', { username: ADMIN_USER.username, password: ADMIN_USER.password });
  const found = await app.core.dispatch(doctor, 'patients.search', { text: 'otieno' });
  const patientId = found.ok ? (found.value as { id: string }[])[0]!.id : '';
  for (const [days, systolic] of [
    [60, 128],
    [30, 118],
    [10, 135],
  ] as const) {
    const takenAt = new Date(Date.now() - days * 86_400_000).toISOString();
    const saved = await app.core.dispatch(doctor, 'vitals.record', {
      patientId,
      takenAt,
      units: 'metric',
      systolic,
      diastolic: 80,
    });
    expect(saved.ok).toBe(true);
  }
  await goTo(page, 'Patients');
  await page.getByLabel('Search patients').fill('otieno');
  await page
    .getByRole('listbox')
    .getByRole('option', { name: /Amina Otieno/ })
    .click();

  const panel = page.getByRole('region', { name: 'Vitals', exact: true });
  await panel.getByRole('radio', { name: 'US' }).check();
  await panel.getByRole('button', { name: 'Record vitals' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Record vitals' });
  await expect(dialog.getByLabel('Systolic pressure (mmHg)')).toBeFocused();
  // Systolic, diastolic, pulse, temperature (°F), breathing, SpO2, weight (lb), height (ft, in): Enter saves.
  for (const value of ['300', '96', '72', '101.3', '16', '97', '165', '5', '7']) {
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  // Main refuses the impossible systolic with the accepted range; the form keeps what was typed and
  // puts the cursor on the field to fix.
  const systolicField = dialog.getByLabel('Systolic pressure (mmHg)');
  await expect(dialog.getByText('Systolic pressure must be between 40 and 280 mmHg.')).toBeVisible();
  await expect(systolicField).toBeFocused();
  await page.screenshot({ path: path.join(SHOTS, 'chart-vitals-dialog.png') });
  await expect(dialog.getByLabel('Weight (lb)')).toHaveValue('165');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('152');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('button', { name: 'Record vitals' })).toBeFocused();

  const latest = panel.getByRole('region', { name: 'Latest vitals' });
  const systolic = latest.getByRole('definition').filter({ hasText: 'mmHg' }).first();
  await expect(systolic).toContainText('152 mmHg ▲ high');
  await expect(latest.getByRole('definition').filter({ hasText: '°F' })).toContainText('101.3 °F ▲ high');
  await expect(latest.getByRole('definition').filter({ hasText: 'lb' })).toContainText('165.0 lb');
  await expect(latest.getByRole('definition').filter({ hasText: 'ft' })).toContainText('5 ft 7.0 in');
  await expect(latest.getByRole('definition').filter({ hasText: '97%' })).not.toContainText('high');
  // 165 lb at 5 ft 7 in: BMI 25.8, worked out by main and flagged against the WHO adult band.
  await expect(latest.getByRole('definition').filter({ hasText: 'kg/m²' })).toContainText('25.8 kg/m² ▲ high');
  await expect(panel.getByRole('table', { name: /Vitals recorded/ }).getByRole('row')).toHaveCount(5);

  // A correction of the newest set: only the pulse changes; everything else stays as stored.
  await panel
    .getByRole('button', { name: /^Correct the vitals of / })
    .first()
    .click();
  const correct = page.getByRole('dialog', { name: /^Correct vitals of / });
  await correct.getByLabel('Pulse (/min)').fill('118');
  await correct.getByRole('button', { name: 'Save correction' }).click();
  await expect(correct).toBeHidden();
  await expect(latest.getByRole('definition').filter({ hasText: '/min' }).first()).toContainText('118 /min ▲ high');
  await expect(latest.getByRole('definition').filter({ hasText: '°F' })).toContainText('101.3 °F ▲ high');
  await expect(latest.getByRole('definition').filter({ hasText: 'lb' })).toContainText('165.0 lb');

  await latest.getByRole('button', { name: 'Show the trend of Systolic pressure' }).focus();
  await page.keyboard.press('Enter');
  const trend = panel.getByRole('region', { name: 'Systolic pressure over time' });
  await expect(trend.getByRole('img', { name: /Line chart of Systolic pressure: 4 readings/ })).toBeVisible();
  const row = trend.getByRole('table', { name: 'Systolic pressure readings, oldest first' }).getByRole('row').nth(4);
  await expect(row).toContainText('152 ▲ high');
  await expect(row).toContainText('90 mmHg – 119 mmHg');
  await page.screenshot({ path: path.join(SHOTS, 'chart-vitals.png') });
  // On paper only the trend shows: its plot and its table.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('table', { name: 'Systolic pressure readings, oldest first' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Line chart of Systolic pressure/ })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Record vitals' })).toBeHidden();
  await page.screenshot({ path: path.join(SHOTS, 'chart-vitals-print.png'), fullPage: true });
});
