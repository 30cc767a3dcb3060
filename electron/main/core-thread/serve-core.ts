import type { Result } from '../../../shared/errors';
import path from 'node:path';
import { DATABASE_FILE, startCore, type ChartbookCore, type CoreOptions } from '../core';
import { createRecoveryGate, type RecoveryGate } from '../security/recovery';
import { Session } from '../ipc/session';
import { createPortPrinter } from './port-printer';
import type { CorePort, CoreWorkerSettings, FromCore, ToCore } from './protocol';

const NOT_OUR_WINDOW: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from a Chartbook window and was refused.' },
};

export const CLOSING: Result<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'Chartbook is closing, so this was not done. Start Chartbook again to continue.',
  },
};

const UNEXPECTED: Result<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'Something went wrong and nothing was saved. Please try again; if it keeps happening, contact support.',
  },
};

type Dispatch = Extract<ToCore, { type: 'dispatch' }>;

/** The longest the idle watcher sleeps between looks. */
const IDLE_WATCH_MAX_MS = 60_000;

/**
 * The core's side of the port: starts the core, keeps one Session per window (keyed by the name
 * main gives it, so a renderer can never pick another window's session), answers dispatches, sends
 * events to the window they concern, and on close lets running requests finish (bounded) before the
 * database is closed. Runs in the worker thread; tests may drive it over a MessageChannel.
 */
export function serveCore(
  port: CorePort<ToCore, FromCore>,
  settings: CoreWorkerSettings,
  start: (options: CoreOptions) => ChartbookCore = startCore,
): void {
  const post = (message: FromCore, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const printing = createPortPrinter(post);
  let clockOffsetMs = 0;
  let core: ChartbookCore | null = null;
  let gate: RecoveryGate | null = null;
  const startWith = (startKey: Buffer): ChartbookCore => {
    let masterKey = startKey;
    return start({
      dataDir: settings.dataDir,
      masterKey,
      migrationsDir: settings.migrationsDir,
      ...(settings.nativeBinding ? { nativeBinding: settings.nativeBinding } : {}),
      ...(settings.fontsDir ? { fontsDir: settings.fontsDir } : {}),
      ...(settings.passwordWorkFactorLog2 !== undefined
        ? { passwordWorkFactorLog2: settings.passwordWorkFactorLog2 }
        : {}),
      ...(settings.backupWorker ? { backupWorker: settings.backupWorker } : {}),
      onRestored: (restoredKey) => {
        // Every window signs in again to the restored data; a backup from another installation
        // brings its own key, which main keeps (wrapped) as it keeps a recovered one.
        if (!restoredKey.equals(masterKey)) post({ type: 'key.recovered', masterKey: restoredKey.toString('hex') });
        masterKey = restoredKey;
        for (const name of sessions.keys())
          post({ type: 'event', session: name, event: 'session.signedOut', payload: null });
      },
      ...(settings.hasPrinter ? { printer: printing.printer } : {}),
      ...(settings.quiet ? { log: () => {} } : {}),
      now: () => new Date(Date.now() + clockOffsetMs),
    });
  };
  try {
    if (settings.masterKey) {
      core = startWith(Buffer.from(settings.masterKey, 'hex'));
    } else {
      gate = createRecoveryGate({
        databaseFile: path.join(settings.dataDir, DATABASE_FILE),
        ...(settings.nativeBinding ? { nativeBinding: settings.nativeBinding } : {}),
      });
    }
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    post({ type: 'start.failed', name: failure.name, message: failure.message });
    port.close();
    return;
  }

  const sessions = new Map<string, Session>();
  const running = new Set<Promise<void>>();
  let closing = false;

  const toldLocked = (name: string): void =>
    post({ type: 'event', session: name, event: 'session.locked', payload: null });

  /**
   * The idle watcher: one timer, set for the earliest moment a signed-in session would idle-lock,
   * locks it then and tells its window at once, so the lock screen appears when the idle time ends
   * even if the window makes no call (a renderer whose own timer was throttled, a page left open).
   * Timers are capped at a minute so a clock that jumps (a laptop waking from sleep) is noticed.
   */
  let idleTimer: NodeJS.Timeout | undefined;
  function watchIdle(): void {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    if (closing || !core) return;
    let next = Infinity;
    for (const [name, session] of sessions) {
      if (core.lockIfIdle(session)) toldLocked(name);
      next = Math.min(next, core.idleDeadlineMs(session) ?? Infinity);
    }
    if (next === Infinity) return;
    const waitMs = Math.min(Math.max(next - core.ctx.now().getTime() + 1, 0), IDLE_WATCH_MAX_MS);
    idleTimer = setTimeout(watchIdle, waitMs);
  }

  async function answer(request: Dispatch): Promise<Result<unknown>> {
    const session = sessions.get(request.session);
    if (!session) return NOT_OUR_WINDOW;
    if (!core) return unlock(request);
    const wasLocked = session.locked;
    const result = await core.dispatch(session, request.channel, request.input);
    // The idle lock is noticed inside a call; the window is told even if that call was a background refresh.
    if (!wasLocked && session.locked && sessions.get(request.session) === session) toldLocked(request.session);
    // A deadline that moved later only makes the timer look early and re-arm; one that can come
    // sooner (the first session signing in, a shorter idle time) needs a look now.
    if (idleTimer === undefined || request.channel === 'settings.update') watchIdle();
    return result;
  }

  /** Without its key the core only takes the recovery key; the one that opens the database starts it. */
  function unlock(request: Dispatch): Result<unknown> {
    const answer = gate!.dispatch(request.channel, request.input);
    if (!('unlocked' in answer)) return answer;
    core = startWith(answer.unlocked);
    gate = null;
    post({ type: 'key.recovered', masterKey: answer.unlocked.toString('hex') });
    return { ok: true, value: null };
  }

  function dispatch(request: Dispatch): void {
    if (closing) {
      post({ type: 'result', id: request.id, result: CLOSING });
      return;
    }
    if (request.clockOffsetMs !== undefined) clockOffsetMs = request.clockOffsetMs;
    const task = answer(request)
      .catch(() => UNEXPECTED)
      .then((result) => post({ type: 'result', id: request.id, result }));
    running.add(task);
    void task.finally(() => running.delete(task));
  }

  async function close(): Promise<void> {
    closing = true;
    clearTimeout(idleTimer);
    // A synchronous write is never half-done here (messages are handled between JavaScript turns);
    // what may still run is async work such as a PDF being built or a print dialog awaited.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...running]),
      new Promise((resolve) => (timer = setTimeout(resolve, settings.closeGraceMs))),
    ]);
    clearTimeout(timer);
    if (core) {
      // A backup on quit, before the database closes (backups/backup-schedule.ts).
      post({ type: 'close.backup' });
      await core.backupBeforeClose();
      core.close();
    }
    post({ type: 'closed' });
    port.close();
  }

  port.on('message', (message) => {
    switch (message.type) {
      case 'session.open':
        if (!sessions.has(message.session)) sessions.set(message.session, new Session());
        break;
      case 'session.close':
        sessions.delete(message.session);
        break;
      case 'clock':
        clockOffsetMs = message.clockOffsetMs;
        watchIdle();
        break;
      case 'dispatch':
        dispatch(message);
        break;
      case 'print.done':
        printing.settle(message.id, { outcome: message.outcome });
        break;
      case 'print.failed':
        printing.settle(message.id, { error: message.error });
        break;
      case 'close':
        if (!closing) void close();
        break;
    }
  });
  post({ type: 'ready' });
}
