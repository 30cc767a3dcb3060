import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { launchApp, launchBrowser, type RunningApp } from '../harness/app-harness';

export const ADMIN = { username: 'admin', displayName: 'Dr Amara Okafor', password: 'correct horse battery' };

/**
 * Each test gets its own data folder, core and browser context (its own cookies, storage and
 * pages); the Chromium process is started once per worker, which saves a launch per test.
 */
export const test = base.extend<{ app: RunningApp; page: Page }, { sharedBrowser: Browser }>({
  sharedBrowser: [
    async ({}, use) => {
      const browser = await launchBrowser(true);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ sharedBrowser }, use) => {
    const app = await launchApp({ browser: sharedBrowser });
    await use(app);
    await app.close();
  },
  page: async ({ app }, use) => {
    await use(app.page);
  },
});

export { expect };
