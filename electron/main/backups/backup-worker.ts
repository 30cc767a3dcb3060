import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { runBackupJob, type BackupJob } from './backup-job';
import type { BackupWorkerAnswer } from './run-backup-job';

/**
 * The backup thread: runs one job (make or verify a backup) on its own connection and answers once.
 * Started by run-backup-job.ts from the core thread (built to out/main/backup-worker.js).
 */
if (!parentPort) throw new Error('backup-worker runs as a worker thread; start it with runBackupJobInWorker().');
// The people using Chartbook come first: on Linux a thread has its own nice value, and
// setpriority on "this process" (pid 0) sets only the calling thread's, so the copy yields to the
// core's thread. On Windows and macOS it would lower the whole app, so there it keeps its priority.
if (process.platform === 'linux') {
  try {
    os.setPriority(19);
  } catch {
    // Not allowed here: the backup runs at normal priority.
  }
}
let answer: BackupWorkerAnswer;
try {
  answer = { ok: true, result: runBackupJob(workerData as BackupJob) };
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  answer = {
    ok: false,
    error: {
      name: e.name,
      message: e.message,
      code: String((e as { code?: unknown }).code ?? ''),
    },
  };
}
parentPort.postMessage(answer);
