import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import type { RunningApp } from '../harness/app-harness';
import { ADMIN_USER, goTo, registerPatient, seedClinic, signIn } from './helpers';

const SHOTS = '/tmp/shots';
test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

const DAY = 86_400_000;
const isoDaysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** Records vitals through main as the doctor would have, on earlier days. */
async function recordThroughMain(app: RunningApp, familyName: string, sets: [number, Record<string, number>][]) {
  const doctor = app.core.newSession();
  await app.core.dispatch(doctor, 'auth.signIn', { username: ADMIN_USER.username, password: ADMIN_USER.password });
  const found = await app.core.dispatch(doctor, 'patients.search', { text: familyName });
  const patientId = found.ok ? (found.value as { id: string }[])[0]!.id : '';
  for (const [daysAgo, values] of sets) {
    const saved = await app.core.dispatch(doctor, 'vitals.record', {
      patientId,
      takenAt: isoDaysAgo(daysAgo),
      units: 'metric',
      ...values,
    });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
  }
}

test('a child’s vitals show CDC growth charts with the child’s points and centiles; an adult’s show none', async ({
  app,
  page,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1366, height: 768 });
  await seedClinic(app, { users: [] });
  await signIn(page, ADMIN_USER); // the administrator, who is also a doctor
  // A girl of about 17 months (registerPatient registers girls), weighed five times since birth.
  const born = new Date(Date.now() - 520 * DAY).toISOString().slice(0, 10);
  await registerPatient(app, { givenNames: 'Nia', familyName: 'Wanjiru', birthDate: born });
  await recordThroughMain(app, 'wanjiru', [
    [518, { weight: 3.3, height: 49.5, headCircumference: 34.5 }],
    [430, { weight: 5.8 }],
    [340, { weight: 7.5, height: 66, headCircumference: 42.5 }],
    [160, { weight: 9.4 }],
    [20, { weight: 10.6, height: 81, headCircumference: 46 }],
  ]);
  await registerPatient(app, { givenNames: 'Amina', familyName: 'Otieno', birthDate: '1975-05-02' });
  await recordThroughMain(app, 'otieno', [[10, { weight: 70, height: 168 }]]);

  await goTo(page, 'Patients');
  await page.getByLabel('Search patients').fill('wanjiru');
  await page
    .getByRole('listbox')
    .getByRole('option', { name: /Nia Wanjiru/ })
    .click();
  const panel = page.getByRole('region', { name: 'Vitals', exact: true });
  const growth = panel.getByRole('region', { name: 'Weight for age: girls, birth to 36 months' });
  await expect(growth).toBeVisible();
  await expect(growth.getByRole('img', { name: /Growth chart, Weight for age: girls.*5 measurements/ })).toBeVisible();
  // The curves are drawn: seven centile lines and the child's own line with its five dots.
  await expect(growth.locator('.recharts-line')).toHaveCount(8);
  const table = growth.getByRole('table', { name: /Weight measurements at these ages/ });
  await expect(table.getByRole('row')).toHaveCount(6);
  // Her first weighing, 3.3 kg at two days old, is near the middle of CDC's girls at birth.
  const first = table.getByRole('row').nth(1);
  await expect(first.getByRole('cell').nth(0)).toHaveText('0 mo');
  await expect(first.getByRole('cell').nth(1)).toHaveText('3.3');
  const centile = Number(await first.getByRole('cell').nth(2).textContent());
  expect(centile).toBeGreaterThan(35);
  expect(centile).toBeLessThan(60);

  await growth.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'chart-growth-light.png') });

  // Head circumference, in the same chart: three measurements.
  await growth.getByRole('button', { name: 'Head circumference' }).click();
  const head = panel.getByRole('region', { name: 'Head circumference for age: girls, birth to 36 months' });
  await expect(head.getByRole('table', { name: /Head circumference measurements/ }).getByRole('row')).toHaveCount(4);
  // US units: the chart and its table follow the panel's choice.
  await panel.getByRole('radio', { name: 'US' }).check();
  await head.getByRole('button', { name: 'Weight' }).click();
  const weightUs = panel.getByRole('region', { name: 'Weight for age: girls, birth to 36 months' });
  await expect(weightUs.getByRole('columnheader', { name: 'Weight (lb)' })).toBeVisible();
  await panel.getByRole('radio', { name: 'Metric' }).check();

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await weightUs.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'chart-growth-dark.png') });

  // An adult's vitals have no growth chart.
  await page.getByRole('button', { name: 'Back to search' }).click();
  await page.getByLabel('Search patients').fill('otieno');
  await page
    .getByRole('listbox')
    .getByRole('option', { name: /Amina Otieno/ })
    .click();
  const adultPanel = page.getByRole('region', { name: 'Vitals', exact: true });
  await expect(adultPanel.getByRole('region', { name: 'Latest vitals' })).toBeVisible();
  await expect(adultPanel.getByRole('region', { name: /for age/ })).toHaveCount(0);
  await expect(adultPanel.getByRole('img', { name: /Growth chart/ })).toHaveCount(0);
});
