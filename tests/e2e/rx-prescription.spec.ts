import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { readPdf, squash } from '../integration/printing/read-pdf';
import type { RunningApp } from '../harness/app-harness';
import { createUserReady } from './admin-helpers';
import { invokeFromPage } from './helpers';
import { ADMIN, dispatchOk, JOSE, RECEPTIONIST, seedPatient, SHOTS } from './patients-helpers';
import { openChartOf } from './rx-helpers';

/**
 * Issue 10, part 7: a doctor writes a prescription keyboard only (drug search) for a patient with a
 * penicillin allergy and a statin on the medication list: the allergy interrupts, the interaction
 * is overridden with a reason, the duplicate therapy warns; sign, repeat with one key, print
 * preview (the PDF read back); a receptionist can neither see nor print it.
 */

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

async function signInPage(app: RunningApp, user: { username: string; password: string }): Promise<void> {
  await dispatchOk(app, app.session, 'auth.signIn', { username: user.username, password: user.password });
  await app.page.reload();
}

/** Tab forward until the control labelled `label` has the focus (keyboard only). */
async function tabTo(page: Page, form: Locator, label: string): Promise<void> {
  const target = form.getByLabel(label, { exact: true });
  for (let i = 0; i < 12; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/**
 * One item keyboard only: the medicine searched and chosen with Enter (the first match is
 * active), then Tab to each field and type; Enter in Duration adds it.
 */
async function writeItem(
  page: Page,
  form: Locator,
  item: { search: string; pick: RegExp; amount: string; frequency: string; days: string; shot?: string },
): Promise<void> {
  const medicine = form.getByRole('combobox', { name: 'Medicine' });
  await expect(medicine).toBeFocused();
  await page.keyboard.type(item.search);
  const options = form.getByRole('listbox', { name: 'Drugs found' });
  await expect(options).toBeVisible();
  const active = options.getByRole('option', { selected: true });
  await expect(active).toHaveText(item.pick);
  // The typed words stay possible as free text: the last option, reached with the arrows.
  await expect(options.getByRole('option').last()).toHaveText(`Use “${item.search}” as free text`);
  if (item.shot) await form.screenshot({ path: path.join(SHOTS, item.shot) });
  await page.keyboard.press('Enter');
  await expect(options).toBeHidden();
  await expect(form.getByText(/^Chosen from the (catalogue|formulary)/)).toBeVisible();
  await tabTo(page, form, 'Dose');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(item.amount);
  await tabTo(page, form, 'Frequency');
  await page.keyboard.type(item.frequency);
  await tabTo(page, form, 'Duration');
  await page.keyboard.type(item.days);
  await page.keyboard.press('Enter');
}

test('a prescription keyboard only: allergy interrupts, interaction overridden, duplicate warns; sign, repeat, print; not for the desk', async ({
  app,
  page,
}) => {
  test.setTimeout(150_000);
  const admin = app.core.newSession();
  await dispatchOk(app, admin, 'setup.complete', {
    clinic: { clinicName: 'Riverside Clinic', timeZone: 'UTC' },
    admin: { ...ADMIN, alsoDoctor: true },
  });
  await createUserReady(app, admin, { ...RECEPTIONIST, roles: ['receptionist'] });
  const jose = await seedPatient(app, admin, JOSE);
  await dispatchOk(app, admin, 'allergies.add', {
    patientId: jose.id,
    substance: 'Penicillin',
    substanceType: 'medication',
    reaction: 'Hives',
    severity: 'moderate',
  });
  await dispatchOk(app, admin, 'medications.add', {
    patientId: jose.id,
    medication: {
      name: 'Simvastatin 20 mg tablet',
      dose: '20 mg',
      route: 'oral',
      frequency: 'at night',
      source: 'outside',
    },
  });
  await dispatchOk(app, admin, 'visits.start', { patientId: jose.id });
  await signInPage(app, ADMIN);
  await openChartOf(page);

  const pad = page.getByRole('region', { name: 'Prescription' });
  await expect(pad).toBeVisible();
  await page.keyboard.press('Alt+p');
  const form = pad.getByRole('form', { name: 'Add a medicine' });
  const items = pad.getByRole('list', { name: 'Items' });
  const rows = items.locator(':scope > li');

  // Amoxicillin for a patient allergic to penicillin: the allergy interrupts.
  await writeItem(page, form, {
    search: 'amoxicillin 500',
    pick: /^Amoxicillin 500 mg capsule/,
    amount: '1',
    frequency: 'tds',
    days: '5',
  });
  await expect(rows).toHaveCount(1);
  const amox = rows.first();
  await expect(amox.locator('.rx-alert--interrupt')).toContainText(/Stop.*[Pp]enicillin/);
  await page.screenshot({ path: path.join(SHOTS, 'rx-prescription-allergy.png'), fullPage: true });
  // The doctor takes it off (keyboard: the remove button, Enter) and writes a macrolide instead.
  await amox.getByRole('button', { name: /^Remove Amoxicillin/ }).focus();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(0);
  await form.getByRole('combobox', { name: 'Medicine' }).focus();

  // Clarithromycin with the simvastatin on the medication list: an interaction that interrupts.
  await writeItem(page, form, {
    search: 'clarithromycin 500',
    pick: /^Clarithromycin 500 mg tablet/,
    amount: '1',
    frequency: 'bd',
    days: '7',
    shot: 'rx-prescription-search.png',
  });
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('.rx-alert--interrupt')).toContainText(/Simvastatin/);

  // Two NSAIDs: the second warns of duplicate therapy.
  await writeItem(page, form, {
    search: 'ibuprofen 400',
    pick: /^Ibuprofen 400 mg tablet/,
    amount: '1',
    frequency: 'tds',
    days: '5',
  });
  await writeItem(page, form, {
    search: 'naproxen 250',
    pick: /^Naproxen 250 mg tablet/,
    amount: '1',
    frequency: 'bd',
    days: '5',
  });
  await expect(rows).toHaveCount(3);
  await expect(pad.locator('.rx-alert--warn', { hasText: /both NSAIDs: duplicate therapy/ }).first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'rx-prescription-pad.png'), fullPage: true });

  // The interaction needs a reason: given from the keyboard (Enter keeps it).
  const reason = pad.getByLabel(/^Reason to go on/).first();
  await reason.focus();
  await page.keyboard.type('Statin held for the course of antibiotics');
  await page.keyboard.press('Enter');
  await expect(pad.getByText('Overridden: Statin held for the course of antibiotics')).toBeVisible();
  await expect(pad.getByLabel(/^Reason to go on/)).toHaveCount(0);

  await pad.getByRole('button', { name: 'Sign prescription' }).focus();
  await page.keyboard.press('Enter');
  const signed = pad.getByText(/Prescription RX-\d{8}-[0-9A-F]{6} signed/);
  await expect(signed).toBeVisible();
  const number = (await signed.textContent())!.match(/RX-\d{8}-[0-9A-F]{6}/)![0];

  // Print preview of the signed prescription, and the PDF read back.
  await pad.getByRole('button', { name: `Print prescription ${number}` }).focus();
  await page.keyboard.press('Enter');
  const preview = page.getByRole('dialog', { name: 'Prescription' });
  await expect(preview.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
  await expect(preview).toContainText(/prescription-rx-.*\.pdf · 1 page/);
  await page.screenshot({ path: path.join(SHOTS, 'rx-prescription-preview.png') });
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  const list = await dispatchOk(app, admin, 'prescriptions.list', { patientId: jose.id });
  const rx = list.find((p) => p.number === number)!;
  const printed = await dispatchOk(app, admin, 'print.prescription', { prescriptionId: rx.id });
  const pdf = Buffer.from(printed.pdfBase64, 'base64');
  fs.writeFileSync(path.join(SHOTS, 'rx-prescription.pdf'), pdf);
  const text = squash((await readPdf(pdf)).map((p) => p.text).join(' '));
  expect(text).toContain(number);
  expect(text).toContain('García');
  for (const name of ['Clarithromycin 500 mg tablet', 'Ibuprofen 400 mg tablet', 'Naproxen 250 mg tablet'])
    expect(text).toContain(name);
  expect(text).not.toContain('Amoxicillin');
  // The allergy and the reason given for the interaction are printed with it.
  expect(text).toContain('Allergies: Penicillin');
  expect(text).toContain('Reason: Statin held for the course of antibiotics');

  // Repeat last: one key, a new draft with the same three items, the interaction asked again.
  await page.keyboard.press('Alt+r');
  await expect(pad.getByRole('form', { name: 'Add a medicine' })).toBeVisible();
  await expect(rows).toHaveCount(3);
  await expect(pad.getByLabel(/^Reason to go on/)).toHaveCount(1);

  // Free text stays possible: the arrows reach "Use … as free text", Enter keeps the words as typed.
  const medicine = form.getByRole('combobox', { name: 'Medicine' });
  await medicine.focus();
  await page.keyboard.type('Paracetamol 500 mg');
  const options = form.getByRole('listbox', { name: 'Drugs found' });
  const freeText = options.getByRole('option', { name: 'Use “Paracetamol 500 mg” as free text' });
  await expect(options.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  for (let i = 0; i < 11 && (await freeText.getAttribute('aria-selected')) !== 'true'; i++)
    await page.keyboard.press('ArrowDown');
  await expect(freeText).toHaveAttribute('aria-selected', 'true');
  await expect(medicine).toHaveAttribute('aria-activedescendant', (await freeText.getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(options).toBeHidden();
  await expect(medicine).toHaveValue('Paracetamol 500 mg');
  await expect(form.getByText(/^Free text: checked by the ingredients/)).toBeVisible();
  await tabTo(page, form, 'Frequency');
  await page.keyboard.type('qds');
  await tabTo(page, form, 'Duration');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(3)).toContainText('Paracetamol 500 mg');
  await page.screenshot({ path: path.join(SHOTS, 'rx-prescription-repeat.png'), fullPage: true });

  // The receptionist: no Chart tab, and main refuses the prescription channels.
  await dispatchOk(app, app.session, 'auth.signOut', {});
  await signInPage(app, RECEPTIONIST);
  await openChartOf(page);
  await expect(page.getByRole('region', { name: 'Patient banner' })).toContainText(jose.mrn);
  await expect(page.getByRole('tab', { name: 'Chart' })).toHaveCount(0);
  await expect(page.getByText(/Clarithromycin|Naproxen|Ibuprofen/)).toHaveCount(0);
  for (const [channel, input] of [
    ['prescriptions.list', { patientId: jose.id }],
    ['prescriptions.get', { id: rx.id }],
    ['print.prescription', { prescriptionId: rx.id }],
    ['print.prescriptionToPrinter', { prescriptionId: rx.id }],
    ['rx.drugs.search', { text: 'amox' }],
  ] as const) {
    expect(await invokeFromPage(page, channel, input), channel).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  }
});
