import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AppEvent } from '../../../shared/contract';
import { AppError, type AppErrorData, type Result } from '../../../shared/errors';
import type { PdfPrinter } from '../printing/pdf-printer';
import type { CoreWorkerSettings, FromCore, ToCore } from './protocol';

export interface CoreWorkerOptions {
  /** The worker file: out/main/core-worker.js when built, or scripts/core-worker-from-source.mjs. */
  entry: string | URL;
  dataDir: string;
  /** The clinic's master key; null starts the core waiting for the recovery key (see protocol.ts). */
  masterKey: Buffer | null;
  /** Called with the master key the recovery key brought back, to keep it (wrapped) for the next start. */
  onKeyRecovered?: (masterKey: Buffer) => void;
  migrationsDir: string;
  nativeBinding?: string;
  fontsDir?: string;
  /** Shows the print dialog for a PDF the core built; without it the core offers preview and save only. */
  printer?: PdfPrinter;
  /**
   * Tests move main's clock (idle lock, lockout expiry); every request carries it to the core, and
   * a tick sends it every CLOCK_TICK_MS so the core's idle watcher sees time pass with no request.
   */
  clock?: () => Date;
  /** Keep the core's error log quiet (tests that fail requests on purpose). */
  quiet?: boolean;
  /** The e2e harness only: CoreOptions.passwordWorkFactorLog2. */
  passwordWorkFactorLog2?: number;
  startTimeoutMs?: number;
  /** A request with no answer by then gets INTERNAL; the time a print dialog is open does not count. */
  requestTimeoutMs?: number;
  /** How long close() waits for the core to finish and close the database before stopping the thread. */
  closeTimeoutMs?: number;
  /** How long close() waits when the core makes a backup on quit first (default 5 minutes). */
  closeBackupTimeoutMs?: number;
  /** The backup thread's entry; by default the file beside `entry` named backup-worker instead of core-worker. */
  backupWorker?: string;
}

export type CoreEventListener = (session: string, event: AppEvent, payload: unknown) => void;

/** Main's handle on the core thread: what the shell, the e2e harness, explore and the bench call. */
export interface CoreClient {
  /** A new session (one per window), named by main; the core refuses requests from names it was not given. */
  openSession(session: string): void;
  closeSession(session: string): void;
  /** Never rejects: a stopped, closing or silent core answers { ok: false, error: { code: 'INTERNAL' } }. */
  dispatch(session: string, channel: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: CoreEventListener): () => void;
  /** Called once if the core thread stops without being asked to (a crash). */
  onStopped(listener: (message: string) => void): () => void;
  /** Lets running requests finish, closes the database, ends the thread; 'forced' if it had to be stopped. */
  close(): Promise<'closed' | 'forced'>;
}

/** The core could not start; `name` is the core's error name (e.g. DatabaseFromFutureError). */
export class CoreStartError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

const failure = (message: string): Result<never> => ({ ok: false, error: { code: 'INTERNAL', message } });

const STOPPED = failure(
  'The part of Chartbook that keeps the records has stopped, so this was not done. Close Chartbook and start it again.',
);
const CLOSING = failure('Chartbook is closing, so this was not done. Start Chartbook again to continue.');
const TIMED_OUT = failure(
  'Chartbook took too long to answer. It may still finish in the background; check before trying again.',
);

const UNSENDABLE: Result<never> = {
  ok: false,
  error: { code: 'VALIDATION', message: 'This request holds something other than plain data and was refused.' },
};

const printProblem = (error: unknown): AppErrorData =>
  error instanceof AppError
    ? error.toData()
    : { code: 'INTERNAL', message: 'The print dialog could not be shown. Use “Save as PDF” and print the file.' };

/** How often a test clock is sent to the core when no request carries it. */
const CLOCK_TICK_MS = 200;

interface Pending {
  resolve(result: Result<unknown>): void;
  timer: NodeJS.Timeout;
}

