import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { readPdf, squash } from '../integration/printing/read-pdf';
import { dispatchOk, JOSE, seedPatient, SHOTS } from './patients-helpers';
import { openChartOf, padForJose, patientInVisit, setUpDoctorClinic, signInDoctor } from './rx-helpers';
import { storedDraft } from './drafts-helpers';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test('prescription pad: quantity computed and editable, repeats, instructions never cut, a favourite fills the form', async ({
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
  const items = pad.getByRole('list', { name: 'Items' });

  // The quantity is computed from the dose as it is typed; left empty, the computed one is kept.
  await page.keyboard.type('Paracetamol 500 mg');
  await form.getByLabel('Frequency').fill('tds');
  await form.getByLabel('Duration', { exact: true }).fill('5');
  const quantity = form.getByLabel('Quantity', { exact: true });
  await expect(quantity).toHaveAttribute('placeholder', '15');
  await expect(form.getByText('Computed from the dose: 15 tablets')).toBeVisible();
  await form.getByLabel('Repeats').selectOption('1');
  await form.getByLabel('Instructions').fill('Not more than 8 tablets in 24 hours.\nStop if a rash appears.');
  await quantity.press('Enter');
  const first = items.locator(':scope > li').first();
  await expect(first).toContainText('Quantity: 15 tablets · 1 repeat');
  await expect(first).toContainText('Instructions: Not more than 8 tablets in 24 hours.');
  await expect(first).toContainText('Stop if a rash appears.');
  await expect(form.getByLabel('Medicine')).toBeFocused();

  // A typed quantity is the one sent; instructions over the limit are refused, never cut.
  await page.keyboard.type('Cetirizine 10 mg');
  await form.getByLabel('Frequency').fill('od');
  await form.getByLabel('Duration', { exact: true }).fill('10');
  await expect(quantity).toHaveAttribute('placeholder', '10');
  await quantity.fill('30');
  const long = 'Take with water. '.repeat(30);
  await form.getByLabel('Instructions').fill(long);
  await expect(form.getByText(`This is ${long.length} characters long; at most 500 fit here.`)).toBeVisible();
  await quantity.press('Enter');
  await expect(items.locator(':scope > li')).toHaveCount(1);
  await expect(form.getByLabel('Instructions')).toHaveValue(long);
  await form.getByLabel('Instructions').fill('Take with water.');
  await quantity.press('Enter');
  await expect(items.locator(':scope > li')).toHaveCount(2);
  await expect(items.locator(':scope > li').nth(1)).toContainText('Quantity: 30 tablets · 0 repeats');
  await page.screenshot({ path: path.join(SHOTS, 'rx-pad-fields.png'), fullPage: true });

  // Save the first item as a favourite: it asks a name (Enter saves).
  await items
    .locator(':scope > li')
    .first()
    .getByRole('button', { name: 'Save Paracetamol 500 mg as favourite' })
    .click();
  const name = pad.getByLabel('Favourite name');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Paracetamol 500 mg');
  await name.fill('Fever, adult');
  await name.press('Enter');
  await expect(pad.getByText('Saved as favourite “Fever, adult”.')).toBeVisible();

  // The favourite fills the add form in one step, from the keyboard; added, it reads the same.
  const favourites = form.getByLabel('Favourites');
  await favourites.focus();
  await favourites.selectOption({ label: 'Fever, adult: Paracetamol 500 mg, 1 tablet three times a day for 5 days' });
  await expect(form.getByLabel('Medicine')).toHaveValue('Paracetamol 500 mg');
  await expect(form.getByLabel('Frequency')).toHaveValue('three times a day');
  await expect(form.getByLabel('Duration', { exact: true })).toHaveValue('5');
  await expect(form.getByLabel('Repeats')).toHaveValue('1');
  await expect(form.getByLabel('Instructions')).toHaveValue(
    'Not more than 8 tablets in 24 hours.\nStop if a rash appears.',
  );
  await expect(quantity).toHaveValue('');
  await expect(form.getByText('Reads: 1 tablet three times a day for 5 days')).toBeVisible();
  await quantity.press('Enter');
  await expect(items.locator(':scope > li')).toHaveCount(3);
  await expect(items.locator(':scope > li').nth(2)).toContainText('Quantity: 15 tablets · 1 repeat');
  await page.screenshot({ path: path.join(SHOTS, 'rx-pad-favourite.png'), fullPage: true });
});

test('prescription pad: for a child with a weight, mg/kg help beside the dose of a product with a strength in mg', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const admin = await setUpDoctorClinic(app);
  const mia = await seedPatient(app, admin, {
    ...JOSE,
    givenNames: 'Mia',
    sex: 'female' as const,
    birth: { kind: 'date' as const, date: '2021-05-01' },
  });
  await dispatchOk(app, admin, 'vitals.record', {
    patientId: mia.id,
    takenAt: '2026-11-10T09:00:00.000Z',
    units: 'metric',
    weight: 18,
  });
  await dispatchOk(app, admin, 'visits.start', { patientId: mia.id });
  await signInDoctor(app, page);
  await openChartOf(page, /Mia García/);

  const pad = page.getByRole('region', { name: 'Prescription' });
  await expect(pad.getByText(/latest weight 18 kg/)).toBeVisible();
  await page.keyboard.press('Alt+p');
  const form = pad.getByRole('form', { name: 'Add a medicine' });
  await expect(form.getByLabel('Medicine')).toBeFocused();
  await page.keyboard.type('paracetamol 250 mg/5');
  await form
    .getByRole('option', { name: /Paracetamol 250 mg\/5 mL/ })
    .first()
    .click();
  const dose = form.getByLabel('Dose');
  await dose.fill('5');
  // 5 mL × 250 mg/5 mL ÷ 18 kg
  await expect(form.getByText('= 13.89 mg/kg per dose')).toBeVisible();
  await dose.fill('7.5');
  await expect(form.getByText('= 20.83 mg/kg per dose')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'rx-pad-mg-per-kg.png'), fullPage: true });
});

