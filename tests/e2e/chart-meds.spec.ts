import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { ADMIN, dispatchOk, JOSE, searchBox, results, SHOTS } from './patients-helpers';
import type { RunningApp } from '../harness/app-harness';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

/** A clinic whose administrator is also a doctor, signed in on the page, with José registered and his chart open. */
async function openChartAsDoctor(app: RunningApp) {
  const admin = app.core.newSession();
  await dispatchOk(app, admin, 'setup.complete', {
    clinic: { clinicName: 'Riverside Clinic', timeZone: 'UTC' },
    admin: { ...ADMIN, alsoDoctor: true },
  });
  const jose = await dispatchOk(app, admin, 'patients.register', { patient: JOSE });
  await dispatchOk(app, app.session, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  return { admin, jose };
}

async function openJose(app: RunningApp) {
  const page = app.page;
  await page.reload();
  const navItem = page.getByRole('navigation').getByRole('button', { name: 'Patients', exact: true });
  if (await navItem.count()) await navItem.click();
  await searchBox(page).fill('garcia');
  await results(page)
    .getByRole('option', { name: /José García/ })
    .click();
  await expect(page.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');
}

test('medications: add from the keyboard, then reconcile one key per line and save once', async ({ app, page }) => {
  const { admin, jose } = await openChartAsDoctor(app);
  for (const name of ['Amlodipine', 'Metformin', 'Simvastatin']) {
    await dispatchOk(app, admin, 'medications.add', {
      patientId: jose.id,
      medication: { name, dose: '5 mg', frequency: 'daily', startDate: '2025-01-15', source: 'here' },
    });
  }
  await openJose(app);
  const panel = page.getByRole('region', { name: 'Medications' });
  await expect(panel.getByRole('table', { name: 'Current medications' }).getByRole('row')).toHaveCount(4);

  // Add one prescribed elsewhere, keyboard only.
  await panel.getByRole('button', { name: 'Add medication' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add medication' });
  await expect(dialog.getByLabel('Medication name')).toBeFocused();
  await page.keyboard.type('Ibuprofen');
  await page.keyboard.press('Tab');
  await page.keyboard.type('400 mg');
  await dialog.getByLabel('Prescribed').selectOption('outside');
  await dialog.getByLabel('Medication name').press('Enter');
  await expect(panel.getByText('Ibuprofen added.')).toBeVisible();
  await expect(panel.getByRole('rowheader', { name: /Ibuprofen 400 mg/ })).toContainText('elsewhere');

  // Reconcile: Amlodipine, Ibuprofen, Metformin, Simvastatin (by name).
  await panel.getByRole('button', { name: 'Reconcile' }).focus();
  await page.keyboard.press('Enter');
  const list = panel.getByRole('listbox', { name: /Reconcile medications/ });
  await expect(list).toBeFocused();
  await expect(panel.getByText('still taking', { exact: false }).first()).toBeVisible(); // the key hints
  await page.keyboard.press('c'); // Amlodipine: still taking
  await page.keyboard.press('s'); // Ibuprofen: stop
  const stop = page.getByRole('dialog', { name: 'Stop Ibuprofen?' });
  await expect(stop.getByLabel('Reason for stopping')).toBeFocused();
  await page.keyboard.type('Stomach pain');
  await page.keyboard.press('Enter');
  await expect(stop).toBeHidden();
  await expect(list).toBeFocused();
  await page.keyboard.press('e'); // Metformin: edit the dose, which also confirms it
  const edit = page.getByRole('dialog', { name: 'Edit Metformin' });
  await expect(edit.getByLabel('Medication name')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('1000 mg');
  await page.keyboard.press('Enter');
  await expect(edit).toBeHidden();
  await expect(list).toBeFocused();
  // Simvastatin is left undecided; ↑ moves back over the decided lines.
  await page.keyboard.press('ArrowUp');
  await expect(list.getByRole('option', { name: /Amlodipine.*Still taking/ })).toBeVisible();
  await expect(list.getByRole('option', { name: /Ibuprofen.*Stop: Stomach pain/ })).toBeVisible();
  await expect(list.getByRole('option', { name: /Metformin 1000 mg.*Still taking/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(list.getByRole('option', { name: /Simvastatin.*Not asked yet/ })).toBeVisible();
  await expect(panel.getByText('3 of 4 decided')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'chart-meds-reconcile.png') });
  await page.keyboard.press('Control+Enter');
  await expect(panel.getByText('Reconciliation saved: 2 still taking, 1 stopped.')).toBeVisible();

  const meds = await dispatchOk(app, admin, 'medications.list', { patientId: jose.id });
  expect(meds.active.map((m) => [m.name, m.reconciledByName])).toEqual([
    ['Amlodipine', ADMIN.displayName],
    ['Metformin', ADMIN.displayName],
    ['Simvastatin', null],
  ]);
  expect(meds.stopped).toEqual([
    expect.objectContaining({ name: 'Ibuprofen', source: 'outside', stopReason: 'Stomach pain' }),
  ]);
  await expect(panel.getByText('Stopped (1)')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'chart-meds-list.png') });
});

test('immunizations and history: record a CVX vaccine found by name, a family history line and social history', async ({
  app,
  page,
}) => {
  const { jose } = await openChartAsDoctor(app);
  await openJose(app);
  const imm = page.getByRole('region', { name: 'Immunizations' });
  await expect(imm.getByText('No immunizations recorded.')).toBeVisible();
  await imm.getByRole('button', { name: 'Record immunization' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record immunization' });
  await dialog.getByLabel('Find vaccine').fill('tdap');
  await dialog.getByLabel('Vaccine', { exact: true }).selectOption('115');
  await expect(dialog.getByText('Chosen: Tdap (CVX 115)')).toBeVisible();
  await dialog.getByLabel('Dose number').fill('1');
  await dialog.getByLabel('Lot number').fill('AC52B030AA');
  await dialog.getByRole('button', { name: 'Save immunization' }).click();
  await expect(imm.getByRole('rowheader', { name: /Tdap/ })).toBeVisible();

  const hist = page.getByRole('region', { name: 'History' });
  await hist.getByRole('button', { name: 'Add history' }).click();
  const entry = page.getByRole('dialog', { name: 'Add to history' });
  await entry.getByLabel('Kind').selectOption('family');
  await entry.getByLabel('Condition or operation').fill('Type 2 diabetes');
  await entry.getByLabel('Relation').fill('mother');
  await entry.getByRole('button', { name: 'Save' }).click();
  await expect(hist.getByRole('list', { name: 'Family history' })).toContainText('Type 2 diabetes (mother)');
  // José is male: pregnancy is not asked.
  await hist.getByRole('button', { name: 'Social history' }).click();
  const social = page.getByRole('dialog', { name: 'Social history' });
  await expect(social.getByLabel('Tobacco', { exact: true })).toBeVisible();
  await expect(social.getByLabel('Pregnancy')).toHaveCount(0);
  await social.getByLabel('Tobacco', { exact: true }).selectOption('former');
  await social.getByRole('button', { name: 'Save social history' }).click();
  await expect(hist.getByText('Former')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'chart-meds-imm-history.png') });
  expect(jose.sex).toBe('male');
});
