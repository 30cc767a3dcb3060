import { addDays } from '../../shared/zoned-time';
import {
  bookDirect,
  bookingDialog,
  choosePatient,
  column,
  dispatchOk,
  DR_LEE,
  goToDate,
  openBookAs,
  RECEPTIONIST,
  seedBook,
  sessionAs,
  shot,
} from './appointments-helpers';
import { expect, test } from './fixtures';

test('a receptionist books for two doctors from free slots, and a clash is refused naming the other appointment', async ({
  app,
  page,
}) => {
  const book = await seedBook(app);
  await openBookAs(app, RECEPTIONIST, book.monday);
  await expect(column(page, 'Dr Lee')).toBeVisible();
  await expect(column(page, 'Dr Patel')).toBeVisible();

  await page.getByRole('button', { name: 'Book 09:00 with Dr Lee' }).click();
  const dialog = bookingDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Doctor')).toHaveValue(book.lee);
  await expect(dialog.getByLabel('Time')).toHaveValue('09:00');
  await expect(dialog.getByLabel('Length (minutes)')).toHaveValue('15');
  await choosePatient(page, 'arch', 'Alice Archer');
  await dialog.getByLabel('Visit type or reason').fill('Check-up');
  await shot(page, 'booking-dialog');
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Booked Alice Archer with Dr Lee' })).toBeVisible();

  await page.getByRole('button', { name: 'Book 09:20 with Dr Patel' }).click();
  await expect(dialog.getByLabel('Length (minutes)')).toHaveValue('20');
  await choosePatient(page, 'bianchi', 'Bruno Bianchi');
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog).toBeHidden();

  // Each booking sits in its doctor's column, and the slot it took is no longer offered.
  await expect(
    column(page, 'Dr Lee').getByRole('button', { name: /^09:00–09:15 Alice Archer, Check-up, Booked/ }),
  ).toBeVisible();
  await expect(column(page, 'Dr Patel').getByRole('button', { name: /^09:20–09:40 Bruno Bianchi/ })).toBeVisible();
  await expect(column(page, 'Dr Lee').getByRole('button', { name: /Bruno Bianchi/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Book 09:00 with Dr Lee' })).toHaveCount(0);
  await shot(page, 'day-view');

  // A clash: Carla at Alice's time with Dr Lee.
  await page.getByRole('button', { name: 'Book 09:15 with Dr Lee' }).click();
  await choosePatient(page, 'costa', 'Carla Costa');
  await dialog.getByLabel('Visit type or reason').fill('Follow-up');
  await dialog.getByLabel('Time').fill('09:00');
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(
    dialog.getByRole('alert').filter({ hasText: `Dr Lee already has Alice Archer at 09:00–09:15 on ${book.monday}` }),
  ).toBeVisible();
  // Nothing typed is lost, and a receptionist is not offered overbooking.
  await expect(dialog.getByRole('group', { name: 'Patient' })).toContainText('Carla Costa');
  await expect(dialog.getByLabel('Visit type or reason')).toHaveValue('Follow-up');
  await expect(dialog.getByLabel('Overbook')).toHaveCount(0);
  await shot(page, 'booking-clash');
  // Cancelling throws away what was typed, so it asks first.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page
    .getByRole('dialog', { name: 'Discard this booking?' })
    .getByRole('button', { name: 'Discard draft' })
    .click();
  await expect(dialog).toBeHidden();
  await expect(column(page, 'Dr Lee').getByRole('button', { name: /Carla Costa/ })).toHaveCount(0);

  const day = await dispatchOk(app, await sessionAs(app, RECEPTIONIST), 'appointments.day', { date: book.monday });
  const names = Object.fromEntries(
    day.providers.map((p) => [p.providerName, p.appointments.map((a) => `${a.time} ${a.patientName}`)]),
  );
  expect(names).toEqual({ 'Dr Lee': ['09:00 Alice Archer'], 'Dr Patel': ['09:20 Bruno Bianchi'] });
});

test('a doctor overbooks on purpose, giving the reason', async ({ app, page }) => {
  const book = await seedBook(app);
  const desk = await sessionAs(app, RECEPTIONIST);
  await bookDirect(app, desk, {
    patientId: book.patients.alice,
    providerId: book.lee,
    date: book.monday,
    time: '09:00',
    reason: 'Check-up',
    note: '',
  });
  await openBookAs(app, DR_LEE, book.monday);

  await page.getByRole('button', { name: 'Book 09:15 with Dr Lee' }).click();
  const dialog = bookingDialog(page);
  await choosePatient(page, 'bruno', 'Bruno Bianchi');
  await dialog.getByLabel('Time').fill('09:00');
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'already has Alice Archer' })).toBeVisible();
  await dialog.getByLabel('Overbook', { exact: true }).check();
  await dialog.getByLabel('Overbooking reason').fill('Urgent review of chest pain');
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog).toBeHidden();

  const lee = column(page, 'Dr Lee');
  await expect(lee.getByRole('button', { name: /^09:00–09:15 Alice Archer/ })).toBeVisible();
  await expect(lee.getByRole('button', { name: /^09:00–09:15 Bruno Bianchi/ })).toBeVisible();
  await lee.getByRole('button', { name: /^09:00–09:15 Bruno Bianchi/ }).click();
  const details = page.getByRole('dialog', { name: 'Appointment: Bruno Bianchi' });
  await expect(details).toContainText('Urgent review of chest pain');
});

