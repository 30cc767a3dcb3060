import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPdf, squash, type PdfPage } from '../printing/read-pdf';
import { addUser } from '../support';
import { rows } from '../appointments/book-support';
import { openPrintingBook, type PrintingBook } from './printing-book';

let book: PrintingBook;
afterEach(() => book.app.close());

const text = (pages: PdfPage[]) => squash(pages.map((p) => p.text).join(' '));
const decode = (pdfBase64: string) => Buffer.from(pdfBase64, 'base64');

/** Two bookings this afternoon, a walk-in now, and bookings the list must leave out. */
async function seedDay(b: PrintingBook) {
  const { app, desk, doctorId, patient, other } = b;
  const ana = await app.call(desk, 'appointments.book', {
    patientId: other.id,
    providerId: doctorId,
    date: '2026-03-10',
    time: '14:20',
    reason: 'Blood pressure check',
  });
  const jose = await app.call(desk, 'appointments.book', {
    patientId: patient.id,
    providerId: doctorId,
    date: '2026-03-10',
    time: '14:00',
  });
  const walkIn = await app.call(desk, 'appointments.walkIn', {
    patientId: patient.id,
    providerId: doctorId,
    reason: 'Cough',
  });
  const nobody = await app.call(desk, 'patients.register', {
    patient: {
      givenNames: 'Tomorrow',
      familyName: 'Only',
      sex: 'female',
      birth: { kind: 'date', date: '1990-01-01' },
      phones: [],
    },
  });
  await app.call(desk, 'appointments.book', {
    patientId: nobody.id,
    providerId: doctorId,
    date: '2026-03-11',
    time: '09:00',
  });
  return { ana, jose, walkIn };
}

describe('print.dayList', () => {
  beforeEach(async () => {
    book = await openPrintingBook();
  });

  it('prints the doctor’s day with each booked patient, their times in the clinic’s zone, and the doctor', async () => {
    await seedDay(book);
    const result = await book.app.call(book.desk, 'print.dayList', { providerId: book.doctorId, date: '2026-03-10' });
    expect(result.filename).toBe('day-list-2026-03-10-dr-amara-okafor.pdf');
    const pages = await readPdf(decode(result.pdfBase64));
    expect(result.pages).toBe(pages.length);
    const all = text(pages);
    for (const expected of [
      'Riverside Family Clinic',
      'Day list',
      'Dr Amara Okafor',
      'Tuesday, 10 March 2026',
      '3 appointments',
      'José García',
      'Ana Silva',
      'Blood pressure check',
      'Walk-in',
    ]) {
      expect(all).toContain(expected);
    }
    // Booked at 14:00 and 14:20 Berlin time (13:00 and 13:20 UTC); the walk-in arrived at 10:00.
    expect(all).toMatch(/14:00\s*–\s*14:20/);
    expect(all).toMatch(/14:20\s*–\s*14:40/);
    expect(all).toMatch(/10:00\s*–/);
    expect(all).not.toMatch(/13:00\s*–/);
    expect(all).not.toContain('Tomorrow Only');
    expect(all).toContain('Printed 10 Mar 2026, 10:00 by User desk');
    expect([Math.round(pages[0]!.width), Math.round(pages[0]!.height)]).toEqual([595, 842]);
  });

  it('shows the status the front desk knows, including cancelled appointments', async () => {
    const { jose } = await seedDay(book);
    await book.app.call(book.desk, 'appointments.cancel', {
      id: jose.id,
      version: 1,
      reason: 'Patient called to cancel',
    });
    const pages = await readPdf(
      decode(
        (await book.app.call(book.desk, 'print.dayList', { providerId: book.doctorId, date: '2026-03-10' })).pdfBase64,
      ),
    );
    const all = text(pages);
    expect(all).toContain('Cancelled');
    expect(all).toContain('Waiting'); // the walk-in: the same word as on screen
    expect(all).toContain('Booked');
  });

  it('refuses a person who is not one of the clinic’s doctors, saying what to choose', async () => {
    const result = await book.app.raw(book.desk, 'print.dayList', {
      providerId: book.desk.user!.userId,
      date: '2026-03-10',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/Choose a doctor/) },
    });
  });
});

