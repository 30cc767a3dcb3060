/**
 * Opens Chartbook in Chromium on a data folder of your choice, with the real core (in its own thread,
 * started as the app starts it) behind it, for machines without Electron:
 *
 *   npm run explore -- --data-dir /some/folder [--headed] [--screenshot out.png] [--width 1366 --height 768]
 *
 * Headless with --screenshot: takes the screenshot and exits. Headed (on a desktop or under Xvfb):
 * stays open until the browser window is closed or Ctrl+C.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { freshDataDir, launchApp, launchBrowser, type RunningApp } from '../tests/harness/app-harness';

const USAGE =
  'Usage: npm run explore -- [--data-dir FOLDER] [--headed] [--screenshot FILE.png] [--width 1366] [--height 768]\n' +
  'Without --data-dir a fresh empty folder is used.';

interface ExploreOptions {
  dataDir: string;
  headed: boolean;
  screenshot: string | null;
  viewport: { width: number; height: number };
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 200 || n > 10_000)
    throw new Error(`--${name} must be a whole number of pixels from 200 to 10000, not "${value}".`);
  return n;
}

function readOptions(argv: string[]): ExploreOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      headed: { type: 'boolean', default: false },
      screenshot: { type: 'string' },
      width: { type: 'string' },
      height: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    dataDir: values['data-dir'] ? path.resolve(values['data-dir']) : freshDataDir('chartbook-explore-'),
    headed: values.headed ?? false,
    screenshot: values.screenshot ? path.resolve(values.screenshot) : null,
    viewport: { width: positiveInt('width', values.width, 1366), height: positiveInt('height', values.height, 768) },
  };
}

/** Resolves when the person closes the browser window or presses Ctrl+C. */
function untilClosed(app: RunningApp): Promise<void> {
  return new Promise((resolve) => {
    app.page.once('close', () => resolve());
    app.context.browser()?.once('disconnected', () => resolve());
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function main(): Promise<void> {
  let options: ExploreOptions;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  if (options.headed && !process.env.DISPLAY && process.platform === 'linux') {
    console.error(
      '--headed needs a display: run it on a desktop, or under Xvfb (xvfb-run -a npm run explore -- --headed ...).',
    );
    process.exit(2);
  }

  const started = performance.now();
  const browser = await launchBrowser(!options.headed);
  const app = await launchApp({ dataDir: options.dataDir, viewport: options.viewport, browser });
  try {
    // A new folder opens on clinic set-up, an existing one on sign-in; either means the app is up.
    const heading = app.page.getByRole('heading', { name: /^(Sign in|Set up Chartbook)$/ });
    await heading.waitFor({ timeout: 30_000 });
    const screen = (await heading.textContent()) === 'Sign in' ? 'sign-in' : 'clinic set-up';
    console.log(
      `Chartbook is ready (${screen} screen) in ${Math.round(performance.now() - started)} ms, data folder ${options.dataDir}`,
    );
    if (options.screenshot) {
      await app.page.screenshot({ path: options.screenshot, fullPage: false });
      console.log(`Screenshot saved to ${options.screenshot}`);
    }
    if (options.headed) {
      console.log('Close the browser window or press Ctrl+C to stop.');
      await untilClosed(app);
    }
  } finally {
    await app.close().catch(() => {});
    await browser.close().catch(() => {});
  }
}

main().catch((error: unknown) => {
  console.error(`explore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
