import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session as electronSession } from 'electron';
import { resolveDataDir } from './data-dir';
import { EVENT_CHANNEL } from '../preload/ipc-names';
import { appMenuTemplate, type MenuCommand } from './shell/app-menu';
import {
  coreWorkerPath,
  electronNativeBindingPath,
  migrationsDir,
  pdfFontsDir,
  referenceDataDir,
  preloadPath,
  rendererDir,
  windowIconPath,
  type AppLocation,
} from './shell/app-paths';
import { registerAppScheme, serveRenderer } from './shell/app-protocol';
import { closeCoreOnQuit } from './shell/close-core-on-quit';
import { registerInvokeHandler } from './shell/invoke-handler';
import { createMainWindow } from './shell/main-window';
import { denyAllPermissions } from './shell/permission-handlers';
import { startCoreOrExplain, STARTUP_ERROR_TITLE } from './shell/start-core';
import { createSystemPdfPrinter } from './shell/system-pdf-printer';
import { createWindowSessions } from './shell/window-sessions';
import { osKeyProtector } from './shell/os-key-protector';
import { DATABASE_FILE } from './db/files';
import { resolveMasterKey, writeKeyFile } from './security/key-file';

// Scheme privileges are fixed when Chromium starts, so this must run before 'ready'.
registerAppScheme(protocol);

const location: AppLocation = {
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  isPackaged: app.isPackaged,
};

function quitWithError(message: string): void {
  dialog.showErrorBox(STARTUP_ERROR_TITLE, message);
  app.exit(1);
}

async function start(): Promise<void> {
  let dataDir: string;
  try {
    const resolved = resolveDataDir({ argv: process.argv, env: process.env, defaultDir: app.getPath('userData') });
    dataDir = resolved.dataDir;
    // Each data folder gets its own browser profile, so two clinics' windows never share storage.
    if (resolved.source !== 'default') app.setPath('sessionData', path.join(dataDir, 'browser-profile'));
  } catch (error) {
    quitWithError(error instanceof Error ? error.message : String(error));
    return;
  }

  const nativeBinding = electronNativeBindingPath(location);
  if (!fs.existsSync(nativeBinding)) {
    quitWithError(
      `The database driver built for Electron is missing (${nativeBinding}).\n\n` +
        (app.isPackaged
          ? 'Reinstall Chartbook.'
          : 'Run "npm start", which builds it, or "node scripts/prepare-electron-native.mjs".'),
    );
    return;
  }

  // The OS key store (safeStorage) is usable once the app is ready. It unwraps the clinic's master
  // key here, in main; the core thread gets the key, never the key store.
  await app.whenReady();
  let keys: { masterKey: Buffer | null; onKeyRecovered: (masterKey: Buffer) => void };
  try {
    const protector = osKeyProtector(safeStorage, (m) => console.warn(m));
    const resolved = resolveMasterKey(dataDir, DATABASE_FILE, protector);
    keys = {
      masterKey: resolved.state === 'ready' ? resolved.master : null,
      onKeyRecovered: (masterKey) => writeKeyFile(dataDir, masterKey, protector),
    };
  } catch (error) {
    quitWithError(error instanceof Error ? error.message : String(error));
    return;
  }

  // The core thread opens and migrates the database before any window or IPC handler exists.
  // It asks main for the print dialog, which needs a window, through this printer.
  const printer = createSystemPdfPrinter(BrowserWindow, { tempDir: app.getPath('temp') });
  const core = await startCoreOrExplain(
    {
      entry: coreWorkerPath(location),
      dataDir,
      ...keys,
      migrationsDir: migrationsDir(location),
      nativeBinding,
      fontsDir: pdfFontsDir(location),
      referenceDir: referenceDataDir(location),
      printer,
    },
    (title, message) => dialog.showErrorBox(title, message),
  );
  if (!core) {
    app.exit(1);
    return;
  }
  core.onStopped((message) => {
    console.error(message);
    dialog.showErrorBox(
      'Chartbook has stopped working',
      'The part of Chartbook that keeps the records has stopped. What was saved before is safe. ' +
        'Close Chartbook and start it again; if it keeps happening, contact support.',
    );
  });

  const sessions = createWindowSessions(core);
  const openWindow = (): void => {
    const window = createMainWindow(BrowserWindow, {
      preloadPath: preloadPath(location),
      iconPath: windowIconPath(location),
      devTools: !app.isPackaged,
    });
    sessions.add(window.webContents);
  };
  const send = (command: MenuCommand, target: unknown): void => {
    const window = target instanceof BrowserWindow ? target : BrowserWindow.getFocusedWindow();
    window?.webContents.send(EVENT_CHANNEL, 'menu.command', command);
  };

  closeCoreOnQuit(app, core);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    denyAllPermissions(electronSession.defaultSession);
    serveRenderer(protocol, rendererDir(location));
    registerInvokeHandler(ipcMain, {
      dispatch: core.dispatch,
      sessionFor: sessions.sessionFor,
      log: (m) => console.warn(m),
    });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({ isMac: process.platform === 'darwin', isDevelopment: !app.isPackaged, send }),
      ),
    );
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });
}

// One Chartbook at a time: a second launch would open the same database and key twice. It hands
// over to the first, which brings its window forward, and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  start().catch((error: unknown) => quitWithError(error instanceof Error ? error.message : String(error)));
}
