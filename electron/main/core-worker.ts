import { parentPort, workerData } from 'node:worker_threads';
import { serveCore } from './core-thread/serve-core';
import type { CorePort, CoreWorkerSettings, FromCore, ToCore } from './core-thread/protocol';

/**
 * The core's thread: database, services, dispatcher and PDF building run here, off the thread that
 * draws windows and menus. Started by core-thread/core-client.ts (built to out/main/core-worker.js).
 */
if (!parentPort) throw new Error('core-worker runs as a worker thread; start it with startCoreWorker().');
serveCore(parentPort as CorePort<ToCore, FromCore>, workerData as CoreWorkerSettings);
