import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { guardWebContents } from './web-contents-guards';
import { mainWindowOptions } from './window-options';

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export interface MainWindowPaths {
  preloadPath: string;
  iconPath?: string;
  /** Development only: an installed (packaged) Chartbook never opens developer tools. */
  devTools?: boolean;
}

/** Creates a guarded window on the app's own origin; it appears once its first paint is ready. */
export function createMainWindow(Window: WindowConstructor, paths: MainWindowPaths): BrowserWindow {
  const window = new Window(
    mainWindowOptions(paths.preloadPath, paths.iconPath, { devTools: paths.devTools ?? false }),
  );
  guardWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
