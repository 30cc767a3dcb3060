/**
 * The core worker straight from the TypeScript sources, for what runs without a build (vitest, the
 * bench): registers tsx in this thread, then runs the same entry electron-vite builds into
 * out/main/core-worker.js. Pass this file as `entry` to startCoreWorker().
 */
import { register } from 'tsx/esm/api';

register();
await import('../electron/main/core-worker.ts');
