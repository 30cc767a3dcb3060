import { describe, expect, it } from 'vitest';
import { isTrustedSender, isTrustedSenderUrl } from '../../../electron/main/shell/trusted-sender';

describe('IPC sender check', () => {
  it.each(['app://chartbook/index.html', 'app://chartbook/', 'app://chartbook/index.html#/patients/1'])(
    'trusts the app page %s',
    (url) => {
      expect(isTrustedSenderUrl(url)).toBe(true);
    },
  );

  it.each([
    'file:///work/main/out/renderer/index.html',
    'http://chartbook/index.html',
    'https://chartbook/index.html',
    'http://localhost:5173/',
    'app://chartbook.evil/index.html',
    'app://chartbook@evil/index.html',
    'app://evil/chartbook/',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    '',
    'app://chartbook',
  ])('refuses %s', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(false);
  });

  it('trusts only the main frame of one of our windows showing the app', () => {
    const good = { frameUrl: 'app://chartbook/index.html', isMainFrame: true, fromOurWindow: true };
    expect(isTrustedSender(good)).toBe(true);
    expect(isTrustedSender({ ...good, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...good, fromOurWindow: false })).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: null })).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: 'file:///index.html' })).toBe(false);
  });
});
