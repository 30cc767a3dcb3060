import { test, expect } from './fixtures';
import { dispatchOk, seedClinic, signInPage } from './admin-helpers';

/**
 * Issue 11, part 4: a doctor imports an ORU^R01 file, reads the summary (imported, to reconcile,
 * the message that could not be read, with its segment), and reconciles the result the import would
 * not guess a patient for.
 */
test('a doctor imports an ORU file, reads the summary and assigns the unmatched result to the right patient', async ({
  app,
  page,
}) => {
  test.slow();
  const { adminSession } = await seedClinic(app);
  const patient = await dispatchOk(app, adminSession, 'patients.register', {
    patient: {
      givenNames: 'Grace',
      familyName: 'Mensah',
      sex: 'female',
      birth: { kind: 'date', date: '1984-07-12' },
      phones: [],
    },
  });
  const message = (control: string, mrn: string, birth: string, obx: string, name = 'Mensah^Grace') =>
    [
      `MSH|^~\\&|LIS|CITYLAB|CHARTBOOK|RIVERSIDE|202603100900||ORU^R01|${control}|P|2.5.1`,
      `PID|1||${mrn}^^^RIVERSIDE^MR||${name}||${birth}|F`,
      'OBR|1|||2345-7^Glucose^LN|||202603100830',
      obx,
      'NTE|1||Fasting\\.br\\sample',
    ].join('\r') + '\r';
  const file = [
    message('M1', patient.mrn, '19840712', 'OBX|1|NM|2345-7^Glucose^LN||7.2|mmol/L|3.9-5.5|H|||F'),
    // The lab's own number and a misspelt name: nobody to be sure of, so it waits to be reconciled.
    message('M2', 'CL-55321', '19840712', 'OBX|1|NM|2345-7^Glucose^LN||5.1|mmol/L|3.9-5.5|N|||F', 'Mensa^Grace'),
    message('M3', patient.mrn, '19840712', 'OBX|1|NM|2345-7^Glucose^LN||high|mmol/L|3.9-5.5||||F'),
  ].join('');

  await signInPage(app);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Lab imports', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lab imports' })).toBeVisible();
  await expect(page.getByText('Nothing waits to be reconciled.')).toBeVisible();

  await page.getByLabel('Results file', { exact: true }).setInputFiles({
    name: 'citylab.hl7',
    mimeType: 'text/plain',
    buffer: Buffer.from(file),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(
    page.getByText('citylab.hl7: imported 1 (results: 1); already there: 0; to reconcile: 1; not readable: 1.'),
  ).toBeVisible();
  const summary = page.getByRole('definition');
  await expect(summary).toHaveText(['1', '0', '1', '1']);
  const problems = page.getByRole('table', { name: 'Messages that were not imported' });
  await expect(
    problems.getByRole('row', { name: /message 3 \(control id M3\) OBX 4 \(OBX-5\) "high" is not a number/ }),
  ).toBeVisible();

  // The reconciliation list says why, and the doctor chooses the patient.
  const waiting = page.getByRole('table', { name: 'Results waiting for a patient' });
  await expect(
    waiting.getByRole('row', {
      name: /Grace Mensa .*Glucose, 1 result.*No patient has the MRN or identifier CL-55321/,
    }),
  ).toBeVisible();
  await page.screenshot({ path: '/tmp/labs-import-summary.png', fullPage: true });
  await waiting.getByRole('button', { name: 'Assign the results for Grace Mensa to a patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign to a patient' });
  await expect(dialog.getByText('Search for the patient these results belong to.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Find a patient (name, MRN or phone)' }).fill('Mensah');
  await expect(dialog.getByRole('rowheader', { name: 'Grace Mensah' })).toBeVisible();
  await page.screenshot({ path: '/tmp/labs-import-assign.png' });
  await dialog.getByRole('button', { name: `Assign to Grace Mensah, MRN ${patient.mrn}` }).click();
  await expect(page.getByText("Glucose is now on Grace Mensah's record.")).toBeVisible();
  await expect(page.getByText('Nothing waits to be reconciled.')).toBeVisible();

  // The reconciled report is on her record now.
  const assigned = await dispatchOk(app, adminSession, 'labs.unmatched.list', { status: 'assigned' });
  expect(assigned.map((a) => [a.report.sourceKey, a.patientId])).toEqual([['hl7v2:CITYLAB|M2|1', patient.id]]);

  // The same file again changes nothing.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(
    page.getByText('citylab.hl7: imported 0 (results: 0); already there: 2; to reconcile: 0; not readable: 1.'),
  ).toBeVisible();
});
