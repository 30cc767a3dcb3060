/**
 * The Content-Security-Policy the app is served with (custom protocol in Electron, routed
 * responses in the e2e harness). Nothing inline, nothing remote: scripts, styles, fonts and
 * images come only from the app's own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