test('prescription pad: a taper is written step by step, listed as its steps on the pad and on the printout; the preview names its paper', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const { admin, patient: jose } = await padForJose(app, page);

  const pad = page.getByRole('region', { name: 'Prescription' });
  await expect(pad.getByRole('button', { name: 'New prescription' })).toBeVisible();
  await page.keyboard.press('Alt+p');
  const form = pad.getByRole('form', { name: 'Add a medicine' });
  await expect(form.getByLabel('Medicine')).toBeFocused();
  await page.keyboard.type('Prednisolone 10 mg');
  await form.getByLabel('Dose').fill('4');
  await form.getByLabel('Frequency').fill('od');
  await form.getByLabel('Duration', { exact: true }).fill('3');
  await form.getByRole('button', { name: 'Add a step (taper)' }).click();
  const kept = form.getByRole('list', { name: 'Steps kept' });
  await expect(kept).toContainText('Step 1: 4 tablets once a day for 3 days');
  await expect(form.getByLabel('Dose')).toBeFocused();
  await form.getByLabel('Dose').fill('2');
  await form.getByLabel('Duration', { exact: true }).fill('3');
  await form.getByRole('button', { name: 'Add a step (taper)' }).click();
  await form.getByLabel('Dose').fill('1');
  await form.getByLabel('Duration', { exact: true }).fill('2');
  await expect(kept.getByRole('listitem')).toHaveCount(2);
  // The read-back and the computed quantity cover every step: 12 + 6 + 2 tablets.
  await expect(form.getByText('Computed from the dose: 20 tablets')).toBeVisible();
  // A step taken off is gone from the read-back too.
  await form.getByRole('button', { name: 'Remove step 2' }).click();
  await expect(form.getByText('Computed from the dose: 14 tablets')).toBeVisible();
  await form.getByLabel('Duration', { exact: true }).press('Enter');

  const steps = pad.getByRole('list', { name: 'Steps of Prednisolone 10 mg' });
  await expect(steps.getByRole('listitem')).toHaveText([
    'Step 1: 4 tablets once a day for 3 days',
    'Step 2: 1 tablet once a day for 2 days',
  ]);
  await expect(pad.getByRole('list', { name: 'Items' })).toContainText('Quantity: 14 tablets');
  await expect(form.getByRole('list', { name: 'Steps kept' })).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, 'rx-pad-taper.png'), fullPage: true });

  await pad.getByRole('button', { name: 'Sign prescription' }).click();
  await expect(pad.getByText(/Prescription RX-\d{8}-[0-9A-F]{6} signed/)).toBeVisible();
  // The preview names the paper the prescription prints on: the prescription's own (A5 by default,
  // while the clinic's general paper is A4), and A4 once settings say so.
  const number = (await pad.getByText(/Prescription RX-\d{8}-[0-9A-F]{6} signed/).textContent())!.match(
    /RX-\d{8}-[0-9A-F]{6}/,
  )![0];
  const preview = page.getByRole('dialog', { name: 'Prescription' });
  await pad.getByRole('button', { name: `Print prescription ${number}` }).click();
  await expect(preview).toContainText(/\.pdf · 1 page, A5/);
  await page.keyboard.press('Escape');
  const settings = await dispatchOk(app, admin, 'settings.get', {});
  expect(settings.paperSize).toBe('A4');
  await dispatchOk(app, admin, 'settings.update', { ...settings, prescriptionPaperSize: 'A4' });
  await pad.getByRole('button', { name: `Print prescription ${number}` }).click();
  await expect(preview).toContainText(/\.pdf · 1 page, A4/);
  await page.screenshot({ path: path.join(SHOTS, 'rx-preview-paper.png') });
  await page.keyboard.press('Escape');
  await dispatchOk(app, admin, 'settings.update', { ...settings, prescriptionPaperSize: 'A5' });

  const [rx] = await dispatchOk(app, admin, 'prescriptions.list', { patientId: jose.id });
  const printed = await dispatchOk(app, admin, 'print.prescription', { prescriptionId: rx!.id });
  const pdf = Buffer.from(printed.pdfBase64, 'base64');
  fs.writeFileSync(path.join(SHOTS, 'rx-taper.pdf'), pdf);
  const text = squash((await readPdf(pdf)).map((p) => p.text).join(' '));
  expect(text).toContain('Prednisolone 10 mg');
  expect(text).toContain('Step 1: 4 tablets once a day for 3 days');
  expect(text).toContain('Step 2: 1 tablet once a day for 2 days');
});

