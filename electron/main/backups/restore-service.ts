import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { BackupRestoreInput } from '../../../shared/domain/backup';
import { verifyPassword } from '../accounts/password';
import { appendAudit } from '../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { t } from '../i18n/translate';
import { deriveClinicKeys, parseRecoveryKey, RecoveryKeyError } from '../security/clinic-keys';
import { problemMessage } from '../security/recovery';
import { getClinicSettings } from '../settings/settings-service';
import { backupBaseName, fsyncDir, fsyncFile } from './backup-files';
import type { BackupEnvironment, DatabaseSwap } from './backup-environment';
import { backupFolder } from './backup-service';
import { runBackupJobInWorker, BackupJobError } from './run-backup-job';

const STAGING_SUFFIX = '.restoring';
const DATABASE_SUFFIXES = ['', '-wal', '-shm'] as const;

const field = (name: string, key: string, values: Record<string, unknown> = {}): AppError => {
  const message = t(key, values);
  return new AppError('VALIDATION', message, { [name]: message });
};

/** Compared as a person would: case, spacing and Unicode forms aside. */
const sameName = (a: string, b: string): boolean =>
  a.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase() ===
  b.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

async function checkPassword(ctx: ServiceContext, password: string, actor: Actor, file: string): Promise<void> {
  const row = ctx.db.sqlite.prepare('SELECT password_hash FROM users WHERE id = ?').get(actor.userId) as
    { password_hash: string } | undefined;
  if (row && (await verifyPassword(password, row.password_hash))) return;
  appendAudit(ctx.db.sqlite, {
    at: isoNow(ctx),
    userId: actor.userId,
    username: actor.username,
    action: 'backup.restore',
    outcome: 'failure',
    details: `${file}: wrong password`,
  });
  throw field('password', 'errors.backups.restorePasswordWrong');
}

function masterKeyFor(ctx: ServiceContext, recoveryKey: string | undefined): Buffer {
  if (!recoveryKey?.trim()) return ctx.masterKey;
  try {
    return parseRecoveryKey(recoveryKey);
  } catch (error) {
    if (!(error instanceof RecoveryKeyError)) throw error;
    const message = problemMessage(error);
    throw new AppError('VALIDATION', message, { recoveryKey: message });
  }
}

