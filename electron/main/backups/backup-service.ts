import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { BACKUP_STALE_HOURS, type BackupInfo, type BackupStatus } from '../../../shared/domain/backup';
import { appendAudit } from '../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { readDeviceState, writeDeviceState } from '../db/device-state';
import { t } from '../i18n/translate';
import { listBackupFiles, newBackupName, PARTIAL_SUFFIX } from './backup-files';
import type { BackupEnvironment } from './backup-environment';
import { backupProblem } from './backup-problems';
import { backupsToDelete } from './backup-rotation';
import { runBackupJobInWorker } from './run-backup-job';

/**
 * Backups (docs/ARCHITECTURE.md, "Backups"). Where they go and how the last one went belong to this
 * computer (a USB disk's path means nothing on another laptop), so they live in device_state, the
 * key/value table that never syncs: no schema change.
 */
const FOLDER_KEY = 'backup.folder';
const LAST_KEY = 'backup.last';
const FAILURE_KEY = 'backup.failure';
/** Backups made and verified here, by name, with their size then: the list shows them as verified. */
const VERIFIED_KEY = 'backup.verified';

/** What had been recorded when the last good backup started (changeMark). */
const MARK_KEY = 'backup.mark';

const STALE_MS = BACKUP_STALE_HOURS * 3_600_000;
const FUTURE_SLACK_MS = 5 * 60_000;
/** A partial file this old is what a crash or a pulled disk left, never a backup still being written. */
const ABANDONED_PARTIAL_MS = 24 * 3_600_000;

function readJson<T>(ctx: ServiceContext, key: string): T | null {
  const raw = readDeviceState(ctx.db.sqlite, key);
  if (raw === null || raw === '') return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

const writeJson = (ctx: ServiceContext, key: string, value: unknown): void =>
  writeDeviceState(ctx.db.sqlite, key, value === null ? '' : JSON.stringify(value), isoNow(ctx));

/** What has been recorded so far, apart from backups' own audit entries: equal marks, nothing new to back up. */
function changeMark(ctx: ServiceContext): string {
  const db = ctx.db.sqlite;
  const change = db.prepare('SELECT seq FROM change_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number } | undefined;
  const audit = db
    .prepare("SELECT seq FROM audit_log WHERE action NOT LIKE 'backup.%' ORDER BY seq DESC LIMIT 1")
    .get() as { seq: number } | undefined;
  return `${change?.seq ?? 0}:${audit?.seq ?? 0}`;
}

export function changedSinceLastBackup(ctx: ServiceContext): boolean {
  return readDeviceState(ctx.db.sqlite, MARK_KEY) !== changeMark(ctx);
}

export function backupFolder(ctx: ServiceContext): string | null {
  return readDeviceState(ctx.db.sqlite, FOLDER_KEY) || null;
}

const fieldError = (key: string, folder: string): AppError => {
  const message = t(key, { folder });
  return new AppError('VALIDATION', message, { folder: message });
};

/** Checks a folder the administrator chose: whole path, there, a folder, not Chartbook's own, writable. */
export function checkBackupFolder(typed: string, dataDir: string): string {
  if (!path.isAbsolute(typed)) throw fieldError('errors.backups.folderNotAbsolute', typed);
  const folder = path.resolve(typed);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw fieldError('errors.backups.folderMissing', folder);
  }
  if (!stat.isDirectory()) throw fieldError('errors.backups.folderIsFile', folder);
  const inside = path.relative(path.resolve(dataDir), folder);
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) throw fieldError('errors.backups.folderInsideData', folder);
  const probe = path.join(folder, `.chartbook-write-check-${crypto.randomBytes(4).toString('hex')}`);
  try {
    fs.writeFileSync(probe, 'chartbook');
  } catch (error) {
    const problem = backupProblem(error, folder);
    throw new AppError('VALIDATION', problem.message, { folder: problem.message });
  } finally {
    fs.rmSync(probe, { force: true });
  }
  return folder;
}

export function setBackupFolder(
  ctx: ServiceContext,
  env: BackupEnvironment,
  typed: string,
  actor: Actor,
): BackupStatus {
  const folder = checkBackupFolder(typed, env.dataDir);
  ctx.db.sqlite.transaction(() => {
    writeDeviceState(ctx.db.sqlite, FOLDER_KEY, folder, isoNow(ctx));
    appendAudit(ctx.db.sqlite, {
      at: isoNow(ctx),
      userId: actor.userId,
      username: actor.username,
      action: 'backup.folder',
      details: folder,
    });
  })();
  return backupStatus(ctx, env);
}

const fileSize = (file: string): number => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

export function backupStatus(ctx: ServiceContext, env: BackupEnvironment): BackupStatus {
  const last = readJson<BackupInfo>(ctx, LAST_KEY);
  const nowMs = ctx.now().getTime();
  // A clock moved back makes the last backup look made "in the future": its age reads as 0, not negative.
  const ageMs = last ? Math.max(0, Math.round(nowMs - Date.parse(last.at))) : null;
  const running = env.state.running;
  return {
    folder: backupFolder(ctx),
    last,
    ageMs,
    tooOld: ageMs === null || ageMs > STALE_MS,
    lastFailure: readJson<{ at: string; message: string }>(ctx, FAILURE_KEY),
    running: running
      ? {
          startedAt: running.startedAt,
          fraction: Math.min(0.99, running.sourceBytes ? fileSize(running.partialFile) / running.sourceBytes : 0),
        }
      : null,
  };
}

