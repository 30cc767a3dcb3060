import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../../electron/main/core';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../electron/preload/ipc-names';
import { SOURCE_CORE_WORKER } from '../../harness/core-worker-entry';
import { FakeEmitter, FakeWebContents } from './fake-electron';
import { openEncrypted } from '../../../electron/main/db/encryption';
import { isPlainSqliteFile } from '../../../electron/main/db/files';
import { deriveClinicKeys } from '../../../electron/main/security/clinic-keys';
import { KEY_FILE } from '../../../electron/main/security/key-file';

/**
 * Runs electron/main/index.ts against a fake `electron` module and the real core thread on a real
 * SQLite file, to check the order of start-up and the wiring the pure shell functions cannot show.
 */
const REPO = path.resolve(__dirname, '../../..');
const NODE_BINDING = path.join(REPO, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

interface FakeWindow {
  options: { webPreferences: Record<string, unknown> };
  webContents: FakeWebContents;
  loadedUrl: string | null;
  shown: boolean;
  events: FakeEmitter;
}

const fake = vi.hoisted(() => ({
  appPath: '',
  userData: '',
  log: [] as string[],
  appEvents: null as unknown as FakeEmitter,
  windows: [] as FakeWindow[],
  ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  errorBoxes: [] as [string, string][],
  exitCodes: [] as number[],
  setPaths: [] as [string, string][],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  permissionRequest: null as null | ((...args: unknown[]) => void),
  permissionCheck: null as null | ((...args: unknown[]) => boolean),
  menu: null as null | { label?: string; role?: string; submenu?: unknown }[],
  keyStoreAvailable: true,
  /** Whether this launch gets the single-instance lock (false: another Chartbook is running). */
  firstInstance: true,
}));

/** Stands in for the OS key store: what it wraps cannot be read as the key it holds. */
const FAKE_WRAP = 'wrapped-by-fake-os:';

vi.mock('electron', async () => {
  const { FakeEmitter, FakeWebContents } = await import('./fake-electron');
  fake.appEvents = new FakeEmitter();
  class BrowserWindow {
    readonly webContents = new FakeWebContents();
    private readonly events = new FakeEmitter();
    loadedUrl: string | null = null;
    shown = false;
    constructor(readonly options: FakeWindow['options']) {
      fake.log.push('BrowserWindow');
      fake.windows.push(this as unknown as FakeWindow);
    }
    once(event: string, listener: () => void) {
      this.events.once(event, listener);
      return this;
    }
    emit(event: string) {
      this.events.emit(event);
    }
    show() {
      this.shown = true;
    }
    focused = false;
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      this.focused = true;
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    static getAllWindows() {
      return fake.windows;
    }
    static getFocusedWindow() {
      return fake.windows[0] ?? null;
    }
  }
  return {
    app: {
      getAppPath: () => fake.appPath,
      getPath: () => fake.userData,
      setPath: (name: string, value: string) => fake.setPaths.push([name, value]),
      isPackaged: false,
      whenReady: () => Promise.resolve(),
      requestSingleInstanceLock: () => fake.firstInstance,
      on: (event: string, listener: () => void) => fake.appEvents.on(event, listener),
      exit: (code: number) => fake.exitCodes.push(code),
      quit: () => fake.log.push('quit'),
    },
    BrowserWindow,
    dialog: { showErrorBox: (title: string, message: string) => fake.errorBoxes.push([title, message]) },
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) => {
        fake.log.push(`ipcMain.handle ${channel}`);
        fake.ipcHandlers.set(channel, handler);
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: typeof fake.menu) => (fake.menu = menu),
    },
    protocol: {
      registerSchemesAsPrivileged: () => fake.log.push('registerSchemesAsPrivileged'),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        fake.protocolHandlers.set(scheme, handler),
    },
    safeStorage: {
      isEncryptionAvailable: () => fake.keyStoreAvailable,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (plain: string) => Buffer.from(FAKE_WRAP + Buffer.from(plain).toString('base64')),
      decryptString: (wrapped: Buffer) => Buffer.from(wrapped.toString().slice(FAKE_WRAP.length), 'base64').toString(),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: (...args: unknown[]) => void) => (fake.permissionRequest = h),
        setPermissionCheckHandler: (h: (...args: unknown[]) => boolean) => (fake.permissionCheck = h),
      },
    },
  };
});

/** The database key, unwrapped from the key file the shell wrote with the (fake) OS key store. */
function clinicKeyOf(dir: string): Buffer {
  const content = JSON.parse(fs.readFileSync(path.join(dir, KEY_FILE), 'utf8')) as { protection: string; key: string };
  expect(content.protection).toBe('os-keystore');
  const wrapped = Buffer.from(content.key, 'base64').toString();
  expect(wrapped.startsWith(FAKE_WRAP)).toBe(true);
  const master = Buffer.from(Buffer.from(wrapped.slice(FAKE_WRAP.length), 'base64').toString(), 'hex');
  return deriveClinicKeys(master).database;
}

