import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readPdf, squash } from '../integration/printing/read-pdf';
import {
  DESK,
  DR_LEE,
  MONDAY,
  dispatchOk,
  expect,
  openTab,
  printedFiles,
  seedFrontDesk,
  sessionAs,
  shot,
  SHOTS,
  test,
} from './frontdesk-helpers';

const pdfText = async (file: string) => squash((await readPdf(fs.readFileSync(file))).map((p) => p.text).join(' '));

test('the receptionist checks patients in from Today, by button and by keyboard, and searches the list', async ({
  app,
  page,
}) => {
  await seedFrontDesk(app);
  await openTab(app, DESK, 'Today');

  const list = page.getByRole('table', { name: 'Today’s appointments' });
  await expect(list.getByRole('row')).toHaveCount(5); // header + 4
  await expect(page.getByLabel('Today at a glance')).toContainText('Expected4');
  await shot(page, 'today');

  await list.getByRole('button', { name: 'Check in Alice Archer' }).click();
  await expect(page.getByRole('status')).toContainText('Alice Archer is checked in. Token 1.');
  const alice = list.getByRole('row', { name: /Alice Archer/ });
  await expect(alice).toContainText('Waiting');
  await expect(alice.getByRole('button', { name: /Check in/ })).toHaveCount(0);
  await expect(page.getByLabel('Today at a glance')).toContainText('Expected3');
  await expect(page.getByLabel('Today at a glance')).toContainText('Checked in1');

  // Keyboard: arrows choose Bruno's row (second), Alt+C checks him in.
  await page.getByLabel('Find in today’s list').focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('row', { name: /Bruno Bianchi/ })).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Alt+c');
  await expect(page.getByRole('status')).toContainText('Bruno Bianchi is checked in. Token 2.');
  await expect(page.getByText('Alt+C — check in the chosen patient')).toBeVisible();

  await page.getByLabel('Find in today’s list').fill('dvorak');
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText('Dmitri Dvořák');
  await page.getByLabel('Find in today’s list').fill('nobody here');
  await expect(page.getByText('No one in today’s list matches “nobody here”.')).toBeVisible();
});

test('a walk-in is found by name, given a doctor, and gets a token shown large', async ({ app, page }) => {
  await seedFrontDesk(app);
  await openTab(app, DESK, 'Today');
  await page.keyboard.press('Alt+w');
  const dialog = page.getByRole('dialog', { name: 'Record a walk-in' });
  await dialog.getByRole('combobox', { name: 'Patient' }).fill('carla');
  await dialog
    .getByRole('listbox', { name: 'Matching patients' })
    .getByRole('option', { name: /Carla Costa/ })
    .click();
  await expect(dialog.getByRole('group', { name: 'Patient' })).toContainText('Carla Costa');
  await dialog.getByLabel('Doctor').selectOption({ label: 'Dr Lee' });
  await dialog.getByLabel('Reason (optional)').fill('Sore throat');
  await dialog.getByRole('button', { name: 'Add to the queue' }).click();
  await expect(dialog.getByRole('status')).toContainText('Token1');
  await expect(dialog.getByRole('status')).toContainText('Carla Costa is in Dr Lee’s queue.');
  await shot(page, 'walk-in-token');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const row = page
    .getByRole('table', { name: 'Today’s appointments' })
    .getByRole('row', { name: /Carla Costa.*Walk-in/ });
  await expect(row).toContainText('Dr Lee');
  await expect(row).toContainText('Waiting');
});

