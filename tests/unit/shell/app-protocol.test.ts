import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security/csp';
import {
  APP_SCHEME_PRIVILEGED,
  createAppProtocolHandler,
  mimeTypeFor,
  registerAppScheme,
  resolveRendererFile,
  serveRenderer,
} from '../../../electron/main/shell/app-protocol';

let root: string;
let rendererDir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-protocol-'));
  rendererDir = path.join(root, 'out', 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Chartbook</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  // Secrets next to the renderer folder that traversal must never reach.
  fs.writeFileSync(path.join(root, 'out', 'secret.txt'), 'patient data');
  fs.mkdirSync(path.join(root, 'out', 'renderer-evil'));
  fs.writeFileSync(path.join(root, 'out', 'renderer-evil', 'x.js'), 'evil');
  handler = createAppProtocolHandler(rendererDir);
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const get = (url: string) => handler(new Request(url));

describe('app:// protocol handler', () => {
  it('serves index.html with the CSP header, the HTML MIME type and nosniff', async () => {
    const response = await get('app://chartbook/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Chartbook</title>');
  });

  it('serves the root as index.html', async () => {
    const response = await get('app://chartbook/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Chartbook');
  });

  it('serves scripts and styles with their MIME types', async () => {
    const js = await get('app://chartbook/assets/index-abc.js?v=1');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const css = await get('app://chartbook/assets/index-abc.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('404s a file that does not exist and a folder', async () => {
    expect((await get('app://chartbook/missing.js')).status).toBe(404);
    expect((await get('app://chartbook/assets')).status).toBe(404);
  });

  it.each([
    'app://chartbook/../secret.txt',
    'app://chartbook/%2e%2e/secret.txt',
    'app://chartbook/..%2Fsecret.txt',
    'app://chartbook/assets/..%2F..%2Fsecret.txt',
    'app://chartbook/..%2Frenderer-evil%2Fx.js',
    'app://chartbook/..%5Csecret.txt',
    'app://chartbook/%2Fetc%2Fpasswd',
  ])('never serves anything outside the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/patient data|evil|root:/);
  });

  it('refuses another host on the scheme', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect(resolveRendererFile(rendererDir, 'app://elsewhere/index.html')).toBeNull();
  });

  it('refuses writes', async () => {
    expect((await handler(new Request('app://chartbook/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('resolves files only inside the renderer folder', () => {
    expect(resolveRendererFile(rendererDir, 'app://chartbook/assets/index-abc.js')).toBe(
      path.join(rendererDir, 'assets', 'index-abc.js'),
    );
    expect(resolveRendererFile(rendererDir, 'app://chartbook/%E0%A4%A')).toBeNull();
    expect(resolveRendererFile(rendererDir, 'not a url')).toBeNull();
  });

  it('knows the MIME types the renderer build produces', () => {
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.PNG')).toBe('image/png');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });

  it('registers app:// as a standard, secure scheme and serves it through protocol.handle', async () => {
    const registered: unknown[] = [];
    const handled: { scheme: string; handler: (request: Request) => Promise<Response> }[] = [];
    const protocol = {
      registerSchemesAsPrivileged: (schemes: unknown[]) => registered.push(...schemes),
      handle: (scheme: string, h: (request: Request) => Promise<Response>) => handled.push({ scheme, handler: h }),
    };
    registerAppScheme(protocol as unknown as Protocol);
    serveRenderer(protocol as unknown as Protocol, rendererDir);
    expect(registered).toEqual([APP_SCHEME_PRIVILEGED]);
    expect(APP_SCHEME_PRIVILEGED.privileges).toMatchObject({ standard: true, secure: true });
    expect(handled.map((h) => h.scheme)).toEqual(['app']);
    expect((await handled[0]!.handler(new Request('app://chartbook/index.html'))).status).toBe(200);
  });
});
