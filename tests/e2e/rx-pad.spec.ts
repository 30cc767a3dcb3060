import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { SHOTS } from './patients-helpers';
import { padForJose } from './rx-helpers';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test('prescription pad: items from the keyboard read back, an interaction needs a reason, sign, repeat last with one key', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  await padForJose(app, page);

  const pad = page.getByRole('region', { name: 'Prescription' });
  await expect(pad).toBeVisible();
  await page.keyboard.press('Alt+p');
  const form = pad.getByRole('form', { name: 'Add a medicine' });
  await expect(form.getByLabel('Medicine')).toBeFocused();

  // First item, keyboard only: Medicine, Form, Dose, Unit, Route, Frequency, When, Duration.
  await page.keyboard.type('Simvastatin 20 mg');
  await form.getByLabel('Frequency').fill('od');
  await form.getByLabel('When').selectOption('bedtime');
  await form.getByLabel('Duration', { exact: true }).fill('30');
  await expect(form.getByText('Reads: 1 tablet once a day at bedtime for 30 days')).toBeVisible();
  await form.getByLabel('Duration', { exact: true }).press('Enter');
  const items = pad.getByRole('list', { name: 'Items' });
  await expect(items.getByRole('listitem').first()).toContainText('1 tablet once a day at bedtime for 30 days');
  await expect(form.getByLabel('Medicine')).toBeFocused();

  // A frequency that does not parse is said at once, and nothing is added.
  await page.keyboard.type('Clarithromycin 500 mg');
  await form.getByLabel('Frequency').fill('thrice on Tuesdays');
  await expect(form.getByText(/Could not read the frequency "thrice on Tuesdays"/)).toBeVisible();
  await form.getByLabel('Frequency').fill('bd');
  await form.getByLabel('Duration', { exact: true }).fill('7');
  await form.getByLabel('Duration', { exact: true }).press('Enter');
  await expect(items.locator(':scope > li')).toHaveCount(2);
  await expect(pad.getByText(/Stop/).first()).toBeVisible();

  // Signing without the reasons is refused; give them; sign.
  await pad.getByRole('button', { name: 'Sign prescription' }).click();
  await expect(pad.getByText('Some alerts need a reason before the prescription can be signed.')).toBeVisible();
  for (let i = 0; i < 2; i++) {
    const reason = pad.getByLabel(/^Reason to go on/).first();
    await reason.fill('Statin paused during the course');
    await reason.press('Enter');
    await expect(pad.getByText('Overridden: Statin paused during the course')).toHaveCount(i + 1);
  }
  await page.screenshot({ path: path.join(SHOTS, 'rx-pad-overrides.png'), fullPage: true });
  await pad.getByRole('button', { name: 'Sign prescription' }).click();
  await expect(pad.getByText(/Prescription RX-\d{8}-[0-9A-F]{6} signed/)).toBeVisible();

  // Repeat last, one key.
  await page.keyboard.press('Alt+r');
  await expect(pad.getByRole('form', { name: 'Add a medicine' })).toBeVisible();
  await expect(pad.getByRole('list', { name: 'Items' }).locator(':scope > li')).toHaveCount(2);
  await page.screenshot({ path: path.join(SHOTS, 'rx-pad-repeat.png'), fullPage: true });

  // The administrator's report: shown and overridden per rule, no patient named.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Audit', exact: true }).click();
  const report = page.getByRole('table', { name: 'Prescription alerts by rule' });
  const row = report.getByRole('row', { name: /onc-statin-cyp3a4/ });
  await expect(row.getByRole('cell')).toHaveText(['interaction', 'Stop', '4', '2', '50%']);
  await expect(report).not.toContainText('García');
});
