import { describe, expect, it } from 'vitest';
import type { CoreEventListener } from '../../../electron/main/core-thread/core-client';
import { createWindowSessions } from '../../../electron/main/shell/window-sessions';
import { EVENT_CHANNEL } from '../../../electron/preload/ipc-names';
import { FakeWebContents } from './fake-electron';

function fakeCore() {
  const open = new Set<string>();
  let emit: CoreEventListener = () => {};
  return {
    open,
    emit: (...args: Parameters<CoreEventListener>) => emit(...args),
    core: {
      openSession: (s: string) => void open.add(s),
      closeSession: (s: string) => void open.delete(s),
      onEvent: (l: CoreEventListener) => {
        emit = l;
        return () => {};
      },
    },
  };
}

describe('one core session per window', () => {
  it("names a window's session after its webContents, and forgets it when the window goes", () => {
    const { core, open } = fakeCore();
    const sessions = createWindowSessions(core);
    const contents = new FakeWebContents();
    const name = sessions.add(contents);
    expect(open).toEqual(new Set([name]));
    expect(sessions.sessionFor(contents.id)).toBe(name);
    expect(sessions.sessionFor(contents.id + 1000)).toBeUndefined();

    contents.emit('destroyed');
    expect(open.size).toBe(0);
    expect(sessions.sessionFor(contents.id)).toBeUndefined();
  });

  it("sends the core's event for a session to that window only", () => {
    const { core, emit } = fakeCore();
    const sessions = createWindowSessions(core);
    const first = new FakeWebContents();
    const second = new FakeWebContents();
    sessions.add(first);
    const secondName = sessions.add(second);
    emit(secondName, 'session.locked', null);
    emit('window-gone', 'session.locked', null);
    expect(second.sent).toEqual([[EVENT_CHANNEL, 'session.locked', null]]);
    expect(first.sent).toEqual([]);
  });
});
