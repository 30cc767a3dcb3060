import { test as base, expect, type Page } from '@playwright/test';
import { launchApp, type RunningApp } from '../harness/app-harness';

export const ADMIN = { username: 'admin', displayName: 'Dr Amara Okafor', password: 'correct horse battery' };

/** Each test gets its own data folder and its own app. */
export const test = base.extend<{ app: RunningApp; page: Page }>({
  app: async ({}, use) => {
    const app = await launchApp();
    await use(app);
    await app.close();
  },
  page: async ({ app }, use) => {
    await use(app.page);
  },
});

export { expect };