test('prescription pad: an as-needed favourite keeps its most doses a day when it fills a line', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const admin = await setUpDoctorClinic(app);
  const { patient: jose } = await patientInVisit(app, admin);
  await signInDoctor(app, page);
  await dispatchOk(app, app.session, 'prescriptions.saveFavourite', {
    label: 'Pain, as needed',
    item: {
      kind: 'structured',
      name: 'Ibuprofen 400 mg',
      form: 'tablet',
      route: 'oral',
      lines: [
        {
          amount: 1,
          unit: 'tablet',
          frequency: { kind: 'as-needed', reason: 'pain', maxPerDay: 3 },
          timing: 'after-food',
          duration: { value: 5, unit: 'days' },
        },
      ],
    },
  });
  await page.reload();
  await openChartOf(page);

  const pad = page.getByRole('region', { name: 'Prescription' });
  await expect(pad.getByRole('button', { name: 'New prescription' })).toBeVisible();
  await page.keyboard.press('Alt+p');
  const form = pad.getByRole('form', { name: 'Add a medicine' });
  await expect(form.getByLabel('Medicine')).toBeFocused();
  await form.getByLabel('Favourites').selectOption({
    label:
      'Pain, as needed: Ibuprofen 400 mg, 1 tablet when needed for pain, at most 3 times a day after food for 5 days',
  });
  await expect(form.getByLabel('Frequency')).toHaveValue('as needed for pain, at most 3 a day');
  await expect(
    form.getByText('Reads: 1 tablet when needed for pain, at most 3 times a day after food for 5 days'),
  ).toBeVisible();
  // The most a day makes the quantity computable: 3 a day for 5 days.
  await expect(form.getByText('Computed from the dose: 15 tablets')).toBeVisible();
  await form.getByLabel('Frequency').press('Enter');
  const row = pad.getByRole('list', { name: 'Items' }).locator(':scope > li').first();
  await expect(row).toContainText('1 tablet when needed for pain, at most 3 times a day after food for 5 days');
  await expect(row).toContainText('Quantity: 15 tablets');
  const [rx] = await dispatchOk(app, admin, 'prescriptions.list', { patientId: jose.id });
  const saved = await dispatchOk(app, admin, 'prescriptions.get', { id: rx!.id });
  const item = saved.items[0]!.item;
  expect(item.kind === 'structured' && item.lines[0]!.frequency).toEqual({
    kind: 'as-needed',
    reason: 'pain',
    maxPerDay: 3,
  });
});

