import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import { appendAudit } from '../../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { t } from '../../i18n/translate';
import { icd10Release, replaceIcd10Codes } from './icd10-code-set';
import { Icd10FileError, icd10FileText, parseIcd10CodesFile, type Icd10FileProblem } from './icd10-file';

/** Each problem's wording (written out, so a check of the catalog sees every key used). */
const FILE_PROBLEM_MESSAGES: Record<Icd10FileProblem, string> = {
  tooLong: 'errors.chart.problems.file.tooLong',
  tooShort: 'errors.chart.problems.file.tooShort',
  notAscii: 'errors.chart.problems.file.notAscii',
  noCode: 'errors.chart.problems.file.noCode',
  noDescription: 'errors.chart.problems.file.noDescription',
  duplicate: 'errors.chart.problems.file.duplicate',
  tooFew: 'errors.chart.problems.file.tooFew',
};

/** The official file is about 6.5 MB; anything far larger is not one. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const RELEASE_IN_NAME = /icd10cm[_-]codes[_-](\d{4})/i;

function refuse(field: 'filePath' | 'release', message: string): never {
  throw new AppError('VALIDATION', message, { [field]: message });
}

/**
 * Replaces the code set with a newer official release (same CMS codes-file layout), so a clinic can
 * update its codes. Every line is checked before anything changes; the codes, their word index and
 * the audit entry (icd10.import) are written in one transaction. Problems keep the code and
 * description they were recorded with, even a code the new release drops.
 */
export function importIcd10Release(
  ctx: ServiceContext,
  input: { filePath: string; release?: string | undefined },
  actor: Actor,
): { release: string | null; codes: number } {
  const release = input.release ?? RELEASE_IN_NAME.exec(path.basename(input.filePath))?.[1];
  if (!release) refuse('release', t('errors.chart.problems.importReleaseNeeded'));
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input.filePath);
  } catch {
    refuse('filePath', t('errors.chart.problems.importFileMissing'));
  }
  if (!stat.isFile()) refuse('filePath', t('errors.chart.problems.importFileMissing'));
  if (stat.size > MAX_FILE_BYTES) refuse('filePath', t('errors.chart.problems.importFileTooLarge'));
  let entries;
  try {
    entries = parseIcd10CodesFile(icd10FileText(fs.readFileSync(input.filePath)));
  } catch (error) {
    if (error instanceof Icd10FileError) {
      const problem = t(FILE_PROBLEM_MESSAGES[error.problem], error.details);
      refuse(
        'filePath',
        error.line > 0
          ? t('errors.chart.problems.importMalformedLine', { line: error.line, problem })
          : t('errors.chart.problems.importMalformed', { problem }),
      );
    }
    // Not gzip after all, or unreadable: the file is not one Chartbook can read.
    refuse('filePath', t('errors.chart.problems.importUnreadable'));
  }
  const db = ctx.db.sqlite;
  replaceIcd10Codes(db, entries, release, () =>
    appendAudit(db, {
      at: isoNow(ctx),
      userId: actor.userId,
      username: actor.username,
      action: 'icd10.import',
      details: `release ${release}: ${entries.length} codes from ${path.basename(input.filePath)}`,
    }),
  );
  return icd10Release(ctx);
}
