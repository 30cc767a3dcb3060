import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type ChartbookDatabase } from './db/connection';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { registerHandlers } from './ipc/handlers';
import { Session } from './ipc/session';
import { registerRecordKinds } from './records/record-kinds';
import { flushReadAudit } from './audit/read-audit';
import { idleDeadlineMs, lockIfIdle } from './accounts/idle-lock';
import { closeAuditChain, startAuditChain } from './audit/audit-integrity';
import type { ServiceContext } from './context';
import { registerPdfFonts } from './printing/pdf-fonts';
import type { PdfPrinter } from './printing/pdf-printer';
import { deriveClinicKeys } from './security/clinic-keys';

export { DATABASE_FILE } from './db/files';
import { DATABASE_FILE } from './db/files';

export interface CoreOptions {
  dataDir: string;
  /** The clinic's master key (security/key-file.ts resolves it); the database and audit keys derive from it. */
  masterKey: Buffer;
  /** Keeps the database file plain. Only the bench sets it, to report what encryption costs. */
  unencrypted?: boolean;
  migrationsDir: string;
  nativeBinding?: string;
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
  /** resources/fonts (or its packaged copy): the fonts PDFs are printed with. Without it, printing answers with an error. */
  fontsDir?: string;
  /** Sends finished PDFs to a printer (the system print dialog in Electron); without it, only preview and save work. */
  printer?: PdfPrinter;
}

export interface ChartbookCore {
  db: ChartbookDatabase;
  ctx: ServiceContext;
  dispatch: Dispatch;
  newSession(): Session;
  /** Locks the session if its idle time has passed (true if it did now). */
  lockIfIdle(session: Session): boolean;
  /** When the session would idle-lock, on the core's clock (ms), or null if it cannot. */
  idleDeadlineMs(session: Session): number | null;
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

/**
 * Everything main does apart from Electron: open and migrate the database, register handlers,
 * build the dispatcher. The Electron shell, the e2e harness, the explore command and the tests all
 * start Chartbook through this one function.
 */
export function startCore(options: CoreOptions): ChartbookCore {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const keys = deriveClinicKeys(options.masterKey);
  const db = openDatabase(path.join(options.dataDir, DATABASE_FILE), {
    key: options.unencrypted ? null : keys.database,
    migrationsDir: options.migrationsDir,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  registerRecordKinds(db.sqlite);
  const ctx: ServiceContext = { db, keys, masterKey: options.masterKey, now: options.now ?? (() => new Date()) };
  // Before anything writes: every audit entry is chained from here on (docs/ARCHITECTURE.md, "Audit chain").
  startAuditChain(ctx, options.dataDir, options.log);
  const printing = { fontsProblem: loadPdfFonts(options.fontsDir), printer: options.printer };
  const dispatch = createDispatcher(ctx, registerHandlers(ctx, printing), options.log);
  const close = (): void => {
    // The buffered list reads are written before the database closes (see audit/read-audit.ts).
    flushReadAudit(ctx);
    closeAuditChain(ctx);
    db.close();
  };
  return {
    db,
    ctx,
    dispatch,
    newSession: () => new Session(),
    lockIfIdle: (session) => lockIfIdle(ctx, session),
    idleDeadlineMs: (session) => idleDeadlineMs(ctx, session),
    close,
  };
}