export function listBackups(ctx: ServiceContext) {
  const folder = backupFolder(ctx);
  if (!folder) return { folder: null, backups: [], problem: null };
  const verified = readJson<Record<string, number>>(ctx, VERIFIED_KEY) ?? {};
  const nowMs = ctx.now().getTime();
  try {
    const backups = listBackupFiles(folder).map((b) => ({
      file: b.name,
      at: b.at.toISOString(),
      sizeBytes: b.sizeBytes,
      verified: verified[b.name] === b.sizeBytes,
      future: b.at.getTime() > nowMs + FUTURE_SLACK_MS,
    }));
    return { folder, backups, problem: null };
  } catch (error) {
    return { folder, backups: [], problem: backupProblem(error, folder).message };
  }
}

/** Deletes what the rotation lets go (after a verified backup only) and abandoned partial files. */
function rotate(ctx: ServiceContext, folder: string, justVerified: string): string[] {
  const now = ctx.now();
  const deleted: string[] = [];
  try {
    const files = listBackupFiles(folder);
    for (const name of backupsToDelete(files, now, justVerified)) {
      try {
        fs.rmSync(path.join(folder, name));
        deleted.push(name);
      } catch {
        // A file that cannot go now is tried again after the next backup.
      }
    }
    for (const entry of fs.readdirSync(folder)) {
      if (!entry.startsWith('chartbook-') || !entry.endsWith(PARTIAL_SUFFIX)) continue;
      const file = path.join(folder, entry);
      if (Date.now() - fs.statSync(file).mtimeMs > ABANDONED_PARTIAL_MS) fs.rmSync(file, { force: true });
    }
    const remaining = new Set(listBackupFiles(folder).map((b) => b.name));
    const verified = readJson<Record<string, number>>(ctx, VERIFIED_KEY) ?? {};
    writeJson(ctx, VERIFIED_KEY, Object.fromEntries(Object.entries(verified).filter(([name]) => remaining.has(name))));
  } catch {
    // Rotation is housekeeping: the backup just made is good whatever happens here.
  }
  return deleted;
}

export type BackupReason = 'manual' | 'scheduled' | 'quit';

const REASONS: Record<BackupReason, string> = {
  manual: 'backed up by hand',
  scheduled: 'automatic (while running)',
  quit: 'automatic (on quit)',
};

function audit(ctx: ServiceContext, actor: Actor | null, outcome: 'success' | 'failure', details: string): void {
  if (!ctx.db.sqlite.open) return;
  appendAudit(ctx.db.sqlite, {
    at: isoNow(ctx),
    userId: actor?.userId ?? null,
    username: actor?.username ?? '',
    action: 'backup.create',
    outcome,
    details,
  });
}

/**
 * Makes a backup now in the chosen folder: written by the backup thread on its own connection (the
 * core keeps answering), verified, renamed into place, then older backups rotated. One at a time:
 * asking while one runs waits for that one. Audited, success or failure.
 */
export function runBackup(
  ctx: ServiceContext,
  env: BackupEnvironment,
  actor: Actor | null,
  reason: BackupReason,
): Promise<BackupInfo> {
  if (env.state.restoring) throw new AppError('CONFLICT', t('errors.backups.busyRestoring'));
  if (env.state.running) return env.state.running.done as Promise<BackupInfo>;
  if (!env.workerEntry) throw new AppError('INTERNAL', t('errors.backups.unavailable'));
  const folder = backupFolder(ctx);
  if (!folder) throw new AppError('VALIDATION', t('errors.backups.noFolder'));
  const workerEntry = env.workerEntry;
  const at = ctx.now();

  const fail = (error: unknown): never => {
    const problem = backupProblem(error, folder);
    if (ctx.db.sqlite.open) {
      writeJson(ctx, FAILURE_KEY, { at: isoNow(ctx), message: problem.message });
      const code = (error as { code?: unknown } | null)?.code;
      audit(
        ctx,
        actor,
        'failure',
        `${REASONS[reason]}; to ${folder}: ${code ? `${String(code)} ` : ''}${String((error as Error)?.message ?? error)}`,
      );
    }
    throw problem;
  };

  let name: string;
  try {
    if (!fs.statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    name = newBackupName(folder, at);
  } catch (error) {
    return Promise.reject(fail(error) as never);
  }
  const mark = changeMark(ctx);
  const sourceBytes = fileSize(env.databaseFile) + fileSize(`${env.databaseFile}-wal`);
  const done = runBackupJobInWorker(workerEntry, {
    kind: 'backup',
    databaseFile: env.databaseFile,
    folder,
    name,
    keyHex: env.encrypted ? ctx.keys.database.toString('hex') : null,
    ...(env.nativeBinding ? { nativeBinding: env.nativeBinding } : {}),
  }).then((result): BackupInfo => {
    const info: BackupInfo = { file: name, folder, at: at.toISOString(), sizeBytes: result.sizeBytes };
    if (!ctx.db.sqlite.open) return info;
    writeJson(ctx, LAST_KEY, info);
    writeJson(ctx, FAILURE_KEY, null);
    writeDeviceState(ctx.db.sqlite, MARK_KEY, mark, isoNow(ctx));
    writeJson(ctx, VERIFIED_KEY, {
      ...(readJson<Record<string, number>>(ctx, VERIFIED_KEY) ?? {}),
      [name]: result.sizeBytes,
    });
    const deleted = rotate(ctx, folder, name);
    audit(
      ctx,
      actor,
      'success',
      `${REASONS[reason]}; ${name} (${result.sizeBytes} bytes, verified) in ${folder}` +
        (deleted.length ? `; rotation removed ${deleted.join(', ')}` : ''),
    );
    return info;
  }, fail);
  const running = {
    startedAt: at.toISOString(),
    partialFile: path.join(folder, `${name}${PARTIAL_SUFFIX}`),
    sourceBytes,
    done,
  };
  env.state.running = running;
  const clear = (): void => {
    if (env.state.running === running) env.state.running = null;
  };
  done.then(clear, clear);
  return done;
}
