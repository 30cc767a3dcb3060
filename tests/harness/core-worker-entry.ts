import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The core thread the app runs, as electron-vite builds it (npm run build, npm run test:e2e). */
export const BUILT_CORE_WORKER = path.join(REPO_ROOT, 'out', 'main', 'core-worker.js');

/** The same core thread from the TypeScript sources through tsx, for vitest and the bench (no build needed). */
export const SOURCE_CORE_WORKER = path.join(REPO_ROOT, 'scripts', 'core-worker-from-source.mjs');

/** The backup thread from the sources, for a core started in-process (integration tests, the bench). */
export const SOURCE_BACKUP_WORKER = path.join(REPO_ROOT, 'scripts', 'backup-worker-from-source.mjs');
