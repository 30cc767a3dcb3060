import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BackupJob, BackupJobResult } from './backup-job';

export type BackupWorkerAnswer =
  { ok: true; result: BackupJobResult } | { ok: false; error: { name: string; message: string; code: string } };

/** A job that failed in the backup thread: its error's name (BackupCheckError, ...), code and message. */
export class BackupJobError extends Error {
  constructor(
    name: string,
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = name;
  }
}

/**
 * Runs a backup job in a new worker thread (a nested one: the core itself runs in a worker) and
 * resolves with its result. `entry` is out/main/backup-worker.js when built, or
 * scripts/backup-worker-from-source.mjs from the sources.
 */
export function runBackupJobInWorker(entry: string | URL, job: BackupJob): Promise<BackupJobResult> {
  const file = entry instanceof URL ? fileURLToPath(entry) : entry;
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: job });
    let answered = false;
    worker.once('message', (answer: BackupWorkerAnswer) => {
      answered = true;
      if (answer.ok) resolve(answer.result);
      else reject(new BackupJobError(answer.error.name, answer.error.message, answer.error.code));
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new BackupJobError('Error', `the backup thread stopped (exit ${code})`, 'EXIT'));
    });
  });
}
