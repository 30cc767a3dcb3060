import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startCoreWorker, type CoreClient } from '../../electron/main/core-thread/core-client';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security/csp';
import type { PdfPrinter } from '../../electron/main/printing/pdf-printer';
import type { Result } from '../../shared/errors';
import { BUILT_CORE_WORKER } from './core-worker-entry';
import { keyFileCoreKeys } from '../../electron/main/security/key-file';

/**
 * Runs the built renderer in Chromium with the real core behind it, started the way the app starts
 * it: the built core thread (out/main/core-worker.js) through the same core client the Electron
 * shell uses. `window.chartbook.invoke` is bound (Playwright exposeBinding) to that client's
 * dispatch, with one core session per page as the shell has one per window. Everything but the
 * few lines of Electron shell is exercised.
 */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = path.join(REPO_ROOT, 'out', 'renderer');
export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'migrations');
export const FONTS_DIR = path.join(REPO_ROOT, 'resources', 'fonts');
/** Where the harness's printer puts what the app "printed": <dataDir>/printed/<n>-<title>.pdf. */
export const PRINTED_DIR = 'printed';
export const APP_ORIGIN = 'http://chartbook.localhost';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface HarnessOptions {
  dataDir?: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Clock for main (lockout expiry, idle lock); defaults to real time. */
  now?: () => Date;
  browser?: Browser;
  /**
   * Run Chromium on this profile folder (a persistent context, as an installed app keeps one), so a
   * test can look at every file the browser wrote. Without it the profile is an in-memory one.
   */
  userDataDir?: string;
}

/** A core session: one per page here, one per window in the app. The core keeps who is signed in. */
export interface CoreSession {
  readonly name: string;
}

/** What tests call beside the page, as another window of the app would. */
export interface HarnessCore {
  dispatch(session: CoreSession, channel: string, input: unknown): Promise<Result<unknown>>;
  newSession(): CoreSession;
}

export interface RunningApp {
  page: Page;
  context: BrowserContext;
  core: HarnessCore;
  session: CoreSession;
  dataDir: string;
  /** Pushes an event to the renderer as main would (e.g. a menu command). */
  emit(event: string, payload?: unknown): Promise<void>;
  /** The stand-in for the system print dialog. */
  printDialog: { closeNextWithoutPrinting(): void };
  /** Opens another window on the same database (a second receptionist). */
  openSecondWindow(): Promise<{ page: Page; session: CoreSession }>;
  close(): Promise<void>;
}

export function freshDataDir(prefix = 'chartbook-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function launchBrowser(headless = true): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless, args: CHROMIUM_ARGS });
}

/** What the preload provides in Electron: window.chartbook.invoke/on, here backed by the Playwright binding. */
const BRIDGE_SCRIPT = `(() => {
  const listeners = new Map();
  window.__chartbookEmit = (event, payload) => listeners.get(event)?.forEach((l) => l(payload));
  window.chartbook = Object.freeze({
    invoke: (channel, input) => window.__chartbookInvoke(channel, input),
    on: (event, listener) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
  });
})();`;

