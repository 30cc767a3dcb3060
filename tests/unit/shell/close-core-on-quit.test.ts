import { describe, expect, it, vi } from 'vitest';
import { closeCoreOnQuit } from '../../../electron/main/shell/close-core-on-quit';
import { FakeEmitter } from './fake-electron';

function setUp(outcome: 'closed' | 'forced' = 'closed') {
  const events = new FakeEmitter();
  const quits: number[] = [];
  let finishClose: () => void = () => {};
  const close = vi.fn(() => new Promise<'closed' | 'forced'>((resolve) => (finishClose = () => resolve(outcome))));
  const log = vi.fn();
  closeCoreOnQuit({ on: (e, l) => events.on(e, l as never), quit: () => quits.push(1) }, { close }, log);
  const willQuit = () => {
    let held = false;
    events.emit('will-quit', { preventDefault: () => (held = true) });
    return held;
  };
  return { willQuit, close, quits, log, finish: () => finishClose() };
}

describe('quitting with the core running', () => {
  it('holds the quit until the core has closed the database, then quits', async () => {
    const app = setUp();
    expect(app.willQuit()).toBe(true);
    expect(app.close).toHaveBeenCalledTimes(1);
    expect(app.quits).toEqual([]);
    // A second quit (a second Cmd+Q) while closing is held too and does not close twice.
    expect(app.willQuit()).toBe(true);
    expect(app.close).toHaveBeenCalledTimes(1);

    app.finish();
    await vi.waitFor(() => expect(app.quits).toEqual([1]));
    expect(app.willQuit()).toBe(false);
    expect(app.log).not.toHaveBeenCalled();
  });

  it('says so when the core had to be stopped, and still quits', async () => {
    const app = setUp('forced');
    app.willQuit();
    app.finish();
    await vi.waitFor(() => expect(app.quits).toEqual([1]));
    expect(app.log).toHaveBeenCalledWith(expect.stringMatching(/did not close in time/));
  });
});