/** Why the staged copy is not restorable, in words naming the file. */
function checkProblem(error: unknown, file: string, withRecoveryKey: boolean): AppError {
  if (!(error instanceof BackupJobError) || error.name !== 'BackupCheckError') {
    return field('file', 'errors.backups.restoreCorrupt', {
      file,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  const detail = error.message;
  switch (error.code) {
    case 'WRONG_KEY':
      return withRecoveryKey
        ? field('recoveryKey', 'errors.backups.restoreRecoveryKeyWrong', { file })
        : field('recoveryKey', 'errors.backups.restoreWrongKey', { file });
    case 'PLAIN':
      return field('file', 'errors.backups.restorePlain', { file });
    case 'NOT_A_BACKUP':
      return field('file', 'errors.backups.restoreNotABackup', { file, detail });
    default:
      return field('file', 'errors.backups.restoreCorrupt', { file, detail });
  }
}

function uniqueKeptName(dataDir: string, at: Date): string {
  const base = backupBaseName(at).replace(/^chartbook-/, 'chartbook-before-restore-');
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}.sqlite`;
    if (DATABASE_SUFFIXES.every((s) => !fs.existsSync(path.join(dataDir, `${name}${s}`)))) return name;
  }
}

/**
 * Puts a verified copy in place of the database: the current file (and its WAL) is renamed aside,
 * never deleted; the staged copy is renamed in; undo reverses both.
 */
function swapIn(dataDir: string, databaseFile: string, staging: string, kept: string): DatabaseSwap {
  const keptPath = path.join(dataDir, kept);
  return {
    apply() {
      for (const s of DATABASE_SUFFIXES) {
        if (fs.existsSync(`${databaseFile}${s}`)) fs.renameSync(`${databaseFile}${s}`, `${keptPath}${s}`);
      }
      fs.renameSync(staging, databaseFile);
      fsyncDir(dataDir);
    },
    undo() {
      if (!fs.existsSync(keptPath)) return;
      for (const s of DATABASE_SUFFIXES) fs.rmSync(`${databaseFile}${s}`, { force: true });
      for (const s of DATABASE_SUFFIXES) {
        if (fs.existsSync(`${keptPath}${s}`)) fs.renameSync(`${keptPath}${s}`, `${databaseFile}${s}`);
      }
      fsyncDir(dataDir);
    },
  };
}

/**
 * Restores a backup from the backup folder (docs/ARCHITECTURE.md, "Backups"): confirmed by the
 * clinic's name and the administrator's password; copied into the data folder and verified there
 * (opens with the key - this installation's, or the one a typed recovery key gives - integrity
 * check, schema version this app knows) before anything changes; then the core closes its
 * database, the current file is kept aside as chartbook-before-restore-<time>.sqlite, the copy
 * takes its place and the core opens it. Every window is signed out. A failure anywhere leaves the
 * current data in place.
 */
export async function restoreBackup(
  ctx: ServiceContext,
  env: BackupEnvironment,
  input: BackupRestoreInput,
  actor: Actor,
): Promise<{ restoredFrom: string; keptAs: string; masterKey: Buffer }> {
  if (env.state.restoring) throw new AppError('CONFLICT', t('errors.backups.busyRestoring'));
  if (env.state.running) throw new AppError('CONFLICT', t('errors.backups.busyBackingUp'));
  if (!env.workerEntry) throw new AppError('INTERNAL', t('errors.backups.unavailable'));
  const clinicName = getClinicSettings(ctx).clinicName;
  if (!sameName(input.confirmation, clinicName))
    throw field('confirmation', 'errors.backups.restoreConfirmMismatch', { clinicName });
  const folder = backupFolder(ctx);
  if (!folder) throw new AppError('VALIDATION', t('errors.backups.noFolder'));
  const source = path.join(folder, input.file);
  await checkPassword(ctx, input.password, actor, input.file);
  const masterKey = masterKeyFor(ctx, input.recoveryKey);
  if (!fs.existsSync(source))
    throw new AppError('NOT_FOUND', t('errors.backups.restoreFileMissing', { file: input.file, folder }));

  env.state.restoring = true;
  const staging = `${env.databaseFile}${STAGING_SUFFIX}`;
  try {
    fs.rmSync(staging, { force: true });
    try {
      fs.copyFileSync(source, staging);
      fsyncFile(staging);
    } catch (error) {
      throw new AppError('INTERNAL', t('errors.backups.restoreCopyFailed', { detail: (error as Error).message }));
    }
    // What is checked is the copy that will be used, not the file on a disk that may be pulled out.
    let userVersion: number;
    try {
      ({ userVersion } = await runBackupJobInWorker(env.workerEntry, {
        kind: 'verify',
        file: staging,
        keyHex: env.encrypted ? deriveClinicKeys(masterKey).database.toString('hex') : null,
        ...(env.nativeBinding ? { nativeBinding: env.nativeBinding } : {}),
      }));
    } catch (error) {
      const problem = checkProblem(error, input.file, Boolean(input.recoveryKey?.trim()));
      appendAudit(ctx.db.sqlite, {
        at: isoNow(ctx),
        userId: actor.userId,
        username: actor.username,
        action: 'backup.restore',
        outcome: 'failure',
        details: `${input.file}: ${(error as Error).message}`,
      });
      throw problem;
    }
    if (userVersion > env.schemaVersion) throw field('file', 'errors.backups.restoreFromFuture', { file: input.file });

    const keptAs = uniqueKeptName(env.dataDir, ctx.now());
    const details = `restored ${input.file} from ${folder}; the data before kept as ${keptAs}`;
    appendAudit(ctx.db.sqlite, {
      at: isoNow(ctx),
      userId: actor.userId,
      username: actor.username,
      action: 'backup.restore',
      details: `restoring ${input.file} from ${folder}; the data before is kept as ${keptAs}`,
    });
    let restored: ServiceContext;
    try {
      restored = env.restart(masterKey, swapIn(env.dataDir, env.databaseFile, staging, keptAs));
    } catch (error) {
      throw new AppError('INTERNAL', t('errors.backups.restoreOpenFailed', { detail: (error as Error).message }));
    }
    appendAudit(restored.db.sqlite, {
      at: isoNow(restored),
      userId: actor.userId,
      username: actor.username,
      action: 'backup.restore',
      details,
    });
    return { restoredFrom: input.file, keptAs, masterKey };
  } finally {
    env.state.restoring = false;
    fs.rmSync(staging, { force: true });
  }
}