/** out/main/core-worker.js -> out/main/backup-worker.js; scripts/core-worker-from-source.mjs -> scripts/backup-worker-from-source.mjs. */
export function siblingBackupWorker(coreEntry: string): string {
  return path.join(path.dirname(coreEntry), path.basename(coreEntry).replace('core-worker', 'backup-worker'));
}

/**
 * Starts the core in a worker thread and resolves once its database is open and migrated (so no
 * window or IPC handler exists before that), or rejects with a CoreStartError saying why not.
 * worker_threads works in Electron's main process and in plain Node, so the app, the e2e harness,
 * explore and the bench all start the core this one way.
 */
export function startCoreWorker(options: CoreWorkerOptions): Promise<CoreClient> {
  const entry = options.entry instanceof URL ? fileURLToPath(options.entry) : options.entry;
  if (!fs.existsSync(entry)) {
    return Promise.reject(
      new CoreStartError(
        'CoreMissing',
        `Chartbook's core (${entry}) is missing. Reinstall Chartbook; in development, run "npx electron-vite build".`,
      ),
    );
  }
  const requestTimeoutMs = options.requestTimeoutMs ?? 5 * 60_000;
  const closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
  const settings: CoreWorkerSettings = {
    dataDir: options.dataDir,
    masterKey: options.masterKey ? options.masterKey.toString('hex') : null,
    migrationsDir: options.migrationsDir,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}),
    backupWorker: options.backupWorker ?? siblingBackupWorker(entry),
    hasPrinter: options.printer !== undefined,
    quiet: options.quiet ?? false,
    ...(options.passwordWorkFactorLog2 !== undefined ? { passwordWorkFactorLog2: options.passwordWorkFactorLog2 } : {}),
    // The core stops waiting for running requests well before main stops waiting for the core.
    closeGraceMs: Math.floor(closeTimeoutMs / 2),
  };
  const worker = new Worker(entry, { workerData: settings });
  let state: 'starting' | 'running' | 'closing' | 'stopped' = 'starting';
  const send = (message: ToCore): void => {
    if (state !== 'stopped') worker.postMessage(message);
  };
  let lastError = '';
  let nextId = 1;
  let printsOpen = 0;
  const pending = new Map<number, Pending>();
  const eventListeners = new Set<CoreEventListener>();
  const stoppedListeners = new Set<(message: string) => void>();
  let extendClose: () => void = () => {};
  let acknowledgeClose: () => void = () => {};
  const closedByCore = new Promise<void>((resolve) => (acknowledgeClose = resolve));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const clock = options.clock;
  const clockTick: NodeJS.Timeout | undefined = clock
    ? setInterval(() => {
        if (state === 'running') send({ type: 'clock', clockOffsetMs: clock().getTime() - Date.now() });
      }, CLOCK_TICK_MS)
    : undefined;
  clockTick?.unref();

  const settle = (id: number, result: Result<unknown>): void => {
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    clearTimeout(request.timer);
    request.resolve(result);
  };

  const armTimeout = (id: number): NodeJS.Timeout => {
    const timer = setTimeout(() => {
      // A person looking at the print dialog is not the core failing to answer.
      if (printsOpen > 0 && pending.has(id)) pending.get(id)!.timer = armTimeout(id);
      else settle(id, TIMED_OUT);
    }, requestTimeoutMs);
    timer.unref();
    return timer;
  };

  const print = (id: number, pdf: Uint8Array, title: string): void => {
    const printer = options.printer;
    if (!printer) {
      send({ type: 'print.failed', id, error: printProblem(null) });
      return;
    }
    printsOpen += 1;
    printer
      .printPdf(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), title)
      .then(
        (outcome) => send({ type: 'print.done', id, outcome }),
        (error: unknown) => send({ type: 'print.failed', id, error: printProblem(error) }),
      )
      .finally(() => (printsOpen -= 1));
  };

  const client: CoreClient = {
    openSession: (session) => send({ type: 'session.open', session }),
    closeSession: (session) => send({ type: 'session.close', session }),
    dispatch(session, channel, input) {
      if (state === 'stopped') return Promise.resolve(STOPPED);
      if (state === 'closing') return Promise.resolve(CLOSING);
      const id = nextId++;
      const clockOffsetMs = options.clock ? options.clock().getTime() - Date.now() : undefined;
      return new Promise((resolve) => {
        pending.set(id, { resolve, timer: armTimeout(id) });
        try {
          send({
            type: 'dispatch',
            id,
            session,
            channel,
            input,
            ...(clockOffsetMs === undefined ? {} : { clockOffsetMs }),
          });
        } catch {
          // Only plain data crosses to the core (structured clone); anything else is refused here.
          settle(id, UNSENDABLE);
        }
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onStopped(listener) {
      stoppedListeners.add(listener);
      return () => stoppedListeners.delete(listener);
    },
    async close() {
      clearInterval(clockTick);
      if (state === 'stopped') return 'closed';
      state = 'closing';
      worker.postMessage({ type: 'close' } satisfies ToCore);
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        closedByCore.then(() => 'closed' as const),
        exited.then(() => 'closed' as const),
        new Promise<'forced'>((resolve) => {
          timer = setTimeout(() => resolve('forced'), closeTimeoutMs);
          // A backup on quit may take longer than closing does; it still has a limit.
          extendClose = () => {
            clearTimeout(timer);
            timer = setTimeout(() => resolve('forced'), options.closeBackupTimeoutMs ?? 5 * 60_000);
          };
        }),
      ]);
      clearTimeout(timer);
      // The database is closed (or the core is stuck); nothing the thread still does may outlive main.
      await worker.terminate();
      await exited;
      return outcome;
    },
  };

  return new Promise<CoreClient>((resolve, reject) => {
    const startTimer = setTimeout(() => {
      reject(new CoreStartError('CoreTimeout', 'Chartbook could not open its records in time.'));
      void worker.terminate();
    }, options.startTimeoutMs ?? 120_000);

    worker.on('message', (message: FromCore) => {
      switch (message.type) {
        case 'ready':
          clearTimeout(startTimer);
          state = 'running';
          resolve(client);
          break;
        case 'start.failed':
          clearTimeout(startTimer);
          reject(new CoreStartError(message.name, message.message));
          break;
        case 'result':
          settle(message.id, message.result);
          break;
        case 'event':
          for (const listener of eventListeners) listener(message.session, message.event, message.payload);
          break;
        case 'print':
          print(message.id, message.pdf, message.title);
          break;
        case 'close.backup':
          extendClose();
          break;
        case 'closed':
          acknowledgeClose();
          break;
        case 'key.recovered':
          try {
            options.onKeyRecovered?.(Buffer.from(message.masterKey, 'hex'));
          } catch (error) {
            // The data is open for this run; the next start asks for the recovery key again.
            console.error('Chartbook could not keep the recovered key', error);
          }
          break;
      }
    });
    worker.on('error', (error) => {
      lastError = error instanceof Error ? error.message : String(error);
    });
    worker.on('exit', (code) => {
      clearInterval(clockTick);
      const wasAsked = state === 'closing';
      const wasStarting = state === 'starting';
      state = 'stopped';
      clearTimeout(startTimer);
      for (const id of [...pending.keys()]) settle(id, wasAsked ? CLOSING : STOPPED);
      if (wasStarting) {
        reject(
          new CoreStartError(
            'CoreStopped',
            `Chartbook's core stopped while starting (${lastError || `exit ${code}`}).`,
          ),
        );
      } else if (!wasAsked) {
        const message = `Chartbook's core stopped unexpectedly (${lastError || `exit ${code}`}).`;
        for (const listener of stoppedListeners) listener(message);
      }
    });
  });
}
