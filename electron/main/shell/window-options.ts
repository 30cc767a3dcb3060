import type { BrowserWindowConstructorOptions } from 'electron';

export const MIN_WINDOW_SIZE = { width: 1024, height: 700 } as const;
export const DEFAULT_WINDOW_SIZE = { width: 1366, height: 768 } as const;

/**
 * The renderer is treated as untrusted: no Node, its own JavaScript world, Chromium's sandbox,
 * and nothing that relaxes the same-origin policy. Only the preload's bridge crosses over. Developer
 * tools are off unless asked for (development builds).
 */
export function mainWindowOptions(
  preloadPath: string,
  iconPath?: string,
  { devTools = false }: { devTools?: boolean } = {},
): BrowserWindowConstructorOptions {
  return {
    width: DEFAULT_WINDOW_SIZE.width,
    height: DEFAULT_WINDOW_SIZE.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Chartbook',
    show: false,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      // Developer tools only in development: in an installed app they would open the records to anyone at the keyboard.
      devTools,
    },
  };
}
