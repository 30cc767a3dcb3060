import type { CoreClient } from '../core-thread/core-client';

interface QuitEvent {
  preventDefault(): void;
}

interface QuittingApp {
  on(event: 'will-quit', listener: (event: QuitEvent) => void): unknown;
  quit(): void;
}

/**
 * Quitting waits for the core: Electron's quit is held back once while the core finishes the
 * requests it is running and closes the database (bounded by the core client's close timeout),
 * then quit goes ahead. A write caught by the quit is either committed or not there at all,
 * because SQLite commits atomically; the clean close also folds the WAL back into the file.
 */
export function closeCoreOnQuit(
  app: QuittingApp,
  core: Pick<CoreClient, 'close'>,
  log: (message: string) => void = (m) => console.warn(m),
): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void core
      .close()
      .then((outcome) => {
        if (outcome === 'forced') log('The core did not close in time and was stopped.');
      })
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
