import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin';

type GuardedWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

interface NavigationEvent {
  preventDefault(): void;
  /** Electron 25+ puts the target URL on the event; older listeners received it as an argument. */
  url?: string;
}

/**
 * Keeps a window on the app: no navigation or redirect away from app://chartbook/ (top frame or
 * iframe), no new windows, no <webview>. Links to the outside are refused rather than opened in a
 * browser, because patient text could carry a URL and shell.openExternal on untrusted input is a
 * known attack path.
 */
export function guardWebContents(contents: GuardedWebContents): void {
  const stayOnApp = (event: NavigationEvent, url?: string): void => {
    if (!isAppUrl(event.url ?? url ?? '')) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => stayOnApp(event, url));
  contents.on('will-frame-navigate', (event) => stayOnApp(event));
  contents.on('will-redirect', (event, url) => stayOnApp(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