test('the doctor calls the next patient, who moves to “with the doctor”, then marks the visit done', async ({
  app,
  page,
}) => {
  const seeded = await seedFrontDesk(app);
  const desk = await sessionAs(app, DESK);
  await dispatchOk(app, desk, 'appointments.checkIn', { id: seeded.booked.bruno, version: 1 });
  await dispatchOk(app, desk, 'appointments.checkIn', { id: seeded.booked.alice, version: 1 });
  await openTab(app, DR_LEE, 'Queue');

  const waiting = page.getByRole('table', { name: 'Waiting' });
  await expect(waiting.getByRole('row')).toHaveCount(3);
  await expect(waiting.getByRole('row').nth(1)).toContainText('Bruno Bianchi');
  await expect(waiting.getByRole('row').nth(1)).toContainText(/\d+ minutes?/);
  await expect(page.getByText('Nobody is with the doctor.')).toBeVisible();
  await shot(page, 'queue');

  await page.getByRole('button', { name: 'Call next patient' }).click();
  await expect(page.getByRole('status')).toContainText('Bruno Bianchi (token 1) is called in.');
  const inRoom = page.getByRole('table', { name: 'With the doctor' });
  await expect(inRoom).toContainText('Bruno Bianchi');
  await expect(waiting.getByRole('row')).toHaveCount(2);
  await expect(waiting).toContainText('Alice Archer');

  await inRoom.getByRole('button', { name: 'Mark Bruno Bianchi done' }).click();
  await expect(page.getByText('1 patient seen today')).toBeVisible();
  await expect(page.getByText('Nobody is with the doctor.')).toBeVisible();
});

test('the receptionist sees another doctor’s queue but cannot call patients in', async ({ app, page }) => {
  const seeded = await seedFrontDesk(app);
  await dispatchOk(app, seeded.desk, 'appointments.checkIn', { id: seeded.booked.carla, version: 1 });
  await openTab(app, DESK, 'Queue');
  await page.getByLabel('Doctor', { exact: true }).selectOption({ label: 'Dr Patel' });
  await expect(page.getByRole('table', { name: 'Waiting' })).toContainText('Carla Costa');
  await expect(page.getByRole('button', { name: 'Call next patient' })).toHaveCount(0);
  await expect(page.getByText('Only the doctor can call the next patient')).toBeVisible();
});

test('the day list: preview, Save as PDF downloads the bookings, Print… sends the same to the printer', async ({
  app,
  page,
}) => {
  const cspViolations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && cspViolations.push(m.text()));
  await seedFrontDesk(app);
  await openTab(app, DESK, 'Day');
  await page.getByLabel('Go to date').fill(MONDAY);
  await page.getByRole('button', { name: 'Print day list for Dr Lee' }).click();

  const preview = page.getByRole('dialog', { name: 'Print preview — day list' });
  await expect(preview.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
  await expect(preview).toContainText(`day-list-${MONDAY}-dr-lee.pdf · 1 page, A4`);
  await shot(page, 'day-list-preview');
  // pdf.js draws the preview in its bundled worker under the app's strict CSP, with nothing blocked.
  expect(cspViolations).toEqual([]);

  const downloadPromise = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save as PDF' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`day-list-${MONDAY}-dr-lee.pdf`);
  fs.mkdirSync(SHOTS, { recursive: true });
  const saved = path.join(SHOTS, 'day-list.pdf');
  await download.saveAs(saved);
  const text = await pdfText(saved);
  for (const expected of [
    'Riverside Clinic',
    'Day list',
    'Dr Lee',
    'Alice Archer',
    'Bruno Bianchi',
    'Dmitri Dvořák',
    'Follow-up',
    '3 appointments',
    'Printed',
    'by Rita Mensah',
  ]) {
    expect(text).toContain(expected);
  }
  expect(text).toMatch(/10:00\s*–\s*10:20/);
  expect(text).toMatch(/11:00\s*–\s*11:20/);
  expect(text).not.toContain('Carla Costa'); // Dr Patel's patient
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', saved, path.join(SHOTS, 'day-list-page')]);

  await preview.getByRole('button', { name: 'Print…' }).click();
  await expect(preview.getByRole('status')).toContainText('Sent to the printer.');
  const printed = printedFiles(app);
  expect(printed).toHaveLength(1);
  expect(await pdfText(printed[0]!)).toContain('Dmitri Dvořák');
});

