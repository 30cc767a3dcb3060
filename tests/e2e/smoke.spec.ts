import { test, expect } from './fixtures';

test('the app opens on the built renderer with main behind it', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Chartbook' })).toBeVisible();
});
