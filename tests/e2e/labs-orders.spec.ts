import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import type { RunningApp } from '../harness/app-harness';
import { readPdf, squash } from '../integration/printing/read-pdf';
import { ADMIN, dispatchOk, JOSE, results, search, seedPatient, SHOTS } from './patients-helpers';

/**
 * Issue 11, parts 1-3: from the current visit a doctor orders a panel and a test by typing, prints
 * the requisition (the preview shows its page), types the results from the lab's report (one in
 * another unit) and sees the high and low flags; then cancels a second order with a reason; and
 * looks the panel up on the Lab tests screen.
 */

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

async function signInPage(app: RunningApp): Promise<void> {
  await dispatchOk(app, app.session, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await app.page.reload();
}

async function openJose(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients', exact: true }).click();
  await search(page, 'garcia');
  await results(page)
    .getByRole('option', { name: /José García/ })
    .click();
}

test('order a panel from the visit, print the requisition, enter results and see the flags; cancel another order', async ({
  app,
  page,
}) => {
  test.slow();
  const admin = app.core.newSession();
  await dispatchOk(app, admin, 'setup.complete', {
    clinic: { clinicName: 'Riverside Clinic', timeZone: 'UTC' },
    admin: { ...ADMIN, alsoDoctor: true },
  });
  const jose = await seedPatient(app, admin, JOSE);
  await dispatchOk(app, admin, 'visits.start', { patientId: jose.id });
  await signInPage(app);
  await openJose(page);

  const labs = page.getByRole('region', { name: 'Lab orders' });
  await expect(labs).toBeVisible();
  await expect(labs.getByText('No lab tests ordered at this visit.')).toBeVisible();
  await labs.getByRole('button', { name: 'Order lab tests' }).click();
  const form = labs.getByRole('form', { name: 'Order lab tests' });
  const find = form.getByRole('searchbox', { name: 'Find a test or panel' });
  await find.fill('cbc');
  const matches = form.getByRole('list', { name: 'Matching tests and panels' });
  await expect(matches.getByRole('button').first()).toHaveAccessibleName('Add Complete blood count (CBC)');
  await find.press('Enter'); // the first match
  await find.fill('hba1c');
  await matches.getByRole('button', { name: 'Add Haemoglobin A1c (HbA1c)' }).click();
  const chosen = form.getByRole('list', { name: 'Tests to order' });
  await expect(chosen.getByRole('listitem')).toHaveText([/Complete blood count \(CBC\)/, /Haemoglobin A1c/]);
  await form.getByLabel('Lab (optional)', { exact: true }).fill('City Diagnostics');
  await form
    .getByLabel('Clinical note for the lab (optional)', { exact: true })
    .fill('Tired for three months; on metformin.');
  await page.screenshot({ path: path.join(SHOTS, 'labs-order-form.png'), fullPage: true });
  await form.getByRole('button', { name: 'Order 2 tests' }).click();
  await expect(labs.getByText('Lab tests ordered.')).toBeVisible();

  const card = labs.getByRole('article', { name: /^Lab order LAB-\d{8}-[0-9A-F]{6}$/ });
  await expect(card).toHaveCount(1);
  const number = ((await card.getAttribute('aria-label')) ?? '').replace('Lab order ', '');
  await expect(card.getByText('Ordered', { exact: true })).toBeVisible();

  // The requisition: the preview shows its page; the PDF says the number and the tests.
  await card.getByRole('button', { name: `Print requisition ${number}` }).click();
  const preview = page.getByRole('dialog', { name: `Lab requisition ${number}` });
  await expect(preview.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
  await expect(preview).toContainText(/lab-requisition-.*\.pdf · 1 page/);
  await page.screenshot({ path: path.join(SHOTS, 'labs-requisition-preview.png') });
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  const orders = await dispatchOk(app, admin, 'labs.orders.list', { patientId: jose.id });
  const printed = await dispatchOk(app, admin, 'print.labRequisition', { orderId: orders[0]!.id });
  const text = squash((await readPdf(Buffer.from(printed.pdfBase64, 'base64'))).map((p) => p.text).join(' '));
  for (const expected of [
    number,
    'José García',
    'Complete blood count (CBC)',
    'Haemoglobin A1c (HbA1c)',
    'City Diagnostics',
  ])
    expect(text).toContain(expected);

  // Results for the CBC, as on the lab's paper report: haemoglobin in g/L (converted), a high WBC.
  await card.getByRole('button', { name: 'Enter results for Complete blood count (CBC)' }).click();
  const enter = page.getByRole('dialog', { name: 'Results: Complete blood count (CBC)' });
  await enter.getByLabel('Haemoglobin result', { exact: true }).fill('105');
  await enter.getByLabel('Haemoglobin unit', { exact: true }).fill('g/L');
  await enter.getByLabel('White blood cell count (total leucocyte count) result', { exact: true }).fill('twelve');
  await enter.getByLabel('Platelet count result', { exact: true }).fill('250');
  await enter.getByRole('button', { name: 'Save results' }).click();
  // A value that is not a number is refused on its row; nothing is saved.
  await expect(enter.getByText('"twelve" is not a number.', { exact: false }).first()).toBeVisible();
  await enter.getByLabel('White blood cell count (total leucocyte count) result', { exact: true }).fill('12.4');
  await page.screenshot({ path: path.join(SHOTS, 'labs-enter-results.png') });
  await enter.getByRole('button', { name: 'Save results' }).click();
  await expect(enter).toBeHidden();

  const table = card.getByRole('table', { name: /^Complete blood count \(CBC\), sample of/ });
  await expect(table).toBeVisible();
  const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) });
  await expect(row('Haemoglobin')).toContainText('10.5');
  await expect(row('Haemoglobin')).toContainText('L · Low');
  await expect(row('Haemoglobin')).toContainText('entered as 105 g/L');
  await expect(row('White blood cell count')).toContainText('H · High');
  await expect(row('Platelet count')).not.toContainText(/High|Low/);
  await expect(card.getByText('Partly resulted')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'labs-results-flags.png'), fullPage: true });

  // A second order (Alt+L opens the form, typing goes to its search), cancelled with a reason after a confirmation.
  await page.keyboard.press('Alt+l');
  await expect(find).toBeFocused();
  // Enter at once: the first match is added when the search answers.
  await page.keyboard.type('lipid');
  await find.press('Enter');
  await form.getByRole('button', { name: 'Order 1 test' }).click();
  const lipid = labs.getByRole('article').filter({ hasText: 'Lipid profile' });
  const lipidNumber = ((await lipid.getAttribute('aria-label')) ?? '').replace('Lab order ', '');
  await lipid.getByRole('button', { name: `Cancel order ${lipidNumber}` }).click();
  const confirm = page.getByRole('dialog', { name: `Cancel lab order ${lipidNumber}?` });
  await confirm.getByLabel('Reason', { exact: true }).fill('Done at another lab last week');
  await confirm.getByRole('button', { name: 'Cancel the order' }).click();
  await expect(confirm).toBeHidden();
  await expect(lipid.getByText('Cancelled: Done at another lab last week')).toBeVisible();

  // Results often come back after the visit is over: the finished visit still takes them.
  await page.getByRole('button', { name: 'Finish visit' }).click();
  await page.getByRole('dialog', { name: 'Finish this visit?' }).getByRole('button', { name: 'Finish visit' }).click();
  const past = page.getByRole('article', { name: /^Visit / }).getByRole('region', { name: 'Lab orders' });
  await expect(past.getByRole('button', { name: 'Order lab tests' })).toHaveCount(0);
  await past.getByRole('button', { name: 'Enter results for Haemoglobin A1c (HbA1c)' }).click();
  const a1c = page.getByRole('dialog', { name: 'Results: Haemoglobin A1c (HbA1c)' });
  await a1c.getByLabel('Haemoglobin A1c (HbA1c) result', { exact: true }).fill('7.9');
  await a1c.getByRole('button', { name: 'Save results' }).click();
  await expect(a1c).toBeHidden();
  await expect(
    past
      .getByRole('table', { name: /^Haemoglobin A1c \(HbA1c\), sample of/ })
      .getByRole('row', { name: /^Haemoglobin A1c/ }),
  ).toContainText('H · High');
  await expect(past.getByText('Resulted', { exact: true })).toBeVisible();

  // The Lab tests screen finds the panel with its tests.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Lab tests' }).click();
  await page.getByRole('searchbox', { name: 'Search tests and panels' }).fill('cbc');
  const catalogue = page.getByRole('table', { name: 'Lab tests and panels' });
  await expect(catalogue.getByRole('row', { name: /^Complete blood count \(CBC\)/ })).toContainText('XCBC');
  await page.getByRole('searchbox', { name: 'Search tests and panels' }).fill('haemoglobin');
  await catalogue.getByRole('button', { name: 'Edit Haemoglobin', exact: true }).click();
  const editor = page.getByRole('dialog', { name: 'Edit Haemoglobin' });
  await expect(editor.getByLabel('Source 1', { exact: true })).toHaveValue(/WHO/);
  await page.screenshot({ path: path.join(SHOTS, 'labs-test-editor.png') });
  await editor.getByRole('button', { name: 'Close' }).click();

  // A test of the clinic's own, with the molar mass that lets mg/dL convert to its mmol/L.
  await page.getByRole('button', { name: 'Add a test or panel' }).click();
  const adding = page.getByRole('dialog', { name: 'Add a test or panel' });
  await adding.getByLabel('Code').fill('XURATE');
  await adding.getByLabel('Name').fill('Urate (clinic method)');
  await adding.getByLabel('Unit').fill('mmol/L');
  await adding.getByLabel('Molar mass (g/mol)').fill('168.11');
  await adding.getByRole('button', { name: 'Add a range' }).click();
  await adding.getByLabel('Low 1', { exact: true }).fill('0.2');
  await adding.getByLabel('High 1', { exact: true }).fill('0.42');
  await adding.getByLabel('Source 1', { exact: true }).fill('City Diagnostics reference intervals 2026');
  await adding.getByRole('button', { name: 'Save' }).click();
  await expect(adding).toBeHidden();
  expect(await dispatchOk(app, admin, 'labs.catalogue.get', { code: 'XURATE' })).toMatchObject({
    origin: 'clinic',
    unit: 'mmol/L',
    molarMass: 168.11,
  });
});
