import fs from 'node:fs';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { t } from '../i18n/translate';

const codeOf = (error: unknown): string => String((error as { code?: unknown } | null)?.code ?? '');

const clip = (text: string, max = 160): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * What went wrong with a backup folder or a backup being written, in words for the person, from the
 * error the file system or SQLite gave (which goes to the audit details as it is).
 */
export function backupProblem(error: unknown, folder: string, name = ''): AppError {
  const code = codeOf(error);
  const detail = clip(error instanceof Error ? error.message : String(error));
  const make = (errorCode: ErrorCode, key: string): AppError =>
    new AppError(errorCode, t(key, { folder, name, detail }));
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT')
    return make('DISK_FULL', 'errors.backups.folderFull');
  if (!fs.existsSync(folder)) return make('NOT_FOUND', 'errors.backups.folderMissing');
  if (code === 'ENOENT') return make('NOT_FOUND', 'errors.backups.folderMissing');
  if (code === 'ENOTDIR') return make('VALIDATION', 'errors.backups.folderIsFile');
  if (code === 'EEXIST') return make('CONFLICT', 'errors.backups.nameTaken');
  if (['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_AUTH'].includes(code)) {
    return make('CONFLICT', 'errors.backups.folderNotWritable');
  }
  if ((error as { name?: string } | null)?.name === 'BackupCheckError')
    return make('INTERNAL', 'errors.backups.copyFailedCheck');
  return make('INTERNAL', 'errors.backups.failed');
}
