/**
 * The backup worker straight from the TypeScript sources, for what runs without a build (vitest,
 * the bench, a core started from source): registers tsx in this thread, then runs the same entry
 * electron-vite builds into out/main/backup-worker.js.
 */
import { register } from 'tsx/esm/api';

register();
await import('../electron/main/backups/backup-worker.ts');
