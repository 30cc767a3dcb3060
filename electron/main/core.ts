import fs from 'node:fs';
import { setPasswordWorkFactorForTests } from './accounts/password';
import path from 'node:path';
import { openDatabase, type ChartbookDatabase } from './db/connection';
import { readMigrations } from './db/migrations';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { registerHandlers } from './ipc/handlers';
import { Session } from './ipc/session';
import { registerRecordKinds } from './records/record-kinds';
import { flushReadAudit } from './audit/read-audit';
import { idleDeadlineMs, lockIfIdle } from './accounts/idle-lock';
import { closeAuditChain, startAuditChain } from './audit/audit-integrity';
import { AUDIT_ANCHOR_FILE } from './audit/audit-anchor';
import type { ServiceContext } from './context';
import { registerPdfFonts } from './printing/pdf-fonts';
import type { PdfPrinter } from './printing/pdf-printer';
import { deriveClinicKeys } from './security/clinic-keys';
import type { BackupEnvironment, BackupRunState, DatabaseSwap } from './backups/backup-environment';
import { startBackupSchedule, type BackupSchedule } from './backups/backup-schedule';

export { DATABASE_FILE } from './db/files';
import { DATABASE_FILE } from './db/files';

export interface CoreOptions {
  dataDir: string;
  /** The clinic's master key (security/key-file.ts resolves it); the database and audit keys derive from it. */
  masterKey: Buffer;
  /** Keeps the database file plain. Only the bench sets it, to report what encryption costs. */
  unencrypted?: boolean;
  /**
   * The e2e harness only (tests/harness/app-harness.ts): new password hashes at scrypt 2^N instead of
   * OWASP's 2^17, so each test's sign-ins cost milliseconds. The app never sets it (the shell's
   * start settings have no such field; tests/unit/architecture/password-work-factor.test.ts).
   */
  passwordWorkFactorLog2?: number;
  migrationsDir: string;
  nativeBinding?: string;
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
  /** resources/fonts (or its packaged copy): the fonts PDFs are printed with. Without it, printing answers with an error. */
  fontsDir?: string;
  /** Sends finished PDFs to a printer (the system print dialog in Electron); without it, only preview and save work. */
  printer?: PdfPrinter;
  /**
   * The backup thread's entry: out/main/backup-worker.js, or scripts/backup-worker-from-source.mjs
   * from the sources. Without it backups (and restores) answer that they cannot run.
   */
  backupWorker?: string;
  /** How often a backup is made while Chartbook runs (backups/backup-schedule.ts); 0 turns it off. */
  backupEveryMs?: number;
  /** After a restore: every session was signed out; `masterKey` is the key of the restored data. */
  onRestored?: (masterKey: Buffer) => void;
}

export interface ChartbookCore {
  /** The open database; a restore replaces it (and ctx), so read these each time rather than keep them. */
  readonly db: ChartbookDatabase;
  readonly ctx: ServiceContext;
  dispatch: Dispatch;
  newSession(): Session;
  /** Locks the session if its idle time has passed (true if it did now). */
  lockIfIdle(session: Session): boolean;
  /** When the session would idle-lock, on the core's clock (ms), or null if it cannot. */
  idleDeadlineMs(session: Session): number | null;
  /** Before closing on quit: a backup if one is due (a folder is chosen). Never rejects. */
  backupBeforeClose(): Promise<'made' | 'skipped' | 'failed'>;
  close(): void;
}

const NO_FONTS_DIR =
  'Cannot print: Chartbook was started without its fonts folder. Reinstall Chartbook, or in development pass resources/fonts as fontsDir.';

/**
 * Reads the PDF fonts once at start. A missing font must not keep the clinic from its records, so
 * the problem is kept and every print request answers with it instead.
 */