test('a new patient is registered inline without leaving the booking', async ({ app, page }) => {
  const book = await seedBook(app);
  await openBookAs(app, RECEPTIONIST, book.monday);

  await page.getByRole('button', { name: 'Book 10:00 with Dr Patel' }).click();
  const dialog = bookingDialog(page);
  await dialog.getByLabel('Visit type or reason').fill('New patient visit');
  await dialog.getByRole('combobox', { name: 'Patient' }).fill('Dana Dube');
  await expect(dialog.getByText('No patient matches')).toBeVisible();
  await dialog.getByRole('button', { name: 'Register new patient' }).click();

  const register = page.getByRole('dialog', { name: 'Register new patient' });
  await expect(register.getByLabel('Given names')).toHaveValue('Dana');
  await expect(register.getByLabel('Family name')).toHaveValue('Dube');
  await shot(page, 'inline-register');
  await register.getByLabel('Sex', { exact: true }).selectOption({ label: 'Female' });
  await register.getByLabel('Date of birth', { exact: true }).fill('1985-04-05');
  await register.getByRole('button', { name: 'Register and choose' }).click();
  await expect(register).toBeHidden();

  // The booking kept what was typed and now has the new patient.
  await expect(dialog.getByRole('group', { name: 'Patient' })).toContainText('Dana Dube');
  await expect(dialog.getByLabel('Visit type or reason')).toHaveValue('New patient visit');
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(
    column(page, 'Dr Patel').getByRole('button', { name: /^10:00–10:20 Dana Dube, New patient visit/ }),
  ).toBeVisible();
});

