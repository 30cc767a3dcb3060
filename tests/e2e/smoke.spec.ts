import { test, expect } from './fixtures';

test('a fresh install opens on the first-run setup, served by the built renderer with main behind it', async ({
  page,
}) => {
  await expect(page.getByRole('heading', { name: 'Set up Chartbook' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Set up clinic' })).toBeEnabled();
});
