import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { createUserReady, dispatchOk, seedClinic, signInPage } from './admin-helpers';
import { invokeFromPage } from './helpers';
import { JOSE, PASSWORD, results, search, seedPatient } from './patients-helpers';

/**
 * Issue 11, part 9, the whole way through the screens: the doctor orders electrolytes from the
 * visit and prints the requisition; the lab's ORU file comes back with our order number and a
 * critical potassium, plus a message for a patient the import cannot be sure of; the doctor imports
 * it, sees the flags on the order, reviews the report first in the inbox, opens the trend, and
 * reconciles the other message; a receptionist sees none of it.
 */

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** An ORU^R01 message as a lab sends it: its own patient number, our order number in OBR-2. */
function oru(control: string, pid: string, obr: string, obx: string[]): string {
  return (
    [`MSH|^~\\&|LIS|CITYLAB|CHARTBOOK|RIVERSIDE|${'20261201'}0900||ORU^R01|${control}|P|2.5.1`, pid, obr, ...obx].join(
      '\r',
    ) + '\r'
  );
}

test('order, print the requisition, import the ORU results, see the flags, review, see the trend; reconcile the unmatched; a receptionist sees none', async ({
  app,
  page,
}) => {
  test.slow();
  const { adminSession } = await seedClinic(app);
  const jose = await seedPatient(app, adminSession, JOSE);
  await dispatchOk(app, adminSession, 'visits.start', { patientId: jose.id });
  await createUserReady(app, adminSession, {
    username: 'rita',
    displayName: 'Rita Mensah',
    password: PASSWORD,
    roles: ['receptionist'],
  });
  await signInPage(app);

  // 1. The order, from the visit.
  await nav(page).getByRole('button', { name: 'Patients', exact: true }).click();
  await search(page, 'garcia');
  await results(page)
    .getByRole('option', { name: /José García/ })
    .click();
  const labs = page.getByRole('region', { name: 'Lab orders' });
  await labs.getByRole('button', { name: 'Order lab tests' }).click();
  const form = labs.getByRole('form', { name: 'Order lab tests' });
  await form.getByRole('searchbox', { name: 'Find a test or panel' }).fill('electrolytes');
  await form.getByRole('searchbox', { name: 'Find a test or panel' }).press('Enter');
  await form.getByRole('button', { name: 'Order 1 test' }).click();
  const card = labs.getByRole('article', { name: /^Lab order LAB-\d{8}-[0-9A-F]{6}$/ });
  const number = ((await card.getAttribute('aria-label')) ?? '').replace('Lab order ', '');
  await expect(card.getByText('Ordered', { exact: true })).toBeVisible();

  // 2. The requisition, previewed (its PDF is read back in labs-orders.spec.ts).
  await card.getByRole('button', { name: `Print requisition ${number}` }).click();
  const preview = page.getByRole('dialog', { name: `Lab requisition ${number}` });
  await expect(preview.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  // 3. The lab's file: our order (under the lab's own panel code) and someone it names uncertainly.
  const file = [
    oru(
      'E1',
      'PID|1||CL-90210^^^CITYLAB^PI||García^José||19840307|M',
      `OBR|1|${number}||24326-1^Electrolytes^LN|||202612010730`,
      [
        'OBX|1|NM|2951-2^Sodium^LN||139|mmol/L|136-145|N|||F',
        'OBX|2|NM|2823-3^Potassium^LN||6.9|mmol/L|3.5-5.1|HH|||F',
        'NTE|1||Phoned to the clinic at 09:10',
      ],
    ),
    oru('E2', 'PID|1||CL-55321^^^CITYLAB^PI||Garcia^Jose||19840307|M', 'OBR|1|||2345-7^Glucose^LN|||202612010730', [
      'OBX|1|NM|2345-7^Glucose^LN||5.1|mmol/L|3.9-5.5|N|||F',
    ]),
  ].join('');
  await nav(page).getByRole('button', { name: 'Lab imports', exact: true }).click();
  await page.getByLabel('Results file', { exact: true }).setInputFiles({
    name: 'citylab.hl7',
    mimeType: 'text/plain',
    buffer: Buffer.from(file),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(
    page.getByText('citylab.hl7: imported 1 (results: 2); already there: 0; to reconcile: 1; not readable: 0.'),
  ).toBeVisible();

  // 4. The flags, on the order in the visit: the potassium critical, the order resulted.
  await nav(page).getByRole('button', { name: 'Patients', exact: true }).click();
  await expect(card.getByText('Resulted', { exact: true })).toBeVisible();
  const values = card.getByRole('table').first();
  await expect(values.getByRole('row', { name: /^Potassium/ })).toContainText('6.9');
  await expect(values.getByRole('row', { name: /^Potassium/ })).toContainText(/Critically high/);
  await expect(values.getByRole('row', { name: /^Sodium/ })).not.toContainText(/High|Low/);

  // 5. The review: the critical report first in the inbox, acknowledged with a comment.
  const resultsButton = nav(page).getByRole('button', { name: /^Results/ });
  await expect(resultsButton).toHaveAccessibleName('Results 1 result to review, 1 critical');
  await resultsButton.click();
  const inbox = page.getByRole('table', { name: /Lab reports waiting for your review/ });
  await expect(inbox.getByRole('row').nth(1)).toContainText('Critical');
  await expect(inbox.getByRole('row').nth(1)).toContainText('José García');
  await inbox.getByRole('button', { name: /^Open .* of José García$/ }).click();
  const report = page.getByRole('region', { name: 'Report' });
  // The lab's note follows the potassium (NTE after its OBX), so it stays with that result.
  const potassium = report.getByRole('row', { name: /^Potassium/ });
  await expect(potassium).toContainText('Phoned to the clinic at 09:10');
  await expect(potassium).toContainText('Critically high');
  await report.getByLabel('Comment').fill('Repeat potassium today.');
  await report.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(report.getByText(/Reviewed by Dr Amara Okafor/)).toBeVisible();
  await expect(page.getByText('Nothing to review.')).toBeVisible();

  // 6. The trend of potassium on the chart, with its table.
  await nav(page).getByRole('button', { name: 'Patients', exact: true }).click();
  await expect(card.getByText('Reviewed', { exact: true })).toBeVisible();
  const panel = page.getByRole('region', { name: /^Lab results/ });
  await panel
    .getByRole('button', { name: /^Trend of Potassium/ })
    .first()
    .click();
  const trend = panel.getByRole('region', { name: /Potassium.* over time/ });
  await expect(trend.getByRole('img', { name: /1 result/ })).toBeVisible();
  await expect(trend.getByRole('table')).toContainText('6.9');

  // 7. The message the import would not guess: the doctor chooses José.
  await nav(page).getByRole('button', { name: 'Lab imports', exact: true }).click();
  const waiting = page.getByRole('table', { name: 'Results waiting for a patient' });
  await expect(waiting.getByRole('row', { name: /Jose Garcia .*Glucose, 1 result/ })).toBeVisible();
  await waiting.getByRole('button', { name: 'Assign the results for Jose Garcia to a patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign to a patient' });
  await dialog.getByRole('textbox', { name: 'Find a patient (name, MRN or phone)' }).fill('García');
  await dialog.getByRole('button', { name: `Assign to José García, MRN ${jose.mrn}` }).click();
  await expect(page.getByText("Glucose is now on José García's record.")).toBeVisible();
  await expect(page.getByText('Nothing waits to be reconciled.')).toBeVisible();
  await expect(resultsButton).toHaveAccessibleName('Results 1 result to review');

  // 8. The receptionist: no lab screens, and main refuses every lab read.
  await dispatchOk(app, app.session, 'auth.signOut', {});
  await signInPage(app, 'rita', PASSWORD);
  await expect(nav(page).getByRole('button')).toHaveText(['Patients', 'Appointments', 'Backups']);
  for (const [channel, input] of [
    ['labs.review.inbox', {}],
    ['labs.orders.list', { patientId: jose.id }],
    ['labs.review.patientReports', { patientId: jose.id }],
    ['labs.unmatched.list', { status: 'pending' }],
  ] as const) {
    expect(await invokeFromPage(page, channel, input), channel).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  }
  await search(page, 'garcia');
  await results(page)
    .getByRole('option', { name: /José García/ })
    .click();
  await expect(page.getByRole('region', { name: 'Lab orders' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: /^Lab results/ })).toHaveCount(0);
  await expect(page.getByText('Potassium')).toHaveCount(0);
});
