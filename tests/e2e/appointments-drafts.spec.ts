import {
  bookingDialog,
  choosePatient,
  column,
  goToDate,
  openBookAs,
  RECEPTIONIST,
  seedBook,
} from './appointments-helpers';
import { storedDraft } from './drafts-helpers';
import { expect, test } from './fixtures';

test('an unfinished booking is kept in main, restored after a reload, discarded only when confirmed, and goes when booked', async ({
  app,
  page,
}) => {
  const book = await seedBook(app);
  await openBookAs(app, RECEPTIONIST, book.monday);
  const dialog = bookingDialog(page);

  await page.getByRole('button', { name: 'Book 10:00 with Dr Patel' }).click();
  await choosePatient(page, 'costa', 'Carla Costa');
  await dialog.getByLabel('Visit type or reason').fill('Knee pain');
  await dialog.getByLabel('Note').fill('Prefers an interpreter (Portuguese)');
  await expect
    .poll(async () => (await storedDraft(app, 'booking', ''))?.body.form)
    .toMatchObject({
      patient: { name: 'Carla Costa' },
      providerId: book.patel,
      time: '10:00',
      reason: 'Knee pain',
      note: 'Prefers an interpreter (Portuguese)',
    });

  await page.reload();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Appointments', exact: true })
    .click();
  await goToDate(page, book.monday);
  // Any way of opening the dialog brings the unfinished booking back, with its own doctor and time.
  await page.getByRole('button', { name: 'Book 09:00 with Dr Lee' }).click();
  await expect(dialog.getByText(/Your unfinished booking from .* was restored/)).toBeVisible();
  await expect(dialog.getByRole('group', { name: 'Patient' })).toContainText('Carla Costa');
  await expect(dialog.getByLabel('Doctor')).toHaveValue(book.patel);
  await expect(dialog.getByLabel('Time')).toHaveValue('10:00');
  await expect(dialog.getByLabel('Note')).toHaveValue('Prefers an interpreter (Portuguese)');

  // Cancel asks before throwing the typing away; keeping it keeps the dialog as it was.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const question = page.getByRole('dialog', { name: 'Discard this booking?' });
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await expect(question).toBeHidden();
  await expect(dialog.getByLabel('Visit type or reason')).toHaveValue('Knee pain');

  // Closing with Escape keeps the draft for next time.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await storedDraft(app, 'booking', '')).not.toBeNull();

  // The restored notice's discard asks too, then starts from the slot that was clicked.
  await page.getByRole('button', { name: 'Book 09:00 with Dr Lee' }).click();
  await dialog.getByRole('button', { name: 'Discard draft' }).click();
  await page
    .getByRole('dialog', { name: 'Discard your unfinished booking?' })
    .getByRole('button', { name: 'Discard draft' })
    .click();
  await expect(dialog.getByLabel('Doctor')).toHaveValue(book.lee);
  await expect(dialog.getByLabel('Time')).toHaveValue('09:00');
  await expect(dialog.getByLabel('Note')).toHaveValue('');
  await expect.poll(() => storedDraft(app, 'booking', '')).toBeNull();

  // Booking what was typed removes its draft (in the booking's own transaction).
  await choosePatient(page, 'arch', 'Alice Archer');
  await dialog.getByLabel('Visit type or reason').fill('Check-up');
  await expect.poll(async () => (await storedDraft(app, 'booking', ''))?.body.form.reason).toBe('Check-up');
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(column(page, 'Dr Lee').getByRole('button', { name: /Alice Archer, Check-up/ })).toBeVisible();
  expect(await storedDraft(app, 'booking', '')).toBeNull();
  await page.getByRole('button', { name: 'Book 09:15 with Dr Lee' }).click();
  await expect(dialog.getByText(/unfinished booking/)).toBeHidden();
  await expect(dialog.getByLabel('Visit type or reason')).toHaveValue('');
});
