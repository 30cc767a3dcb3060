import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, mainWindowOptions, MIN_WINDOW_SIZE } from '../../../electron/main/shell/window-options';

describe('main window options', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');
  const prefs = options.webPreferences!;

  it('isolates the renderer: context isolation and sandbox on, Node off', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webview off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('keeps developer tools off unless a development build asks for them', () => {
    expect(prefs.devTools).toBe(false);
    expect(mainWindowOptions('/p.cjs', undefined, { devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('loads the CommonJS preload and waits for ready-to-show at the agreed sizes', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(options.show).toBe(false);
    expect([options.width, options.height]).toEqual([DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height]);
    expect([options.minWidth, options.minHeight]).toEqual([1024, 700]);
    expect(MIN_WINDOW_SIZE).toEqual({ width: 1024, height: 700 });
    expect(DEFAULT_WINDOW_SIZE).toEqual({ width: 1366, height: 768 });
  });
});