let root: string;
let dataDir: string;
const originalArgv = process.argv;

/** Resolves once the shell has opened its window or given up (error box), with the core thread started. */
async function startShell(): Promise<void> {
  process.argv = [...originalArgv.slice(0, 2), `--data-dir=${dataDir}`];
  vi.resetModules();
  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(fake.windows.length + fake.exitCodes.length).toBeGreaterThan(0), {
    timeout: 20_000,
    interval: 20,
  });
}

/** Quits as Electron does: will-quit, which the shell may hold back (preventDefault) until the core has closed. */
async function quit(): Promise<void> {
  let held = false;
  fake.appEvents.emit('will-quit', { preventDefault: () => (held = true) });
  if (held) await vi.waitFor(() => expect(fake.log).toContain('quit'), { timeout: 20_000, interval: 20 });
  fake.appEvents.emit('will-quit', { preventDefault: () => {} });
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-shell-'));
  fake.appPath = path.join(root, 'app');
  fake.userData = path.join(root, 'user-data');
  dataDir = path.join(root, 'clinic');
  fs.mkdirSync(path.join(fake.appPath, '.native', 'electron'), { recursive: true });
  fs.mkdirSync(path.join(fake.appPath, 'out', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(fake.appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>Chartbook</title>');
  // The built core thread's place, here running the sources (as package.json says, the app is ESM).
  fs.writeFileSync(path.join(fake.appPath, 'package.json'), '{ "type": "module" }');
  fs.mkdirSync(path.join(fake.appPath, 'out', 'main'), { recursive: true });
  fs.writeFileSync(
    path.join(fake.appPath, 'out', 'main', 'core-worker.js'),
    `import ${JSON.stringify(pathToFileURL(SOURCE_CORE_WORKER).href)};\n`,
  );
  fs.cpSync(path.join(REPO, 'migrations'), path.join(fake.appPath, 'migrations'), { recursive: true });
  // Under vitest "Electron's" binding is Node's build: what matters is that it is loaded from here.
  fs.copyFileSync(NODE_BINDING, path.join(fake.appPath, '.native', 'electron', 'better_sqlite3.node'));
  fake.log.length = 0;
  fake.windows.length = 0;
  fake.ipcHandlers.clear();
  fake.errorBoxes.length = 0;
  fake.exitCodes.length = 0;
  fake.setPaths.length = 0;
  fake.protocolHandlers.clear();
  fake.permissionRequest = null;
  fake.permissionCheck = null;
  fake.menu = null;
  fake.keyStoreAvailable = true;
  fake.firstInstance = true;
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(async () => {
  if (fake.appEvents) await quit();
  process.argv = originalArgv;
  vi.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the Electron main process', () => {
  it('migrates the database before any IPC handler or window exists, then wires a guarded window', async () => {
    let migratedBeforeIpc = false;
    const dbFile = path.join(dataDir, DATABASE_FILE);
    const original = fake.log.push.bind(fake.log);
    vi.spyOn(fake.log, 'push').mockImplementation((entry: string) => {
      if (entry.startsWith('ipcMain.handle')) {
        const db = openEncrypted(dbFile, clinicKeyOf(dataDir), { readonly: true, fileMustExist: true });
        migratedBeforeIpc = (db.pragma('user_version', { simple: true }) as number) > 0;
        db.close();
      }
      return original(entry);
    });

    await startShell();

    expect(fake.errorBoxes).toEqual([]);
    expect(fake.log).toEqual(['registerSchemesAsPrivileged', `ipcMain.handle ${INVOKE_CHANNEL}`, 'BrowserWindow']);
    expect(migratedBeforeIpc).toBe(true);
    expect(fake.setPaths).toEqual([['sessionData', path.join(dataDir, 'browser-profile')]]);

    const [window] = fake.windows;
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(window!.options.webPreferences.preload).toBe(path.join(fake.appPath, 'out', 'preload', 'index.cjs'));
    expect(window!.loadedUrl).toBe('app://chartbook/index.html');
    expect(window!.shown).toBe(false);
    (window as unknown as { emit(e: string): void }).emit('ready-to-show');
    expect(window!.shown).toBe(true);
    expect(window!.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(window!.webContents.count('will-navigate')).toBe(1);
  });

  it("keeps the clinic's key wrapped by the OS key store and encrypts the database with it", async () => {
    await startShell();
    expect(fake.errorBoxes).toEqual([]);
    const file = path.join(dataDir, DATABASE_FILE);
    expect(isPlainSqliteFile(file)).toBe(false);
    const db = openEncrypted(file, clinicKeyOf(dataDir), { readonly: true, fileMustExist: true });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it('a second launch quits without opening the database, and the first brings its window forward', async () => {
    await startShell();
    fake.appEvents.emit('second-instance');
    expect((fake.windows[0] as unknown as { focused: boolean }).focused).toBe(true);

    const second = path.join(root, 'second');
    fake.firstInstance = false;
    fake.log.length = 0;
    process.argv = [...originalArgv.slice(0, 2), `--data-dir=${second}`];
    vi.resetModules();
    await import('../../../electron/main/index');
    await vi.waitFor(() => expect(fake.log).toContain('quit'));
    expect(fake.log).not.toContain('BrowserWindow');
    expect(fs.existsSync(path.join(second, DATABASE_FILE))).toBe(false);
  });

  it('without a key store, says so and quits before making a key or a database', async () => {
    fake.keyStoreAvailable = false;
    await startShell();
    expect(fake.exitCodes).toEqual([1]);
    expect(fake.errorBoxes[0]![1]).toMatch(/key store is not available.*Nothing was changed/s);
    expect(fs.existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(false);
  });

  it("answers the window's calls through the real dispatcher and refuses strangers", async () => {
    await startShell();
    const [window] = fake.windows;
    const invoke = fake.ipcHandlers.get(INVOKE_CHANNEL)!;
    const fromApp = { sender: window!.webContents, senderFrame: { url: 'app://chartbook/index.html', parent: null } };
    await expect(invoke(fromApp, 'app.status', {})).resolves.toMatchObject({
      ok: true,
      value: { setupRequired: true },
    });
    const stranger = {
      sender: new FakeWebContents(),
      senderFrame: { url: 'app://chartbook/index.html', parent: null },
    };
    await expect(invoke(stranger, 'app.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('serves the renderer, denies permissions and sends menu commands to the window', async () => {
    await startShell();
    const response = await fake.protocolHandlers.get('app')!(new Request('app://chartbook/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");

    const answers: boolean[] = [];
    fake.permissionRequest!({}, 'media', (granted: boolean) => answers.push(granted), {});
    expect(answers).toEqual([false]);
    expect(fake.permissionCheck!({}, 'geolocation', 'app://chartbook', {})).toBe(false);

    const items = (fake.menu ?? []).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])) as {
      label?: string;
      click?: (item: unknown, window: unknown) => void;
    }[];
    items.find((i) => i.label === 'Find patient…')!.click!({}, fake.windows[0]);
    expect(fake.windows[0]!.webContents.sent).toEqual([[EVENT_CHANNEL, 'menu.command', 'focus-search']]);
  });

  it('holds the quit until the core thread has closed the database', async () => {
    await startShell();
    const wal = path.join(dataDir, `${DATABASE_FILE}-wal`);
    expect(fs.existsSync(wal)).toBe(true);
    let held = false;
    fake.appEvents.emit('will-quit', { preventDefault: () => (held = true) });
    expect(held).toBe(true);
    expect(fake.log).not.toContain('quit');
    await vi.waitFor(() => expect(fake.log).toContain('quit'), { timeout: 20_000, interval: 20 });
    // SQLite removes the WAL file when the last connection closes cleanly.
    expect(fs.existsSync(wal)).toBe(false);
    // The quit Electron then repeats goes through.
    let heldAgain = false;
    fake.appEvents.emit('will-quit', { preventDefault: () => (heldAgain = true) });
    expect(heldAgain).toBe(false);
  });

  it("sends the core's events to the window whose session they concern", async () => {
    await startShell();
    const [window] = fake.windows;
    const invoke = fake.ipcHandlers.get(INVOKE_CHANNEL)!;
    const fromApp = { sender: window!.webContents, senderFrame: { url: 'app://chartbook/index.html', parent: null } };
    const password = 'correct horse battery';
    const setUp = await invoke(fromApp, 'setup.complete', {
      clinic: { clinicName: 'Hillside Clinic', timeZone: 'Europe/London' },
      admin: { username: 'admin', displayName: 'Dr Amara Okafor', password, alsoDoctor: true },
    });
    expect(setUp).toMatchObject({ ok: true });
    await expect(invoke(fromApp, 'session.lock', {})).resolves.toMatchObject({ ok: true });
    await vi.waitFor(() => expect(window!.webContents.sent).toContainEqual([EVENT_CHANNEL, 'session.locked', null]));
  });

  it('refuses a database from a newer version: error box, quit, no window, file untouched', async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    const dbFile = path.join(dataDir, DATABASE_FILE);
    const future = new Database(dbFile);
    future.exec('CREATE TABLE t (x)');
    future.pragma('user_version = 999');
    future.close();
    const before = sha256(dbFile);

    await startShell();

    expect(fake.errorBoxes).toHaveLength(1);
    expect(fake.errorBoxes[0]![1]).toMatch(/newer version of Chartbook/);
    expect(fake.exitCodes).toEqual([1]);
    expect(fake.windows).toEqual([]);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(sha256(dbFile)).toBe(before);
  });

  it('says how to fix a missing Electron build of the database driver, and quits', async () => {
    fs.rmSync(path.join(fake.appPath, '.native'), { recursive: true });
    await startShell();
    expect(fake.errorBoxes[0]![1]).toMatch(/database driver built for Electron is missing.*npm start/s);
    expect(fake.exitCodes).toEqual([1]);
    expect(fake.windows).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(false);
  });
});
