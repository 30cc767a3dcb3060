import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChartbookBridge } from '../../../shared/contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../electron/preload/ipc-names';
import { FakeEmitter } from './fake-electron';

const electron = vi.hoisted(() => {
  const state = {
    exposed: new Map<string, unknown>(),
    ipcRenderer: null as unknown,
  };
  return state;
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  get ipcRenderer() {
    return electron.ipcRenderer;
  },
}));

class FakeIpcRenderer extends FakeEmitter {
  invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from main' }));
  removeListener(event: string, listener: (...args: unknown[]) => unknown): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
}

let ipc: FakeIpcRenderer;
let bridge: ChartbookBridge;

beforeEach(async () => {
  vi.resetModules();
  electron.exposed.clear();
  ipc = new FakeIpcRenderer();
  electron.ipcRenderer = ipc;
  await import('../../../electron/preload/index');
  bridge = electron.exposed.get('chartbook') as ChartbookBridge;
});

describe('preload bridge', () => {
  it('exposes only invoke and on, as window.chartbook', () => {
    expect([...electron.exposed.keys()]).toEqual(['chartbook']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards a contract channel to main on the invoke channel', async () => {
    await expect(bridge.invoke('patients.search', { text: 'okafor' })).resolves.toEqual({
      ok: true,
      value: 'from main',
    });
    expect(ipc.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'patients.search', { text: 'okafor' });
  });

  it.each(['fs.readFile', 'chartbook:invoke', '__proto__', 'toString', ''])(
    'refuses %s without calling ipcRenderer',
    async (channel) => {
      await expect(bridge.invoke(channel, {})).rejects.toThrow(/not in the IPC contract/);
      expect(ipc.invoke).not.toHaveBeenCalled();
    },
  );

  it('refuses a non-string channel without calling ipcRenderer', async () => {
    await expect(bridge.invoke({ toString: () => 'app.status' } as unknown as string, {})).rejects.toThrow();
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('delivers only the payload of the named event, never the IPC event object', () => {
    const received: unknown[][] = [];
    bridge.on('menu.command', (...args: unknown[]) => received.push(args));
    const ipcEvent = { sender: 'secret ipcRenderer' };
    ipc.emit(EVENT_CHANNEL, ipcEvent, 'menu.command', 'focus-search');
    ipc.emit(EVENT_CHANNEL, ipcEvent, 'session.locked', null);
    expect(received).toEqual([['focus-search']]);
  });

  it('stops delivering after unsubscribe', () => {
    const received: unknown[] = [];
    const off = bridge.on('session.locked', (payload) => received.push(payload));
    off();
    ipc.emit(EVENT_CHANNEL, {}, 'session.locked', 'idle');
    expect(received).toEqual([]);
    expect(ipc.count(EVENT_CHANNEL)).toBe(0);
  });

  it('refuses to listen to an event that is not in the contract', () => {
    expect(() => bridge.on('ipc-message' as never, () => {})).toThrow(/not in the IPC contract/);
    expect(ipc.count(EVENT_CHANNEL)).toBe(0);
  });
});
