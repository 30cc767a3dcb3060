import type { AppEvent } from '../../../shared/contract';
import type { AppErrorData, Result } from '../../../shared/errors';
import type { PrintOutcome } from '../printing/pdf-printer';

/**
 * The messages main and the core worker exchange over the worker's port (docs/ARCHITECTURE.md,
 * "Processes"). Everything here must survive structured cloning: plain data, no classes, no functions.
 */

/** What the core needs to start; the parts of CoreOptions that can cross a thread. */
export interface CoreWorkerSettings {
  dataDir: string;
  /**
   * The clinic's master key (hex), unwrapped by main from the OS key store (security/key-file.ts);
   * null when this computer has none for an encrypted database: the core then waits for the
   * recovery key (security/recovery.ts).
   */
  masterKey: string | null;
  migrationsDir: string;
  nativeBinding?: string;
  fontsDir?: string;
  /** The backup thread's entry (CoreOptions.backupWorker); without it backups cannot run. */
  backupWorker?: string;
  /** Whether main has a printer (system print dialog, or the harness's stand-in) the core may ask. */
  hasPrinter: boolean;
  /** Keep the dispatcher's error log quiet (the e2e harness expects failures on purpose). */
  quiet: boolean;
  /** The e2e harness only: CoreOptions.passwordWorkFactorLog2. */
  passwordWorkFactorLog2?: number;
  /** How long a close waits for requests already running (a PDF being built) before closing anyway. */
  closeGraceMs: number;
}

/** Main -> core. */
export type ToCore =
  | { type: 'session.open'; session: string }
  | { type: 'session.close'; session: string }
  | {
      type: 'dispatch';
      id: number;
      session: string;
      channel: string;
      input: unknown;
      /** Tests move main's clock; the core's clock follows by this offset from real time. */
      clockOffsetMs?: number;
    }
  /**
   * Main's clock moved (tests only; the app sends none): the core's clock follows, and the idle
   * watcher looks again at once, so a test clock can make a session idle-lock with no call.
   */
  | { type: 'clock'; clockOffsetMs: number }
  | { type: 'print.done'; id: number; outcome: PrintOutcome }
  | { type: 'print.failed'; id: number; error: AppErrorData }
  | { type: 'close' };

/** Core -> main. */
export type FromCore =
  | { type: 'ready' }
  /** The recovery key opened the database: main keeps this master key (hex) wrapped by the OS key store. */
  | { type: 'key.recovered'; masterKey: string }
  | { type: 'start.failed'; name: string; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; session: string; event: AppEvent; payload: unknown }
  /** The core asks main to show the print dialog for this PDF and answer with print.done or print.failed. */
  | { type: 'print'; id: number; pdf: Uint8Array; title: string }
  /** Closing makes a backup first (it can take a minute): main waits longer before stopping the thread. */
  | { type: 'close.backup' }
  | { type: 'closed' };

/** The part of MessagePort / parentPort both ends use, so the worker side can be driven in tests too. */
export interface CorePort<In, Out> {
  postMessage(message: Out, transfer?: readonly ArrayBuffer[]): void;
  on(event: 'message', listener: (message: In) => void): unknown;
  close(): void;
}