test('from the details: reschedule, cancel with a reason, and mark a no-show', async ({ app, page }) => {
  const book = await seedBook(app);
  const desk = await sessionAs(app, RECEPTIONIST);
  const base = { providerId: book.lee, date: book.monday, reason: 'Check-up', note: '' };
  await bookDirect(app, desk, { ...base, patientId: book.patients.alice, time: '09:00' });
  await bookDirect(app, desk, { ...base, patientId: book.patients.bruno, time: '10:00' });
  await bookDirect(app, desk, { ...base, patientId: book.patients.carla, time: '11:00' });
  await openBookAs(app, RECEPTIONIST, book.monday);
  const lee = column(page, 'Dr Lee');

  await lee.getByRole('button', { name: /^09:00–09:15 Alice Archer/ }).click();
  let details = page.getByRole('dialog', { name: 'Appointment: Alice Archer' });
  await expect(details).toContainText('Booked');
  await details.getByRole('button', { name: 'Reschedule' }).click();
  await details.getByLabel('Time').fill('09:30');
  await details.getByRole('button', { name: 'Save new time' }).click();
  await expect(details).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: `Rescheduled Alice Archer to ${book.monday} at 09:30` }),
  ).toBeVisible();
  await expect(lee.getByRole('button', { name: /^09:30–09:45 Alice Archer/ })).toBeVisible();
  await expect(lee.getByRole('button', { name: /^09:00–09:15 Alice Archer/ })).toHaveCount(0);
  await lee.getByRole('button', { name: /^09:30–09:45 Alice Archer/ }).click();
  await expect(details.getByRole('region', { name: 'History' })).toContainText('09:00');
  await shot(page, 'details');
  // Edit where it stands: visit type, note and a longer length; the start does not move.
  await details.getByRole('button', { name: 'Edit' }).click();
  await details.getByLabel('Visit type or reason').fill('Blood pressure review');
  await details.getByLabel('Note').fill('Bring home readings');
  await details.getByLabel('Length (minutes)').fill('30');
  await details.getByRole('button', { name: 'Save changes' }).click();
  await expect(details).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved the changes to Alice Archer’s appointment.' }),
  ).toBeVisible();
  await lee.getByRole('button', { name: /^09:30–10:00 Alice Archer, Blood pressure review/ }).click();
  await expect(details).toContainText('Bring home readings');
  await expect(details.getByRole('region', { name: 'History' })).toContainText('Length: 15 min → 30 min');
  await details.getByRole('button', { name: 'Close' }).click();

  await lee.getByRole('button', { name: /^10:00–10:15 Bruno Bianchi/ }).click();
  details = page.getByRole('dialog', { name: 'Appointment: Bruno Bianchi' });
  await details.getByRole('button', { name: 'Cancel appointment' }).click();
  await details.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(details.getByRole('alert').filter({ hasText: 'Cancellation reason' })).toBeVisible();
  await details.getByLabel('Cancellation reason').fill('Patient is travelling');
  await details.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(details).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled Bruno Bianchi’s appointment' })).toBeVisible();
  await expect(lee.getByRole('button', { name: /Bruno Bianchi/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Book 10:00 with Dr Lee' })).toBeVisible();

  await lee.getByRole('button', { name: /^11:00–11:15 Carla Costa/ }).click();
  details = page.getByRole('dialog', { name: 'Appointment: Carla Costa' });
  await details.getByRole('button', { name: 'Mark no-show' }).click();
  await expect(details).toBeHidden();
  await expect(lee.getByRole('button', { name: /^11:00–11:15 Carla Costa, Check-up, No-show/ })).toBeVisible();

  const cancelled = (await dispatchOk(app, desk, 'appointments.day', { date: book.monday })).providers
    .flatMap((p) => p.appointments)
    .find((a) => a.patientName === 'Bruno Bianchi');
  expect(cancelled?.status).toBe('cancelled');
  expect(cancelled?.cancelReason).toBe('Patient is travelling');
});

test('a weekly series of 4, then "this and following" moves the later ones', async ({ app, page }) => {
  const book = await seedBook(app);
  await openBookAs(app, RECEPTIONIST, book.monday);

  await page.getByRole('button', { name: 'Book 09:00 with Dr Lee' }).click();
  const dialog = bookingDialog(page);
  await choosePatient(page, 'alice', 'Alice Archer');
  await dialog.getByLabel('Repeat', { exact: true }).check();
  await dialog.getByLabel('Every').fill('1');
  await dialog.getByLabel('Unit').selectOption('weeks');
  await dialog.getByLabel('Number of appointments').fill('4');
  await dialog.getByRole('button', { name: 'Book series' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Booked a series of 4 appointments for Alice Archer' }),
  ).toBeVisible();

  const second = addDays(book.monday, 7);
  await goToDate(page, second);
  await column(page, 'Dr Lee')
    .getByRole('button', { name: /^09:00–09:15 Alice Archer/ })
    .click();
  const details = page.getByRole('dialog', { name: 'Appointment: Alice Archer' });
  await details.getByRole('button', { name: 'Reschedule' }).click();
  await details.getByLabel('Time').fill('10:00');
  await details.getByLabel('Apply to').selectOption({ label: 'This and following appointments' });
  await details.getByRole('button', { name: 'Save new time' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Rescheduled 3 appointments of Alice Archer' }),
  ).toBeVisible();

  const desk = await sessionAs(app, RECEPTIONIST);
  const times = [];
  for (let week = 0; week < 4; week++) {
    const day = await dispatchOk(app, desk, 'appointments.day', { date: addDays(book.monday, week * 7) });
    times.push(day.providers.flatMap((p) => p.appointments).map((a) => `${a.time} ${a.patientName}`));
  }
  expect(times).toEqual([
    ['09:00 Alice Archer'],
    ['10:00 Alice Archer'],
    ['10:00 Alice Archer'],
    ['10:00 Alice Archer'],
  ]);

  // The week view of the last one shows it at the new time on Monday.
  await page.getByRole('tab', { name: 'Week', exact: true }).click();
  await page.getByRole('combobox', { name: 'Doctor' }).selectOption({ label: 'Dr Lee' });
  await page.getByRole('button', { name: 'Next week' }).click();
  await page.getByRole('button', { name: 'Next week' }).click();
  const mondayColumn = page.getByRole('region', { name: /schedule$/ }).first();
  await expect(mondayColumn.getByRole('button', { name: /^10:00–10:15 Alice Archer/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Book 10:15 on .* with Dr Lee$/ }).first()).toBeVisible();
  await shot(page, 'week-view');
});

test('keyboard: N books the next free slot of the focused column; drag moves an appointment', async ({ app, page }) => {
  const book = await seedBook(app);
  const desk = await sessionAs(app, RECEPTIONIST);
  await bookDirect(app, desk, {
    patientId: book.patients.alice,
    providerId: book.lee,
    date: book.monday,
    time: '09:00',
    reason: 'Check-up',
    note: '',
  });
  await openBookAs(app, RECEPTIONIST, book.monday);
  const lee = column(page, 'Dr Lee');

  await lee.getByRole('button', { name: /^09:00–09:15 Alice Archer/ }).focus();
  await page.keyboard.press('n');
  const dialog = bookingDialog(page);
  await expect(dialog.getByLabel('Time')).toHaveValue('09:15');
  await expect(dialog.getByLabel('Doctor')).toHaveValue(book.lee);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const block = lee.getByRole('button', { name: /^09:00–09:15 Alice Archer/ });
  const box = await block.boundingBox();
  if (!box) throw new Error('The appointment block is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // 30 minutes down at 1.6 px a minute.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 24, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 48, { steps: 4 });
  await page.mouse.up();
  await expect(lee.getByRole('button', { name: /^09:30–09:45 Alice Archer/ })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: `Moved Alice Archer to ${book.monday} at 09:30` }),
  ).toBeVisible();

  // Sideways into Dr Patel's column: the same time, another doctor.
  const moved = lee.getByRole('button', { name: /^09:30–09:45 Alice Archer/ });
  const from = await moved.boundingBox();
  const patelBox = await column(page, 'Dr Patel').boundingBox();
  if (!from || !patelBox) throw new Error('The appointment block or Dr Patel’s column is not on screen');
  const y = from.y + from.height / 2;
  await page.mouse.move(from.x + from.width / 2, y);
  await page.mouse.down();
  await page.mouse.move((from.x + from.width / 2 + patelBox.x + patelBox.width / 2) / 2, y, { steps: 4 });
  await page.mouse.move(patelBox.x + patelBox.width / 2, y, { steps: 4 });
  await page.mouse.up();
  await expect(
    page.getByRole('status').filter({ hasText: `Moved Alice Archer to Dr Patel on ${book.monday} at 09:30` }),
  ).toBeVisible();
  await expect(column(page, 'Dr Patel').getByRole('button', { name: /^09:30–09:45 Alice Archer/ })).toBeVisible();
  await expect(lee.getByRole('button', { name: /Alice Archer/ })).toHaveCount(0);
});
