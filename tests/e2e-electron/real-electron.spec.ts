import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

/**
 * The packaged shell itself, in real Electron: the security settings Chromium actually applied,
 * the preload bridge, and one clinic workflow end to end. Skipped where Electron's binary cannot
 * be installed (the build machines); everything but the shell is covered by tests/e2e.
 */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SKIP_REASON =
  "Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1 on machines without access to Electron's download host)";

function electronBinary(): string | null {
  try {
    // The electron package exports the path of its binary, and throws when the binary was never downloaded.
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const ELECTRON = electronBinary();
const CLINIC = {
  name: 'Hillside Clinic',
  admin: 'admin',
  fullName: 'Dr Amara Okafor',
  password: 'correct horse battery',
};

test.describe('Chartbook in real Electron', () => {
  test.skip(ELECTRON === null, SKIP_REASON);
  test.describe.configure({ mode: 'serial', timeout: 120_000 });

  let dataDir: string;
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    // No-op when the Electron build of better-sqlite3 is already current (see the script).
    const prepared = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'prepare-electron-native.mjs')], {
      encoding: 'utf8',
    });
    if (prepared.status !== 0) throw new Error(`prepare-electron-native failed:\n${prepared.stderr}`);
    if (!fs.existsSync(path.join(REPO_ROOT, 'out', 'main', 'index.js')))
      throw new Error('Build the app first: npx electron-vite build');

    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-electron-'));
    // Chromium refuses to start as root with its OS sandbox on (CI containers); the renderer is still sandboxed by Electron's own settings.
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await electron.launch({
      executablePath: ELECTRON!,
      args: [...rootArgs, REPO_ROOT, `--data-dir=${dataDir}`],
      cwd: REPO_ROOT,
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close().catch(() => {});
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('serves the app from app://chartbook/ with the renderer locked down', async () => {
    expect(page.url()).toMatch(/^app:\/\/chartbook\//);
    // getLastWebPreferences is undocumented: it shows what Chromium really applied, where it exists.
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
        getLastWebPreferences?: () => unknown;
      };
      return contents.getLastWebPreferences?.() ?? null;
    });
    if (prefs !== null)
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });

    const surface = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: Object.keys((window as unknown as { chartbook: object }).chartbook).sort(),
    }));
    expect(surface).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'on'] });

    const refused = await page.evaluate(() =>
      (window as unknown as { chartbook: { invoke(c: string, i: unknown): Promise<unknown> } }).chartbook
        .invoke('fs.readFile', {})
        .then(
          () => 'sent',
          (e: Error) => e.message,
        ),
    );
    expect(refused).toMatch(/not in the IPC contract/);
  });

  test('refuses to navigate away or open a window', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.open('https://example.com/');
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  });

  test('a clinic is set up, a patient registered and found by search', async () => {
    await expect(page.getByRole('heading', { name: 'Set up Chartbook' })).toBeVisible();
    await page.getByLabel('Clinic name').fill(CLINIC.name);
    await page.getByLabel('Full name').fill(CLINIC.fullName);
    await page.getByLabel('User name').fill(CLINIC.admin);
    await page.getByLabel('Password', { exact: true }).fill(CLINIC.password);
    await page.getByLabel('Confirm password').fill(CLINIC.password);
    await page.getByLabel('I am also a doctor').check();
    await page.getByRole('button', { name: 'Set up clinic' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

    await page.getByRole('button', { name: /^Register new patient/ }).click();
    await page.getByLabel('Given names').fill('Amina');
    await page.getByLabel('Family name').fill('Okello');
    await page.getByLabel('Sex', { exact: true }).selectOption({ label: 'Female' });
    await page.getByLabel('Date of birth', { exact: true }).fill('1990-05-03');
    await page.getByRole('button', { name: 'Save patient' }).click();
    await expect(page.getByRole('heading', { name: 'Amina Okello' })).toBeVisible();

    await page.getByRole('button', { name: 'Back to search' }).click();
    await page.getByLabel('Search patients').fill('okello amina');
    await expect(page.getByText('Amina Okello')).toBeVisible();

    // The record is in the data folder chosen on the command line, not the per-user default.
    expect(fs.existsSync(path.join(dataDir, 'chartbook.sqlite'))).toBe(true);
  });

  test('quitting waits for the core thread to close the database cleanly', async () => {
    await app.close();
    // SQLite removes the WAL only when the last connection closes cleanly, which quit waits for.
    expect(fs.existsSync(path.join(dataDir, 'chartbook.sqlite-wal'))).toBe(false);
  });
});
