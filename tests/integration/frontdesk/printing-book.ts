import path from 'node:path';
import { startCore } from '../../../electron/main/core';
import type { PdfPrinter } from '../../../electron/main/printing/pdf-printer';
import { AppError } from '../../../shared/errors';
import type { Session, SessionUser } from '../../../electron/main/ipc/session';
import type { Patient } from '../../../shared/domain/patient';
import { openBook } from '../appointments/book-support';
import { MIGRATIONS_DIR, TestClock, type TestApp } from '../support';
import { keyFileMasterKey } from '../../../electron/main/security/key-file';

export const FONTS_DIR = path.resolve(__dirname, '..', '..', '..', 'resources', 'fonts');

export interface PrintingBook {
  app: TestApp;
  admin: Session;
  desk: Session;
  doctorId: string;
  patient: Patient;
  other: Patient;
  /** What the core sent to its printer port, in order. */
  printed: { pdf: Buffer; title: string }[];
  sessionFor(user: SessionUser): Session;
}

/**
 * The appointment book of book-support.ts (Dr Amara Okafor, weekdays 09-12 and 14-17; a receptionist
 * "desk"; José García and Ana Silva; Tuesday 2026-03-10, 10:00 in Berlin), reopened with the real
 * fonts and a printer port that records what it is given.
 */
export interface PrintingBookOptions {
  fontsDir?: string | null;
  withPrinter?: boolean;
  /** What the printer port does with each PDF: prints it (default), the person cancels, or the printer fails. */
  printerDoes?: 'print' | 'cancel' | 'fail';
}

export async function openPrintingBook(options: PrintingBookOptions = {}): Promise<PrintingBook> {
  const clock = new TestClock();
  const book = await openBook('Europe/Berlin', clock);
  const users = { admin: book.admin.user!, desk: book.desk.user! };
  const dir = book.app.dir;
  book.app.close();

  const printed: PrintingBook['printed'] = [];
  const fontsDir = options.fontsDir === undefined ? FONTS_DIR : options.fontsDir;
  const core = startCore({
    dataDir: dir,
    masterKey: keyFileMasterKey(dir),
    migrationsDir: MIGRATIONS_DIR,
    now: clock.now,
    log: () => {},
    ...(fontsDir ? { fontsDir } : {}),
    ...(options.withPrinter === false ? {} : { printer: recordingPrinter(printed, options.printerDoes ?? 'print') }),
  });
  const app: TestApp = {
    core,
    dir,
    clock,
    raw: (session, channel, input) => core.dispatch(session, channel, input),
    async call(session, channel, input) {
      const result = await core.dispatch(session, channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    count: (table) => (core.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    close: () => core.close(),
  };
  const sessionFor = (user: SessionUser): Session => {
    const session = core.newSession();
    session.user = { ...user };
    session.lastActivityMs = clock.ms;
    return session;
  };
  return {
    app,
    admin: sessionFor(users.admin),
    desk: sessionFor(users.desk),
    doctorId: users.admin.userId,
    patient: book.patient,
    other: book.other,
    printed,
    sessionFor,
  };
}

/** A printer port that records what it is given and then prints, is cancelled, or fails as told. */
function recordingPrinter(printed: PrintingBook['printed'], does: 'print' | 'cancel' | 'fail'): PdfPrinter {
  return {
    printPdf: async (pdf, title) => {
      printed.push({ pdf, title });
      if (does === 'fail') throw new AppError('INTERNAL', 'The printer reported a problem (Print job failed).');
      return does === 'print' ? 'printed' : 'cancelled';
    },
  };
}