test('prescription pad: the medicine being typed is kept as a draft in main, and a reload brings it back; adding it ends the draft', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const { admin, patient: jose } = await padForJose(app, page);

  const pad = page.getByRole('region', { name: 'Prescription' });
  await expect(pad.getByRole('button', { name: 'New prescription' })).toBeVisible();
  await page.keyboard.press('Alt+p');
  let form = pad.getByRole('form', { name: 'Add a medicine' });
  await expect(form.getByLabel('Medicine')).toBeFocused();
  await page.keyboard.type('Prednisolone 5 mg');
  await form.getByLabel('Dose').fill('6');
  await form.getByLabel('Frequency').fill('od');
  await form.getByLabel('Duration', { exact: true }).fill('3');
  await form.getByRole('button', { name: 'Add a step (taper)' }).click();
  await form.getByLabel('Dose').fill('4');
  await form.getByLabel('Duration', { exact: true }).fill('3');
  await form.getByLabel('Instructions').fill('Take with breakfast; do not stop suddenly.');
  const [rx] = await dispatchOk(app, admin, 'prescriptions.list', { patientId: jose.id });
  const key = `rx:${rx!.id}`;
  // Written to main shortly after typing stops (nothing in the browser profile).
  await expect
    .poll(async () => (await storedDraft(app, 'rxItem', key))?.body.form.instructions)
    .toBe('Take with breakfast; do not stop suddenly.');

  await page.reload();
  await openChartOf(page);
  form = pad.getByRole('form', { name: 'Add a medicine' });
  await expect(form.getByText(/What you were typing here at .* was kept and is back\./)).toBeVisible();
  await expect(form.getByLabel('Medicine')).toHaveValue('Prednisolone 5 mg');
  await expect(form.getByLabel('Dose')).toHaveValue('4');
  await expect(form.getByLabel('Frequency')).toHaveValue('od');
  await expect(form.getByLabel('Duration', { exact: true })).toHaveValue('3');
  await expect(form.getByLabel('Instructions')).toHaveValue('Take with breakfast; do not stop suddenly.');
  await expect(form.getByRole('list', { name: 'Steps kept' })).toContainText('Step 1: 6 tablets once a day for 3 days');
  await page.screenshot({ path: path.join(SHOTS, 'rx-pad-draft-restored.png'), fullPage: true });

  await form.getByLabel('Duration', { exact: true }).press('Enter');
  await expect(pad.getByRole('list', { name: 'Steps of Prednisolone 5 mg' }).getByRole('listitem')).toHaveCount(2);
  await expect(form.getByLabel('Medicine')).toHaveValue('');
  await expect.poll(() => storedDraft(app, 'rxItem', key)).toBeNull();
  await page.reload();
  await openChartOf(page);
  await expect(pad.getByRole('form', { name: 'Add a medicine' }).getByLabel('Medicine')).toHaveValue('');
  await expect(pad.getByText(/was kept and is back/)).toHaveCount(0);
});
