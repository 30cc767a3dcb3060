import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session as electronSession } from 'electron';
import { resolveDataDir } from './data-dir';
import type { Session } from './ipc/session';
import { EVENT_CHANNEL } from '../preload/ipc-names';
import { appMenuTemplate, type MenuCommand } from './shell/app-menu';
import {
  electronNativeBindingPath,
  migrationsDir,
  pdfFontsDir,
  preloadPath,
  rendererDir,
  windowIconPath,
  type AppLocation,
} from './shell/app-paths';
import { registerAppScheme, serveRenderer } from './shell/app-protocol';
import { registerInvokeHandler } from './shell/invoke-handler';
import { createMainWindow } from './shell/main-window';
import { denyAllPermissions } from './shell/permission-handlers';
import { startCoreOrExplain, STARTUP_ERROR_TITLE } from './shell/start-core';
import { createSystemPdfPrinter } from './shell/system-pdf-printer';

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

function start(): void {
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

  // The database is open and migrated before any window or IPC handler exists.
  const printer = createSystemPdfPrinter(BrowserWindow, { tempDir: app.getPath('temp') });
  const core = startCoreOrExplain(
    { dataDir, migrationsDir: migrationsDir(location), nativeBinding, fontsDir: pdfFontsDir(location), printer },
    (title, message) => dialog.showErrorBox(title, message),
  );
  if (!core) {
    app.exit(1);
    return;
  }

  const sessions = new Map<number, Session>();
  const openWindow = (): void => {
    const window = createMainWindow(BrowserWindow, {
      preloadPath: preloadPath(location),
      iconPath: windowIconPath(location),
    });
    const id = window.webContents.id;
    sessions.set(id, core.newSession());
    window.webContents.once('destroyed', () => sessions.delete(id));
  };
  const send = (command: MenuCommand, target: unknown): void => {
    const window = target instanceof BrowserWindow ? target : BrowserWindow.getFocusedWindow();
    window?.webContents.send(EVENT_CHANNEL, 'menu.command', command);
  };

  app.on('will-quit', () => core.close());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    denyAllPermissions(electronSession.defaultSession);
    serveRenderer(protocol, rendererDir(location));
    registerInvokeHandler(ipcMain, {
      dispatch: core.dispatch,
      sessionFor: (id) => sessions.get(id),
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

start();
