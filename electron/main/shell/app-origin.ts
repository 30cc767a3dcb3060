/**
 * The renderer is served from app://chartbook/ rather than file://, so it has a real origin that
 * CSP 'self', the sender check and the navigation guard can all be pinned to.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'chartbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs on our own origin; a prefix look-alike such as app://chartbook.evil/ is refused. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && url.startsWith(`${APP_ORIGIN}/`);
}