async function wirePage(context: BrowserContext, core: HarnessCore, session: CoreSession): Promise<Page> {
  const page = await context.newPage();
  await page.exposeBinding('__chartbookInvoke', (_source, channel: string, input: unknown) =>
    core.dispatch(session, channel, input),
  );
  // Passed as source text, not a function, so no transpiler helper (e.g. tsx's __name) leaks into the page.
  await page.addInitScript({ content: BRIDGE_SCRIPT });
  await page.route(`${APP_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(RENDERER_DIR, rel);
    if (!file.startsWith(RENDERER_DIR) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      await route.fulfill({ status: 404, body: 'not found' });
      return;
    }
    await route.fulfill({
      status: 200,
      body: fs.readFileSync(file),
      headers: {
        'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
      },
    });
  });
  await page.goto(`${APP_ORIGIN}/index.html`);
  return page;
}

/**
 * Stands in for the system print dialog: each printed PDF is saved, numbered, for tests to read; a
 * test can have the person close the next dialog without printing.
 */
function savingPrinter(dir: string): PdfPrinter & RunningApp['printDialog'] {
  let count = 0;
  let cancelNext = false;
  return {
    closeNextWithoutPrinting: () => {
      cancelNext = true;
    },
    printPdf: async (pdf, title) => {
      if (cancelNext) {
        cancelNext = false;
        return 'cancelled';
      }
      fs.mkdirSync(dir, { recursive: true });
      count += 1;
      fs.writeFileSync(
        path.join(dir, `${String(count).padStart(3, '0')}-${title.replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`),
        pdf,
      );
      return 'printed';
    },
  };
}

function harnessCore(client: CoreClient): HarnessCore {
  let count = 0;
  return {
    dispatch: (session, channel, input) => client.dispatch(session.name, channel, input),
    newSession: () => {
      const session = { name: `page-${++count}` };
      client.openSession(session.name);
      return session;
    },
  };
}

export async function launchApp(options: HarnessOptions = {}): Promise<RunningApp> {
  for (const built of [path.join(RENDERER_DIR, 'index.html'), BUILT_CORE_WORKER]) {
    if (!fs.existsSync(built)) throw new Error(`${built} is not built: run "npm run build" first.`);
  }
  const dataDir = options.dataDir ?? freshDataDir();
  const printer = savingPrinter(path.join(dataDir, PRINTED_DIR));
  const client = await startCoreWorker({
    entry: BUILT_CORE_WORKER,
    dataDir,
    ...keyFileCoreKeys(dataDir),
    migrationsDir: MIGRATIONS_DIR,
    fontsDir: FONTS_DIR,
    printer,
    // Sign-ins in every test cost milliseconds; the hash's own parameters are tested in tests/integration/auth.test.ts.
    passwordWorkFactorLog2: 10,
    ...(options.now ? { clock: options.now } : {}),
    quiet: true,
  });
  const core = harnessCore(client);
  const ownBrowser = !options.browser;
  let browser: Browser | undefined;
  let context: BrowserContext;
  const contextOptions = {
    viewport: options.viewport ?? { width: 1366, height: 768 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-GB',
  } as const;
  try {
    if (options.userDataDir) {
      context = await chromium.launchPersistentContext(options.userDataDir, {
        executablePath: CHROMIUM_PATH,
        headless: options.headless ?? true,
        args: CHROMIUM_ARGS,
        ...contextOptions,
      });
    } else {
      browser = options.browser ?? (await launchBrowser(options.headless ?? true));
      context = await browser.newContext(contextOptions);
    }
  } catch (error) {
    if (ownBrowser) await browser?.close();
    await client.close();
    throw error;
  }
  const pages = new Map<string, Page>();
  // Events the core sends for a session (session.locked) reach that page only, as in the app.
  client.onEvent((session, event, payload) => {
    void pages
      .get(session)
      ?.evaluate(`window.__chartbookEmit(${JSON.stringify(event)}, ${JSON.stringify(payload ?? null)})`)
      .catch(() => {});
  });
  const openPage = async (session: CoreSession): Promise<Page> => {
    const page = await wirePage(context, core, session);
    pages.set(session.name, page);
    return page;
  };
  const session = core.newSession();
  const page = await openPage(session);
  return {
    page,
    context,
    core,
    session,
    dataDir,
    printDialog: printer,
    emit: (event, payload) =>
      page.evaluate(`window.__chartbookEmit(${JSON.stringify(event)}, ${JSON.stringify(payload ?? null)})`),
    openSecondWindow: async () => {
      const second = core.newSession();
      return { page: await openPage(second), session: second };
    },
    close: async () => {
      await context.close();
      if (ownBrowser) await browser?.close();
      // As the app does on quit: running requests finish, then the database is closed.
      await client.close();
    },
  };
}
