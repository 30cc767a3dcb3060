import type { ChartbookBridge } from '../../shared/contract';
import { isChannelName, isEventName } from '../../shared/channels';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-names';

/** The slice of Electron's ipcRenderer the bridge uses; a parameter so tests can pass a fake. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * The whole surface the renderer gets: invoke a contract channel, listen to a contract event.
 * Unknown names are refused here, before anything reaches main (main checks again). Listeners get
 * only the payload, never Electron's event object, which would hand the page `sender`.
 */
export function createBridge(ipc: RendererIpc): ChartbookBridge {
  return {
    invoke(channel: string, input: unknown): Promise<unknown> {
      if (!isChannelName(channel)) {
        return Promise.reject(
          new Error(`Unknown request "${String(channel).slice(0, 60)}": it is not in the IPC contract.`),
        );
      }
      return ipc.invoke(INVOKE_CHANNEL, channel, input);
    },
    on(event, listener) {
      if (!isEventName(event))
        throw new Error(`Unknown event "${String(event).slice(0, 60)}": it is not in the IPC contract.`);
      if (typeof listener !== 'function') throw new Error('on() needs a listener function.');
      const forward = (_event: unknown, name: unknown, payload: unknown): void => {
        if (name === event) listener(payload);
      };
      ipc.on(EVENT_CHANNEL, forward as (event: unknown, ...args: unknown[]) => void);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, forward as (event: unknown, ...args: unknown[]) => void);
      };
    },
  };
}