function loadPdfFonts(fontsDir: string | undefined): string | null {
  if (!fontsDir) return NO_FONTS_DIR;
  try {
    registerPdfFonts(fontsDir);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** One opening of the database: its context and the dispatcher built on it (a restore makes a new one). */
interface OpenCore {
  db: ChartbookDatabase;
  ctx: ServiceContext;
  dispatch: Dispatch;
}

/**
 * Everything main does apart from Electron: open and migrate the database, register handlers,
 * build the dispatcher. The Electron shell, the e2e harness, the explore command and the tests all
 * start Chartbook through this one function.
 */
export function startCore(options: CoreOptions): ChartbookCore {
  fs.mkdirSync(options.dataDir, { recursive: true });
  if (options.passwordWorkFactorLog2 !== undefined) setPasswordWorkFactorForTests(options.passwordWorkFactorLog2);
  const databaseFile = path.join(options.dataDir, DATABASE_FILE);
  const printing = { fontsProblem: loadPdfFonts(options.fontsDir), printer: options.printer };
  const now = options.now ?? (() => new Date());
  const backupState: BackupRunState = { running: null, restoring: false };
  // Bumped by a restore: a session signed in before it is signed out at its next request.
  let openings = 0;
  const sessionOpening = new WeakMap<Session, number>();

  const open = (masterKey: Buffer): OpenCore => {
    const keys = deriveClinicKeys(masterKey);
    const db = openDatabase(databaseFile, {
      key: options.unencrypted ? null : keys.database,
      migrationsDir: options.migrationsDir,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    try {
      registerRecordKinds(db.sqlite);
      const ctx: ServiceContext = { db, keys, masterKey, now };
      // Before anything writes: every audit entry is chained from here on (docs/ARCHITECTURE.md, "Audit chain").
      startAuditChain(ctx, options.dataDir, options.log);
      const backups = { env, onRestored: (key: Buffer) => options.onRestored?.(key) };
      const dispatch = createDispatcher(ctx, registerHandlers(ctx, printing, backups), options.log);
      return { db, ctx, dispatch };
    } catch (error) {
      db.close();
      throw error;
    }
  };
  const shut = (core: OpenCore): void => {
    // The buffered list reads are written before the database closes (see audit/read-audit.ts).
    flushReadAudit(core.ctx);
    closeAuditChain(core.ctx);
    core.db.close();
  };

  /** A restore (backups/restore-service.ts): close, swap the files, open again; on failure, the old files again. */
  const restart = (masterKey: Buffer, swap: DatabaseSwap): ServiceContext => {
    const previousKey = current.ctx.masterKey;
    shut(current);
    try {
      swap.apply();
      // The anchor belongs to the log just set aside; the restored log starts a new one (its own
      // entries are still checked link by link), or it would look like a cut tail.
      fs.rmSync(path.join(options.dataDir, AUDIT_ANCHOR_FILE), { force: true });
      current = open(masterKey);
    } catch (error) {
      try {
        swap.undo();
      } finally {
        current = open(previousKey);
      }
      throw error;
    }
    openings += 1;
    return current.ctx;
  };

  const env: BackupEnvironment = {
    dataDir: options.dataDir,
    databaseFile,
    workerEntry: options.backupWorker ?? null,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    encrypted: !options.unencrypted,
    schemaVersion: readMigrations(options.migrationsDir).length,
    state: backupState,
    restart,
  };
  let current = open(options.masterKey);

  const dispatch: Dispatch = (session, channel, input) => {
    const seen = sessionOpening.get(session);
    if (seen !== openings) {
      // The data this session signed in to was replaced by a restore: sign in again.
      if (seen !== undefined) {
        session.user = null;
        session.locked = false;
      }
      sessionOpening.set(session, openings);
    }
    return current.dispatch(session, channel, input);
  };

  const schedule: BackupSchedule = startBackupSchedule({
    everyMs: options.backupEveryMs ?? 4 * 3_600_000,
    env,
    context: () => current.ctx,
  });

  return {
    get db() {
      return current.db;
    },
    get ctx() {
      return current.ctx;
    },
    dispatch,
    newSession: () => {
      const session = new Session();
      sessionOpening.set(session, openings);
      return session;
    },
    lockIfIdle: (session) => lockIfIdle(current.ctx, session),
    idleDeadlineMs: (session) => idleDeadlineMs(current.ctx, session),
    backupBeforeClose: () => schedule.beforeClose(),
    close: () => {
      schedule.stop();
      shut(current);
    },
  };
}
