import type { ServiceContext } from '../context';
import type { BackupEnvironment } from './backup-environment';
import { backupFolder, backupStatus, changedSinceLastBackup, runBackup, type BackupReason } from './backup-service';

/**
 * Automatic backups (docs/ARCHITECTURE.md, "Backups"): every `everyMs` while Chartbook runs (timed
 * by the process's own clock, so moving the computer's clock neither skips nor repeats them), a
 * first one shortly after start if the last is older than that, and one on quit if anything was
 * recorded since the last. Failures are recorded and audited by runBackup; the timer goes on.
 */
export interface BackupSchedule {
  stop(): void;
  /** Waits for a backup already running, then makes one if anything changed since the last. */
  beforeClose(): Promise<'made' | 'skipped' | 'failed'>;
}

export function startBackupSchedule(options: {
  everyMs: number;
  env: BackupEnvironment;
  context: () => ServiceContext;
  firstCheckMs?: number;
}): BackupSchedule {
  const { env } = options;
  const timers: NodeJS.Timeout[] = [];

  const attempt = async (reason: BackupReason): Promise<'made' | 'skipped' | 'failed'> => {
    const ctx = options.context();
    if (!ctx.db.sqlite.open || !env.workerEntry || env.state.restoring || !backupFolder(ctx)) return 'skipped';
    try {
      await runBackup(ctx, env, null, reason);
      return 'made';
    } catch {
      return 'failed';
    }
  };

  if (options.everyMs > 0) {
    const first = setTimeout(
      () => {
        try {
          const status = backupStatus(options.context(), env);
          if (status.ageMs === null || status.ageMs > options.everyMs) void attempt('scheduled');
        } catch {
          // The database closed meanwhile: nothing to back up from.
        }
      },
      options.firstCheckMs ?? 2 * 60_000,
    );
    const every = setInterval(() => void attempt('scheduled'), options.everyMs);
    first.unref();
    every.unref();
    timers.push(first, every);
  }

  return {
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.length = 0;
    },
    async beforeClose() {
      this.stop();
      if (env.state.running) await env.state.running.done.catch(() => undefined);
      const ctx = options.context();
      if (!ctx.db.sqlite.open || !backupFolder(ctx)) return 'skipped';
      if (!changedSinceLastBackup(ctx)) return 'skipped';
      return attempt('quit');
    },
  };
}
