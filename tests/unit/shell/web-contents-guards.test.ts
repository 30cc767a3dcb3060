import { describe, expect, it } from 'vitest';
import type { WebContents } from 'electron';
import { guardWebContents } from '../../../electron/main/shell/web-contents-guards';
import { FakeWebContents, navigationEvent } from './fake-electron';

function guarded(): FakeWebContents {
  const contents = new FakeWebContents();
  guardWebContents(contents as unknown as WebContents);
  return contents;
}

describe('web contents guards', () => {
  it.each([
    'https://example.com/',
    'file:///etc/passwd',
    'http://chartbook.localhost/',
    'app://chartbook.evil/index.html',
    'javascript:alert(1)',
  ])('prevents navigating to %s', (url) => {
    const contents = guarded();
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const event = navigationEvent(url);
      contents.emit(name, event, url);
      expect(event.defaultPrevented, name).toBe(true);
    }
  });

  it('lets the app move within its own origin', () => {
    const contents = guarded();
    const event = navigationEvent('app://chartbook/index.html#/patients');
    contents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(false);
  });

  it('uses the URL on the event even when the deprecated argument disagrees', () => {
    const contents = guarded();
    const event = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', event, 'app://chartbook/index.html');
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every new window, even one on the app origin', () => {
    const contents = guarded();
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://chartbook/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a webview', () => {
    const contents = guarded();
    const event = navigationEvent('');
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});
