import { startCoreWorker, type CoreClient, type CoreWorkerOptions } from '../core-thread/core-client';

export type ShowErrorBox = (title: string, message: string) => void;

export const STARTUP_ERROR_TITLE = 'Chartbook cannot start';

/** The core's own words for these are already what a person should read (see migrations.ts, core-client.ts). */
const SELF_EXPLAINING = new Set(['DatabaseFromFutureError', 'CoreMissing']);

/** The message a person sees when start-up fails: what happened, and what to do. */
export function startupErrorMessage(error: unknown, dataDir: string): string {
  if (error instanceof Error && SELF_EXPLAINING.has(error.name)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return (
    `Chartbook could not open the clinic's data in ${dataDir}.\n\n${detail}\n\n` +
    'Nothing was changed. Check that the folder exists and that you may write to it, then start Chartbook again. ' +
    'If it keeps happening, contact support with this message.'
  );
}

/**
 * Starts the core thread, which opens and migrates the database, before any window or IPC handler
 * exists. On failure the person gets a plain message and null comes back so the shell quits; a
 * database from a newer version is refused by the core before anything writes to it.
 */
export async function startCoreOrExplain(
  options: CoreWorkerOptions,
  showErrorBox: ShowErrorBox,
  start: (options: CoreWorkerOptions) => Promise<CoreClient> = startCoreWorker,
): Promise<CoreClient | null> {
  try {
    return await start(options);
  } catch (error) {
    console.error('Chartbook start-up failed', error);
    showErrorBox(STARTUP_ERROR_TITLE, startupErrorMessage(error, options.dataDir));
    return null;
  }
}
