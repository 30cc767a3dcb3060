import type { CoreClient } from '../core-thread/core-client';
import { EVENT_CHANNEL } from '../../preload/ipc-names';

/** The parts of a webContents this needs (a fake in tests). */
export interface WindowContents {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
}

/**
 * One core session per window, named after its webContents id: the core keeps who is signed in,
 * main only knows which name belongs to which window. Events the core sends for a session
 * (session.locked) go to that window only.
 */
export function createWindowSessions(core: Pick<CoreClient, 'openSession' | 'closeSession' | 'onEvent'>) {
  const windows = new Map<string, WindowContents>();
  core.onEvent((session, event, payload) => windows.get(session)?.send(EVENT_CHANNEL, event, payload));
  return {
    add(contents: WindowContents): string {
      const session = `window-${contents.id}`;
      windows.set(session, contents);
      core.openSession(session);
      contents.once('destroyed', () => {
        windows.delete(session);
        core.closeSession(session);
      });
      return session;
    },
    sessionFor(webContentsId: number): string | undefined {
      const session = `window-${webContentsId}`;
      return windows.has(session) ? session : undefined;
    },
  };
}