test('a slip from Today previews the token, and prints through the printer', async ({ app, page }) => {
  const seeded = await seedFrontDesk(app);
  await dispatchOk(app, seeded.desk, 'appointments.checkIn', { id: seeded.booked.alice, version: 1 });
  await openTab(app, DESK, 'Today');
  await page.getByRole('button', { name: 'Print slip for Alice Archer' }).click();
  const preview = page.getByRole('dialog', { name: 'Print preview — appointment slip' });
  await expect(preview.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible();
  // A slip prints on a small card, not a whole A4 sheet (issue 12, point 7).
  await expect(preview).toContainText('1 page, A6');
  await shot(page, 'slip-preview');
  // The receptionist closes the print dialog first: nothing is printed, and the preview says so.
  app.printDialog.closeNextWithoutPrinting();
  await preview.getByRole('button', { name: 'Print…' }).click();
  await expect(preview.getByRole('status')).toContainText('Not printed: the print dialog was closed.');
  expect(printedFiles(app)).toEqual([]);
  await preview.getByRole('button', { name: 'Print…' }).click();
  await expect(preview.getByRole('status')).toContainText('Sent to the printer.');
  const text = await pdfText(printedFiles(app)[0]!);
  expect(text).toContain('Appointment slip');
  expect(text).toMatch(/Token\s*1/);
  expect(text).toMatch(/Doctor\s*Dr Lee/);
  expect(text).toMatch(/10:00\s*–\s*10:20/);
});

test('reminders: the day’s booked patients with phones, copied as text and exported as CSV', async ({ app, page }) => {
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await seedFrontDesk(app);
  await openTab(app, DESK, 'Reminders');
  await page.getByLabel('Day').fill(MONDAY);
  const list = page.getByRole('table', { name: 'Appointments to remind' });
  await expect(list.getByRole('row')).toHaveCount(5);
  await expect(list.getByRole('row', { name: /Alice Archer/ })).toContainText('+44 7700 900001');
  await shot(page, 'reminders');

  await page.getByRole('button', { name: 'Copy list' }).click();
  await expect(page.getByRole('status')).toContainText('The list of 4 is copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n')).toHaveLength(4);
  expect(copied).toContain(`${MONDAY} · 10:00 · Alice Archer · +44 7700 900001 · Dr Lee · Follow-up`);

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`chartbook-reminders-${MONDAY}.csv`);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('"Dmitri Dvořák"');
  expect(csv.trim().split('\r\n')).toHaveLength(5);
});

test('the shortcuts list Today’s keys; Reschedule from Today opens the day view on that date with the appointment’s details', async ({
  app,
  page,
}) => {
  await seedFrontDesk(app);
  await openTab(app, DESK, 'Today');
  // The shortcuts list names the keys this tab and the book answer to.
  await page.keyboard.press('F1');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('row').filter({ hasText: 'Check in the chosen patient' })).toContainText('Alt+C');
  await expect(shortcuts.getByRole('row').filter({ hasText: 'Print the chosen patient’s slip' })).toContainText(
    'Alt+P',
  );
  await expect(shortcuts.getByRole('row').filter({ hasText: 'Record a walk-in' })).toContainText('Alt+W');
  await expect(shortcuts.getByRole('row').filter({ hasText: 'Find in today’s list' })).toContainText('Alt+F');
  await expect(
    shortcuts.getByRole('row').filter({ hasText: 'the next free time in the focused column' }),
  ).toContainText('N');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();

  const list = page.getByRole('table', { name: 'Today’s appointments' });
  await list.getByRole('button', { name: 'Reschedule Bruno Bianchi' }).click();

  await expect(page.getByRole('tab', { name: 'Day', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Go to date')).toHaveValue(MONDAY);
  const details = page.getByRole('dialog', { name: 'Appointment: Bruno Bianchi' });
  await details.getByRole('button', { name: 'Reschedule' }).click();
  await details.getByLabel('Time').fill('11:40');
  await details.getByRole('button', { name: 'Save new time' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Rescheduled Bruno Bianchi to ${MONDAY} at 11:40` }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Dr Lee schedule' }).getByRole('button', { name: /^11:40–12:00 Bruno Bianchi/ }),
  ).toBeVisible();
});