describe('print.slip', () => {
  beforeEach(async () => {
    book = await openPrintingBook();
  });

  it('prints a walk-in’s token, time and doctor', async () => {
    const { walkIn } = await seedDay(book);
    const result = await book.app.call(book.desk, 'print.slip', { appointmentId: walkIn.id });
    expect(result.filename).toMatch(/^appointment-slip-2026-03-10-[a-z0-9-]+\.pdf$/);
    const pages = await readPdf(decode(result.pdfBase64));
    expect(result.pages).toBe(1);
    const all = text(pages);
    expect(all).toContain('Appointment slip');
    expect(all).toContain('José García');
    expect(all).toContain(book.patient.mrn);
    expect(all).toMatch(/Token\s*1/);
    expect(all).toMatch(/Time\s*10:00\s*–\s*10:/);
    expect(all).toContain('Tuesday, 10 March 2026');
    expect(all).toMatch(/Doctor\s*Dr Amara Okafor/);
    expect(all).toMatch(/Visit\s*Cough/);
  });

  it('prints a booked appointment without a token', async () => {
    const { ana } = await seedDay(book);
    const all = text(
      await readPdf(decode((await book.app.call(book.desk, 'print.slip', { appointmentId: ana.id })).pdfBase64)),
    );
    expect(all).toMatch(/Time\s*14:20\s*–\s*14:40/);
    expect(all).not.toContain('Token');
  });

  it('says when the appointment does not exist', async () => {
    const result = await book.app.raw(book.desk, 'print.slip', {
      appointmentId: '0195a0e0-0000-7000-8000-000000000000',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('print.toPrinter', () => {
  it('sends the day list and the slip to the printer port as PDFs', async () => {
    book = await openPrintingBook();
    const { ana } = await seedDay(book);
    await expect(
      book.app.call(book.desk, 'print.toPrinter', { kind: 'dayList', providerId: book.doctorId, date: '2026-03-10' }),
    ).resolves.toEqual({
      outcome: 'printed',
    });
    await book.app.call(book.desk, 'print.toPrinter', { kind: 'slip', appointmentId: ana.id });
    expect(book.printed.map((p) => p.title)).toEqual([
      'Day list – Dr Amara Okafor – 2026-03-10',
      `Appointment slip – ${book.other.mrn}`,
    ]);
    expect(book.printed[0]!.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(text(await readPdf(book.printed[0]!.pdf))).toContain('Ana Silva');
    expect(text(await readPdf(book.printed[1]!.pdf))).toContain('Ana Silva');
  });

  it('records a closed print dialog as not printed, and a printer failure as a failure with its message', async () => {
    book = await openPrintingBook({ printerDoes: 'cancel' });
    const { ana } = await seedDay(book);
    await expect(book.app.call(book.desk, 'print.toPrinter', { kind: 'slip', appointmentId: ana.id })).resolves.toEqual(
      { outcome: 'cancelled' },
    );
    expect(rows(book.app, "SELECT outcome, details FROM audit_log WHERE action = 'print.slip'")).toEqual([
      { outcome: 'success', details: '2026-03-10 Dr Amara Okafor (print dialog closed without printing)' },
    ]);
    book.app.close();

    book = await openPrintingBook({ printerDoes: 'fail' });
    const again = await seedDay(book);
    const failed = await book.app.raw(book.desk, 'print.toPrinter', { kind: 'slip', appointmentId: again.ana.id });
    expect(failed).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/printer reported a problem/) },
    });
    expect(rows(book.app, "SELECT outcome, details FROM audit_log WHERE action = 'print.slip'")).toEqual([
      { outcome: 'failure', details: '2026-03-10 Dr Amara Okafor (printer problem, not printed)' },
    ]);
  });

  it('without a printer, says to save the PDF instead and records no print', async () => {
    book = await openPrintingBook({ withPrinter: false });
    const result = await book.app.raw(book.desk, 'print.toPrinter', {
      kind: 'dayList',
      providerId: book.doctorId,
      date: '2026-03-10',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/No printer.*Save as PDF/) },
    });
    expect(rows(book.app, "SELECT action FROM audit_log WHERE action LIKE 'print.%'")).toEqual([]);
  });

  it('without its fonts, says printing cannot work and how to fix it', async () => {
    book = await openPrintingBook({ fontsDir: null });
    const result = await book.app.raw(book.desk, 'print.dayList', { providerId: book.doctorId, date: '2026-03-10' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/Cannot print: .*fonts folder/) },
    });
  });
});

