import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { dispatchOk, SHOTS } from './patients-helpers';
import { openChartOf, patientInVisit, setUpDoctorClinic, signInDoctor } from './rx-helpers';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test('a signed prescription is changed (cancelled with a reason, a new draft with its items) and cancelled from the pad; earlier prescriptions are listed in the visit', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const admin = await setUpDoctorClinic(app);
  const { patient: jose, visit } = await patientInVisit(app, admin);
  // Signed earlier today by the same doctor: cetirizine 10 mg once a day.
  const earlier = await dispatchOk(app, admin, 'prescriptions.createDraft', { visitId: visit.id });
  await dispatchOk(app, admin, 'prescriptions.addItem', {
    prescriptionId: earlier.id,
    item: {
      kind: 'structured',
      name: 'Cetirizine 10 mg',
      form: 'tablet',
      route: 'oral',
      lines: [{ amount: 1, unit: 'tablet', frequency: 'od', duration: { value: 10, unit: 'days' } }],
    },
  });
  const current = await dispatchOk(app, admin, 'prescriptions.get', { id: earlier.id });
  const signed = await dispatchOk(app, admin, 'prescriptions.sign', { id: earlier.id, version: current.version });
  const number = signed.number!;

  await signInDoctor(app, page);
  await openChartOf(page);

  const pad = page.getByRole('region', { name: 'Prescription' });
  const earlierList = pad.getByRole('list', { name: 'Earlier prescriptions' });
  await expect(earlierList.getByRole('listitem')).toHaveCount(1);
  await expect(earlierList).toContainText(`${number} · signed`);
  await expect(earlierList).toContainText('Dr Amara Okafor: Cetirizine 10 mg');
  await earlierList.getByRole('button', { name: `Open ${number}` }).click();
  await expect(pad.getByText(`Signed ${number}`)).toBeVisible();
  await expect(pad.getByText('No earlier prescriptions for this patient.')).toBeVisible();

  // Change: a reason is required; then it is cancelled and a new draft with its items opens.
  await pad.getByRole('button', { name: 'Change prescription' }).click();
  const changeForm = pad.getByRole('form', { name: `Change prescription ${number}` });
  const reason = changeForm.getByLabel('Reason for the change');
  await expect(reason).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(changeForm.getByText('Say why the prescription is cancelled')).toBeVisible();
  await page.keyboard.type('Wrong duration written');
  await page.keyboard.press('Enter');
  await expect(
    pad.getByText(`Prescription ${number} was cancelled; a new draft with its items is open below.`),
  ).toBeVisible();
  await expect(pad.getByRole('form', { name: 'Add a medicine' })).toBeVisible();
  const rows = pad.getByRole('list', { name: 'Items' }).locator(':scope > li');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('1 tablet once a day for 10 days');
  await expect(earlierList).toContainText(`${number} · cancelled`);
  await page.screenshot({ path: path.join(SHOTS, 'rx-pad-changed.png'), fullPage: true });

  // The new draft: corrected, signed; then cancelled outright with a reason.
  await rows.first().getByRole('button', { name: 'Remove Cetirizine 10 mg' }).click();
  await expect(rows).toHaveCount(0);
  const form = pad.getByRole('form', { name: 'Add a medicine' });
  await form.getByLabel('Medicine').fill('Cetirizine 10 mg');
  await form.getByLabel('Frequency').fill('od');
  await form.getByLabel('Duration', { exact: true }).fill('5');
  await form.getByLabel('Duration', { exact: true }).press('Enter');
  await expect(rows).toHaveCount(1);
  await pad.getByRole('button', { name: 'Sign prescription' }).click();
  const signedNote = pad.getByText(/Prescription RX-\d{8}-[0-9A-F]{6} signed/);
  await expect(signedNote).toBeVisible();
  const second = (await signedNote.textContent())!.match(/RX-\d{8}-[0-9A-F]{6}/)![0];
  expect(second).not.toBe(number);

  await pad.getByRole('button', { name: 'Cancel prescription' }).click();
  const cancelForm = pad.getByRole('form', { name: `Cancel prescription ${second}` });
  await cancelForm.getByLabel('Reason for cancelling').fill('Patient already has it at home');
  await cancelForm.getByRole('button', { name: 'Cancel this prescription' }).click();
  await expect(pad.getByText(`Prescription ${second} was cancelled; its medicines are stopped.`)).toBeVisible();
  await expect(pad.getByText('Cancelled: Patient already has it at home')).toBeVisible();
  await expect(pad.getByRole('button', { name: 'Cancel prescription' })).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, 'rx-pad-cancelled.png'), fullPage: true });

  const all = await dispatchOk(app, admin, 'prescriptions.list', { patientId: jose.id });
  expect(all.map((p) => [p.number, p.status]).sort()).toEqual(
    [
      [number, 'cancelled'],
      [second, 'cancelled'],
    ].sort(),
  );
  const first = await dispatchOk(app, admin, 'prescriptions.get', { id: earlier.id });
  expect(first.cancelReason).toBe('Wrong duration written');
});
