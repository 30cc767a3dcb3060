import { startCore, type ChartbookCore, type CoreOptions } from '../core';
import { DatabaseFromFutureError } from '../db/migrations';

export type ShowErrorBox = (title: string, message: string) => void;

export const STARTUP_ERROR_TITLE = 'Chartbook cannot start';

/** The message a person sees when start-up fails: what happened, and what to do. */
export function startupErrorMessage(error: unknown, dataDir: string): string {
  if (error instanceof DatabaseFromFutureError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return (
    `Chartbook could not open the clinic's data in ${dataDir}.\n\n${detail}\n\n` +
    'Nothing was changed. Check that the folder exists and that you may write to it, then start Chartbook again. ' +
    'If it keeps happening, contact support with this message.'
  );
}

/**
 * Opens and migrates the database before any window or IPC handler exists. On failure the person
 * gets a plain message and null comes back so the shell quits; a database from a newer version is
 * refused by startCore before anything writes to it.
 */
export function startCoreOrExplain(
  options: CoreOptions,
  showErrorBox: ShowErrorBox,
  start: (options: CoreOptions) => ChartbookCore = startCore,
): ChartbookCore | null {
  try {
    return start(options);
  } catch (error) {
    console.error('Chartbook start-up failed', error);
    showErrorBox(STARTUP_ERROR_TITLE, startupErrorMessage(error, options.dataDir));
    return null;
  }
}
