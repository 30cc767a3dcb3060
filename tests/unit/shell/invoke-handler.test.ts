import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMain } from 'electron';
import { startCoreWorker, type CoreClient } from '../../../electron/main/core-thread/core-client';
import { handleInvoke, registerInvokeHandler, type InvokeRouting } from '../../../electron/main/shell/invoke-handler';
import { INVOKE_CHANNEL } from '../../../electron/preload/ipc-names';
import { SOURCE_CORE_WORKER } from '../../harness/core-worker-entry';
import { keyFileCoreKeys } from '../../../electron/main/security/key-file';

const MIGRATIONS_DIR = path.resolve(__dirname, '../../../migrations');
const OUR_WINDOW = 7;

const SESSION = 'window-7';
let dataDir: string;
let core: CoreClient;
let routing: InvokeRouting;

function event(webContentsId: number, frame: { url: string; parent: unknown } | null) {
  return { sender: { id: webContentsId }, senderFrame: frame } as unknown as Parameters<typeof handleInvoke>[1];
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-invoke-'));
  core = await startCoreWorker({
    entry: SOURCE_CORE_WORKER,
    dataDir,
    ...keyFileCoreKeys(dataDir),
    migrationsDir: MIGRATIONS_DIR,
    quiet: true,
  });
  core.openSession(SESSION);
});

beforeEach(() => {
  routing = { dispatch: vi.fn(core.dispatch), sessionFor: (id) => (id === OUR_WINDOW ? SESSION : undefined) };
});

afterAll(async () => {
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('chartbook:invoke handler', () => {
  it("passes a call from our window's main frame, with its session, to the core's dispatcher", async () => {
    const result = await handleInvoke(
      routing,
      event(OUR_WINDOW, { url: 'app://chartbook/index.html', parent: null }),
      'app.status',
      {},
    );
    expect(result).toMatchObject({ ok: true, value: { setupRequired: true } });
    expect(routing.dispatch).toHaveBeenCalledWith(SESSION, 'app.status', {});
  });

  it.each([
    ['a subframe', OUR_WINDOW, { url: 'app://chartbook/index.html', parent: {} }],
    ['a file:// page', OUR_WINDOW, { url: 'file:///tmp/evil.html', parent: null }],
    ['a remote page', OUR_WINDOW, { url: 'https://evil.example/', parent: null }],
    ['a destroyed frame', OUR_WINDOW, null],
    ['a window we did not create', 99, { url: 'app://chartbook/index.html', parent: null }],
  ])('refuses a call from %s without dispatching it', async (_name, id, frame) => {
    const result = await handleInvoke(routing, event(id, frame), 'app.status', {});
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    expect(routing.dispatch).not.toHaveBeenCalled();
  });

  it('lets the dispatcher refuse a channel that is not in the contract', async () => {
    const result = await handleInvoke(
      routing,
      event(OUR_WINDOW, { url: 'app://chartbook/index.html', parent: null }),
      'fs.readFile',
      {},
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('registers exactly one handler, on the channel the preload uses', async () => {
    const handlers = new Map<string, (...args: unknown[]) => unknown>();
    registerInvokeHandler(
      { handle: (name: string, h: (...args: unknown[]) => unknown) => handlers.set(name, h) } as unknown as IpcMain,
      routing,
    );
    expect([...handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    const result = await handlers.get(INVOKE_CHANNEL)!(
      event(OUR_WINDOW, { url: 'app://chartbook/', parent: null }),
      'app.status',
      {},
    );
    expect(result).toMatchObject({ ok: true });
  });
});
