import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readPdf, squash } from '../integration/printing/read-pdf';
import { test, expect, dispatchOk, DESK, MONDAY, openTab, seedFrontDesk, shot, SHOTS } from './frontdesk-helpers';

/** Issue 12 point 6 through the app: the front desk prints a day list with names in several scripts. */
const NAMES = [
  { given: 'प्रिया', family: 'शर्मा', font: 'NotoSansDevanagari' },
  { given: 'محمد', family: 'عبد الله', font: 'NotoSansArabic' },
  { given: 'Σοφία', family: 'Παπαδοπούλου', font: 'NotoSans' },
  { given: 'ரமேஷ்', family: 'குமார்', font: 'NotoSansTamil' },
  { given: '小明', family: '王', font: 'DroidSansFallback' },
];

test('a day list with names in Devanagari, Arabic, Greek, Tamil and Chinese prints every one in its own font', async ({
  app,
  page,
}) => {
  const seeded = await seedFrontDesk(app);
  const times = ['13:00', '13:20', '13:40', '14:00', '14:20'];
  for (const [i, n] of NAMES.entries()) {
    const patient = await dispatchOk(app, seeded.desk, 'patients.register', {
      patient: {
        givenNames: n.given,
        familyName: n.family,
        sex: 'female',
        birth: { kind: 'date', date: '1990-01-01' },
        phones: [],
      },
      confirmedNotDuplicate: true,
    });
    await dispatchOk(app, seeded.desk, 'appointments.book', {
      patientId: patient.id,
      providerId: seeded.lee,
      date: MONDAY,
      time: times[i]!,
    });
  }
  await openTab(app, DESK, 'Day');
  await page.getByLabel('Go to date').fill(MONDAY);
  await page.getByRole('button', { name: 'Print day list for Dr Lee' }).click();
  const preview = page.getByRole('dialog', { name: 'Print preview — day list' });
  await expect(preview.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
  await shot(page, 'day-list-scripts-preview');

  const downloadPromise = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save as PDF' }).click();
  const saved = path.join(SHOTS, 'day-list-scripts.pdf');
  fs.mkdirSync(SHOTS, { recursive: true });
  await (await downloadPromise).saveAs(saved);

  // Each script's font is embedded (no name falls back to a font without its letters) ...
  const raw = fs.readFileSync(saved).toString('latin1');
  for (const { font } of NAMES) expect(raw, font).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${font}`));
  // ... and the text reads back: Greek as typed, Arabic words in drawing order (left to right).
  const text = squash((await readPdf(fs.readFileSync(saved))).map((p) => p.text).join(' '));
  expect(text).toContain('Σοφία Παπαδοπούλου');
  expect(text).toContain('الله عبد محمد');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', saved, path.join(SHOTS, 'day-list-scripts')]);
});
