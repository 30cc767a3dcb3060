import type { Locator, Page } from '@playwright/test';
import { zonedToUtcLenient } from '../../shared/zoned-time';
import { DR_LEE, MONDAY, ZONE, expect, seedFrontDesk, shot, test } from './frontdesk-helpers';

/** Signs in through the form and opens one of the book's tabs. */
async function openBook(page: Page, user: { username: string; password: string }, tab: 'Day' | 'Week') {
  await page.reload();
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Appointments', exact: true })
    .click();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.getByLabel('Go to date').fill(MONDAY);
}

/** True when no box between the element and the page scrolls sideways (nothing hidden behind a scrollbar). */
const noSidewaysScroll = (el: Locator) =>
  el.evaluate((node) => {
    for (let n: HTMLElement | null = node as HTMLElement; n; n = n.parentElement) {
      if (n.scrollWidth > n.clientWidth + 1 && getComputedStyle(n).overflowX !== 'visible') return false;
    }
    return document.documentElement.scrollWidth <= document.documentElement.clientWidth;
  });

/** How many pixels of the danger red (the now-line) show inside the element's box, borders left out. */
async function redPixelsIn(page: Page, el: Locator): Promise<number> {
  const box = (await el.boundingBox())!;
  const png = await page.screenshot({
    clip: { x: box.x + 6, y: box.y + 2, width: Math.max(1, box.width - 12), height: Math.max(1, box.height - 4) },
  });
  return page.evaluate(
    async (bytes) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let red = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! > 150 && data[i + 1]! < 90 && data[i + 2]! < 90) red++;
      return red;
    },
    [...png],
  );
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 1024, height: 600 },
]) {
  test(`at ${size.width}x${size.height} the week shows Saturday and Sunday without a sideways scrollbar`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize(size);
    await seedFrontDesk(app);
    await openBook(page, DR_LEE, 'Week');
    const week = page.getByRole('region', { name: 'Week view' });
    const saturday = week.getByRole('group', { name: /^Sat/ });
    const sunday = week.getByRole('group', { name: /^Sun/ });
    await expect(saturday).toBeInViewport({ ratio: 1 });
    await expect(sunday).toBeInViewport({ ratio: 1 });
    expect(await noSidewaysScroll(sunday)).toBe(true);
    await shot(page, `week-${size.width}x${size.height}`);

    // The shortcuts dialog shows its heading, whatever button has the focus.
    await page.keyboard.press('F1');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(shortcuts.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInViewport({ ratio: 1 });
    await expect(shortcuts.getByRole('button', { name: 'Close' })).toBeInViewport({ ratio: 1 });
    await shot(page, `shortcuts-${size.width}x${size.height}`);
  });
}

test('the now-line passes behind a short appointment, not through it (1024x768)', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  // The screen's clock at 10:08 on Monday: inside Alice's 10:00–10:20 visit with Dr Lee.
  await page.clock.setFixedTime(new Date(zonedToUtcLenient(MONDAY, '10:08', ZONE)));
  await seedFrontDesk(app);
  await openBook(page, DR_LEE, 'Day');
  const alice = page.getByRole('region', { name: 'Dr Lee schedule' }).getByRole('button', { name: /Alice Archer/ });
  await expect(alice).toBeVisible();
  await shot(page, 'now-line-1024x768');
  expect(await redPixelsIn(page, alice)).toBe(0);
});
