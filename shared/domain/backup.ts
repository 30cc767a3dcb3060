import { z } from 'zod';

/** Backups (docs/ARCHITECTURE.md, "Backups"): what main tells the backup screen and the shell's banner. */

/** A backup older than this (or none at all) is "too old": the screen and the shell warn administrators. */
export const BACKUP_STALE_HOURS = 24;

export const backupFolderInputSchema = z.strictObject({
  folder: z
    .string()
    .trim()
    .min(1, { message: 'Enter the backup folder' })
    .max(1000, { message: 'A folder path has at most 1000 characters' })
    // eslint-disable-next-line no-control-regex
    .refine((f) => !/[\u0000-\u001f]/.test(f), { message: 'A folder path cannot hold control characters' }),
});

export const backupInfoSchema = z.object({
  file: z.string(),
  folder: z.string(),
  /** When it was made (ISO, UTC). */
  at: z.string(),
  sizeBytes: z.number().int(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupStatusSchema = z.object({
  folder: z.string().nullable(),
  /** The newest backup made here that was verified. */
  last: backupInfoSchema.nullable(),
  /** How long ago the last good backup was made; never negative (a clock moved back reads as 0). */
  ageMs: z.number().int().nonnegative().nullable(),
  /** No good backup, or the last is older than BACKUP_STALE_HOURS. */
  tooOld: z.boolean(),
  lastFailure: z.object({ at: z.string(), message: z.string() }).nullable(),
  /** A backup being made now, and how far (0..1, estimated from the bytes written). */
  running: z.object({ startedAt: z.string(), fraction: z.number().min(0).max(1) }).nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupListEntrySchema = z.object({
  file: z.string(),
  at: z.string(),
  sizeBytes: z.number().int(),
  /** Checked when it was made on this computer (opens with the key, integrity check ok, same size since). */
  verified: z.boolean(),
  /** Named after a time later than this computer's clock (the clock was moved back since). */
  future: z.boolean(),
});
export type BackupListEntry = z.infer<typeof backupListEntrySchema>;

export const backupListSchema = z.object({
  folder: z.string().nullable(),
  backups: z.array(backupListEntrySchema),
  /** Why the folder could not be read (unplugged, no permission); the list is then empty. */
  problem: z.string().nullable(),
});

export const backupRestoreInputSchema = z.strictObject({
  file: z
    .string()
    .regex(/^chartbook-[0-9-]+\.cbbackup$/, { message: 'Choose a backup from the list' })
    .max(80),
  /** The clinic's name, typed to confirm. */
  confirmation: z.string().max(200),
  password: z.string().min(1, { message: 'Enter your password' }).max(200),
  /** Only for a backup made by another installation: the recovery key printed for its clinic. */
  recoveryKey: z.string().max(200).optional(),
});
export type BackupRestoreInput = z.infer<typeof backupRestoreInputSchema>;

export const backupRestoreResultSchema = z.object({
  restoredFrom: z.string(),
  /** The data as it was before, kept in the data folder (never deleted). */
  keptAs: z.string(),
});