describe('who may print, and the audit log', () => {
  beforeEach(async () => {
    book = await openPrintingBook();
  });

  it('lets a receptionist print, and records each print with who, what and which patient', async () => {
    const { ana } = await seedDay(book);
    await book.app.call(book.desk, 'print.dayList', { providerId: book.doctorId, date: '2026-03-10' });
    await book.app.call(book.desk, 'print.slip', { appointmentId: ana.id });
    await book.app.call(book.desk, 'print.toPrinter', { kind: 'slip', appointmentId: ana.id });
    const audit = await book.app.call(book.admin, 'audit.list', { action: 'print.slip' });
    expect(audit.entries.map((e) => [e.username, e.patientId, e.details])).toEqual([
      ['desk', book.other.id, '2026-03-10 Dr Amara Okafor (sent to printer)'],
      ['desk', book.other.id, '2026-03-10 Dr Amara Okafor (preview)'],
    ]);
    const lists = await book.app.call(book.admin, 'audit.list', { action: 'print.day_list' });
    expect(lists.entries.map((e) => [e.username, e.details])).toEqual([
      ['desk', '2026-03-10, Dr Amara Okafor: 3 appointments (preview)'],
    ]);
  });

  it('refuses a user who is only an administrator (printing shows patients’ names)', async () => {
    const boss = await addUser(book.app, book.admin, 'boss', ['admin']);
    const result = await book.app.raw(boss, 'print.dayList', { providerId: book.doctorId, date: '2026-03-10' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(rows(book.app, "SELECT action FROM audit_log WHERE action LIKE 'print.%'")).toEqual([]);
  });
});

describe('paper size and letterhead follow the clinic settings', () => {
  beforeEach(async () => {
    book = await openPrintingBook();
  });

  const setPaper = (
    paperSize: 'A4' | 'LETTER' | 'A5',
    slipSize: 'A6' | 'RECEIPT_80' | 'RECEIPT_58' | 'PAPER' = 'PAPER',
  ) =>
    book.app.call(book.admin, 'settings.update', {
      clinicName: 'Riverside Family Clinic',
      timeZone: 'Europe/Berlin',
      idleLockMinutes: 240,
      paperSize,
      slipSize,
      letterhead: 'Family medicine · Reg. No. 4711',
    });
  const slipPages = async (appointmentId: string) =>
    readPdf(decode((await book.app.call(book.desk, 'print.slip', { appointmentId })).pdfBase64));

  // Issue 12, point 7: a slip is a few lines; it prints on a small page, not a whole A4 sheet.
  it('prints the slip on an A6 card by default and on a receipt roll when the clinic chooses one', async () => {
    const { ana } = await seedDay(book);
    const settings = await book.app.call(book.admin, 'settings.get', {});
    expect(settings.slipSize).toBe('A6');
    const card = await slipPages(ana.id);
    expect(card).toHaveLength(1);
    expect([Math.round(card[0]!.width), Math.round(card[0]!.height)]).toEqual([298, 420]);

    await setPaper('A4', 'RECEIPT_80');
    const receipt = await slipPages(ana.id);
    expect(receipt).toHaveLength(1);
    expect(Math.round(receipt[0]!.width)).toBe(227);
    expect(receipt[0]!.height).toBeLessThan(420);
    expect(text(receipt)).toContain('Appointment slip');

    const refused = await book.app.raw(book.admin, 'settings.update', { ...settings, slipSize: 'A3' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.fields?.slipSize).toMatch(/Choose A6/);
  });

  it('prints on Letter when the clinic uses Letter, with its letterhead', async () => {
    const { ana } = await seedDay(book);
    await setPaper('LETTER');
    const list = await readPdf(
      decode(
        (await book.app.call(book.desk, 'print.dayList', { providerId: book.doctorId, date: '2026-03-10' })).pdfBase64,
      ),
    );
    expect([Math.round(list[0]!.width), Math.round(list[0]!.height)]).toEqual([612, 792]);
    expect(text(list)).toContain('Family medicine · Reg. No. 4711');
    const slip = await readPdf(
      decode((await book.app.call(book.desk, 'print.slip', { appointmentId: ana.id })).pdfBase64),
    );
    expect([Math.round(slip[0]!.width), Math.round(slip[0]!.height)]).toEqual([612, 792]);
  });

  it('prints the day list across an A5 sheet (landscape) and the slip on A5 portrait', async () => {
    const { ana } = await seedDay(book);
    await setPaper('A5');
    const list = await readPdf(
      decode(
        (await book.app.call(book.desk, 'print.dayList', { providerId: book.doctorId, date: '2026-03-10' })).pdfBase64,
      ),
    );
    expect([Math.round(list[0]!.width), Math.round(list[0]!.height)]).toEqual([595, 420]);
    const slip = await readPdf(
      decode((await book.app.call(book.desk, 'print.slip', { appointmentId: ana.id })).pdfBase64),
    );
    expect([Math.round(slip[0]!.width), Math.round(slip[0]!.height)]).toEqual([420, 595]);
  });
});
