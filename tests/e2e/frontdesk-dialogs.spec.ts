import { bookingDialog, choosePatient, openBookAs, RECEPTIONIST, seedBook } from './appointments-helpers';
import { expect, test } from './fixtures';

// Issue 12: the front desk's dialogs as a new clinic found them (points 2, 3, 4, 9, 10, 14).

test('a pasted 10,000-character note is kept whole and refused with a message, never cut', async ({ app, page }) => {
  const book = await seedBook(app);
  await openBookAs(app, RECEPTIONIST, book.monday);
  const dialog = bookingDialog(page);
  await page.getByRole('button', { name: 'Book 10:00 with Dr Patel' }).click();
  await choosePatient(page, 'costa', 'Carla Costa');

  const long = 'Interpreter needed. '.repeat(500); // 10,000 characters
  expect(long).toHaveLength(10_000);
  const note = dialog.getByLabel('Note');
  await note.fill(long);
  await expect(note).toHaveValue(long);
  await expect(dialog.getByText(/10000 characters long; at most 1000 fit here/)).toBeVisible();

  // Booking is refused with the schema's message; what was typed stays.
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog.getByText('Note must be at most 1000 characters')).toBeVisible();
  await expect(note).toHaveValue(long);
  await expect(dialog).toBeVisible();

  // Shortened, it books.
  await note.fill(long.slice(0, 1000).trim());
  await expect(dialog.getByText(/at most 1000 fit here/)).toBeHidden();
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog).toBeHidden();
});
