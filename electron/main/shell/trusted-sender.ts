import { isAppUrl } from './app-origin';

/** True for a URL on app://chartbook/; file://, http(s)://, devtools:// and look-alikes are refused. */
export function isTrustedSenderUrl(url: string): boolean {
  return isAppUrl(url);
}

/** What the check needs to know about an IPC sender, taken from event.senderFrame and event.sender. */
export interface SenderFacts {
  /** null when the frame is gone (navigated away or destroyed) before the message was handled. */
  frameUrl: string | null;
  /** The frame is its page's top frame, not an iframe. */
  isMainFrame: boolean;
  /** The message came from a window this process created. */
  fromOurWindow: boolean;
}

/**
 * Every IPC call must come from the top frame of one of our windows, showing our app. Anything
 * else (an iframe, a page that managed to navigate, a window we did not create) is refused even
 * though the preload would also refuse it: main does not trust the renderer.
 */
export function isTrustedSender(facts: SenderFacts): boolean {
  return facts.fromOurWindow && facts.isMainFrame && facts.frameUrl !== null && isTrustedSenderUrl(facts.frameUrl);
}
