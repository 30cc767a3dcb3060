import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freshDataDir, launchApp, type RunningApp } from '../harness/app-harness';
import { dispatchOk } from './dispatch';
import { seedLabReports } from './labs-helpers';
import { ADMIN, JOSE, SHOTS } from './patients-helpers';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const HBA1C = { code: '4548-4', name: 'Hemoglobin A1c/Hemoglobin.total in Blood' };
const LIPID = { code: '57698-3', name: 'Lipid panel with direct LDL - Serum or Plasma' };
const BMP = { code: '51990-0', name: 'Basic metabolic panel - Blood' };
const CBC = { code: '58410-2', name: 'CBC panel - Blood by Automated count' };

async function shoot(page: Page, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${theme}.png`) });
  }
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
}

test('a doctor’s results inbox ranks a critical result first and acknowledges it with a comment, then two more at once', async () => {
  test.slow();
  // The clinic and its patients, through main; then lab reports written into the folder while the app is closed.
  const dataDir = freshDataDir();
  let app: RunningApp = await launchApp({ dataDir });
  const admin = app.core.newSession();
  await dispatchOk(app, admin, 'setup.complete', {
    clinic: { clinicName: 'Riverside Clinic', timeZone: 'UTC' },
    admin: { ...ADMIN, alsoDoctor: true },
  });
  const amina = await dispatchOk(app, admin, 'patients.register', {
    patient: { ...JOSE, givenNames: 'Amina', familyName: 'Otieno', sex: 'female' },
  });
  const jose = await dispatchOk(app, admin, 'patients.register', {
    patient: { ...JOSE, givenNames: 'José 李' },
    confirmedNotDuplicate: true,
  });
  await app.close();

  const hba1c = [8.6, 8.1, 7.7, 7.2, 6.9, 6.4].map((value, i) => ({
    mrn: amina.mrn,
    ...HBA1C,
    observedAt: daysAgo(30 * (6 - i) + 3),
    results: [{ ...HBA1C, value, unit: '%', low: 4, high: 5.7, flag: 'H' as const }],
  }));
  const [, , , , , , lipid, critical, normal] = seedLabReports(dataDir, ADMIN.username, [
    ...hba1c,
    {
      mrn: amina.mrn,
      ...LIPID,
      observedAt: daysAgo(1),
      results: [
        { code: '2093-3', name: 'Cholesterol', value: 6.4, unit: 'mmol/L', high: 5.2, flag: 'H' },
        { code: '2085-9', name: 'HDL cholesterol', value: 1.3, unit: 'mmol/L', low: 1, flag: 'N' },
      ],
    },
    {
      mrn: jose.mrn,
      ...BMP,
      observedAt: daysAgo(2),
      comment: 'Phoned to the clinic at 09:10',
      results: [
        { code: '2823-3', name: 'Potassium', value: 6.9, unit: 'mmol/L', low: 3.5, high: 5.1, flag: 'HH' },
        { code: '2951-2', name: 'Sodium', value: 139, unit: 'mmol/L', low: 136, high: 145, flag: 'N' },
      ],
    },
    {
      mrn: jose.mrn,
      ...CBC,
      observedAt: daysAgo(0.5),
      results: [{ code: '718-7', name: 'Hemoglobin', value: 14.1, unit: 'g/dL', low: 13.5, high: 17.5, flag: 'N' }],
    },
  ]);

  app = await launchApp({ dataDir });
  try {
    const page = app.page;
    const doctor = app.core.newSession();
    await dispatchOk(app, doctor, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    // The HbA1c reports were reviewed at the time; only their trend matters here.
    const inbox = await dispatchOk(app, doctor, 'labs.review.inbox', {});
    await dispatchOk(app, doctor, 'labs.review.acknowledge', {
      reports: inbox.items.filter((i) => i.code === HBA1C.code).map((i) => ({ id: i.reportId, version: i.version })),
      comment: '',
    });
    await dispatchOk(app, app.session, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    await page.reload();

    // The navigation says how many wait, and that one is critical.
    const nav = page.getByRole('navigation', { name: 'Main' });
    const results = nav.getByRole('button', { name: /^Results/ });
    await expect(results).toHaveAccessibleName('Results 3 results to review, 1 critical');
    await results.click();

    // Critical first, then abnormal, then the rest.
    const table = page.getByRole('table', { name: /Lab reports waiting for your review/ });
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText('Critical');
    await expect(rows.nth(1)).toContainText('José 李 García');
    await expect(rows.nth(1)).toContainText(BMP.name);
    await expect(rows.nth(2)).toContainText('Abnormal');
    await expect(rows.nth(2)).toContainText('Amina Otieno');
    await expect(rows.nth(3)).toContainText('Normal');
    await expect(page.getByText('3 waiting: 1 critical, 1 abnormal, 1 normal')).toBeVisible();

    // The critical report opens beside the list, its value flagged in words.
    await page.getByRole('button', { name: `Open ${BMP.name} of José 李 García` }).click();
    const report = page.getByRole('region', { name: 'Report' });
    const results_ = report.getByRole('table', { name: `Results of ${BMP.name}` });
    await expect(results_.getByRole('row', { name: /Potassium/ })).toContainText('6.9 mmol/L');
    await expect(results_.getByRole('row', { name: /Potassium/ })).toContainText('Critically high');
    await expect(report).toContainText('Lab comment: Phoned to the clinic at 09:10');
    await shoot(page, 'labs-inbox');

    // Acknowledged with a comment: it leaves the inbox and the badge counts down.
    await report.getByLabel('Comment').fill('Repeat potassium today; stop the supplement.');
    await report.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(report.getByText(/Reviewed by Dr Amara Okafor/)).toBeVisible();
    await expect(report).toContainText('Repeat potassium today; stop the supplement.');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText('Amina Otieno');
    await expect(results).toHaveAccessibleName('Results 2 results to review');
    const audit = await dispatchOk(app, doctor, 'labs.review.report', { reportId: critical! });
    expect(audit.report.reviewComment).toBe('Repeat potassium today; stop the supplement.');

    // Several at once: the normal CBC and the lipid panel, one comment.
    await page.getByRole('checkbox', { name: `Choose ${CBC.name} of José 李 García` }).check();
    await page.getByRole('checkbox', { name: `Choose ${LIPID.name} of Amina Otieno` }).check();
    await page
      .getByRole('form', { name: 'Acknowledge the chosen reports' })
      .getByLabel('Comment')
      .fill('Discussed at the visit');
    await page.getByRole('button', { name: 'Acknowledge 2 reports' }).click();
    await expect(page.getByText('2 reports acknowledged.')).toBeVisible();
    await expect(page.getByText('Nothing to review.')).toBeVisible();
    await expect(results).toHaveAccessibleName('Results');
    for (const id of [lipid!, normal!]) {
      expect((await dispatchOk(app, doctor, 'labs.review.report', { reportId: id })).report.reviewComment).toBe(
        'Discussed at the visit',
      );
    }
  } finally {
    await app.close();
  }
});

test('the chart overview shows new results with their flagged values; a trend opens with its reference band and table, and a panel’s cumulative view', async () => {
  test.slow();
  const dataDir = freshDataDir();
  let app: RunningApp = await launchApp({ dataDir });
  const admin = app.core.newSession();
  await dispatchOk(app, admin, 'setup.complete', {
    clinic: { clinicName: 'Riverside Clinic', timeZone: 'UTC' },
    admin: { ...ADMIN, alsoDoctor: true },
  });
  const amina = await dispatchOk(app, admin, 'patients.register', {
    patient: { ...JOSE, givenNames: 'Amina', familyName: 'Otieno', sex: 'female' },
  });
  await app.close();
  const values = [8.6, 8.1, 7.7, 7.2, 6.9, 6.4];
  seedLabReports(dataDir, ADMIN.username, [
    ...values.map((value, i) => ({
      mrn: amina.mrn,
      ...HBA1C,
      observedAt: daysAgo(30 * (6 - i) + 3),
      results: [{ ...HBA1C, value, unit: '%', low: 4, high: 5.7, flag: 'H' as const }],
    })),
    ...[
      [5.9, 3.1],
      [6.4, 3.6],
    ].map(([chol, ldl], i) => ({
      mrn: amina.mrn,
      ...LIPID,
      observedAt: daysAgo(i === 0 ? 90 : 1),
      results: [
        { code: '2093-3', name: 'Cholesterol', value: chol!, unit: 'mmol/L', high: 5.2, flag: 'H' as const },
        { code: '18262-6', name: 'LDL cholesterol', value: ldl!, unit: 'mmol/L', high: 3, flag: 'H' as const },
      ],
    })),
  ]);
  app = await launchApp({ dataDir });
  try {
    const page = app.page;
    const doctor = app.core.newSession();
    await dispatchOk(app, doctor, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    const inbox = await dispatchOk(app, doctor, 'labs.review.inbox', {});
    // Everything but the newest lipid panel was reviewed before.
    await dispatchOk(app, doctor, 'labs.review.acknowledge', {
      reports: inbox.items.slice(1).map((i) => ({ id: i.reportId, version: i.version })),
      comment: '',
    });
    await dispatchOk(app, app.session, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    await page.reload();
    await page.getByLabel('Search patients').fill('otieno');
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /Amina Otieno/ })
      .click();

    const panel = page.getByRole('region', { name: /^Lab results/ });
    await expect(panel.getByRole('heading', { name: 'Lab results · 1 new' })).toBeVisible();
    const list = panel.getByRole('list', { name: "The patient's lab reports, newest first" });
    const newest = list.getByRole('listitem').first();
    await expect(newest).toContainText('New');
    await expect(newest).toContainText('Cholesterol: 6.4 mmol/L ▲ High');
    await expect(newest).toContainText('LDL cholesterol: 3.6 mmol/L ▲ High');
    await panel.scrollIntoViewIfNeeded();
    await shoot(page, 'labs-chart-panel');

    // HbA1c over six months: the plot with its band, and every result in a table.
    await list
      .getByRole('button', { name: `Trend of ${HBA1C.name}` })
      .first()
      .click();
    const trend = panel.getByRole('region', { name: `${HBA1C.name} over time` });
    await expect(trend.getByRole('img', { name: /6 results from .* with the reference range shaded/ })).toBeVisible();
    const trendTable = trend.getByRole('table', { name: `Each result of ${HBA1C.name}` });
    await expect(trendTable.getByRole('row')).toHaveCount(7);
    await expect(trendTable.getByRole('row').nth(1)).toContainText('6.4 %');
    await expect(trendTable.getByRole('row').nth(1)).toContainText('4–5.7');
    await trend.scrollIntoViewIfNeeded();
    await shoot(page, 'labs-trend');
    await trend.getByRole('button', { name: 'Close trend' }).click();

    // The lipid panel by date: a column per report, a row per test.
    await newest.getByRole('button', { name: `All ${LIPID.name} by date` }).click();
    const cumulative = panel.getByRole('region', { name: `${LIPID.name} by date` });
    const grid = cumulative.getByRole('table', { name: `Each test of ${LIPID.name} by the date of the sample` });
    await expect(grid.getByRole('columnheader')).toHaveCount(4);
    await expect(grid.getByRole('row', { name: /^LDL cholesterol/ })).toContainText('3.1');
    await expect(grid.getByRole('row', { name: /^LDL cholesterol/ })).toContainText('3.6');
    await cumulative.scrollIntoViewIfNeeded();
    await shoot(page, 'labs-cumulative');
  } finally {
    await app.close();
  }
});
