import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run the built renderer in Debian's Chromium with the real main-process core
 * behind it (tests/harness/app-harness.ts). Each test gets a fresh data folder.
 * The real-Electron spec lives in tests/e2e-electron and runs only where Electron's binary exists.
 */
export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'e2e-electron/**/*.spec.ts'],
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    trace: 'retain-on-failure',
  },
});
