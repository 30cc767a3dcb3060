import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../electron/main/context';
import { CLINICAL_CANARY, seedChart } from '../chart/chart-seed';
import { openPrintingBook, type PrintingBook } from '../frontdesk/printing-book';
import { readPdf, squash } from './read-pdf';
import { savePdfForLooking } from './save-for-looking';

let book: PrintingBook;
afterEach(() => book.app.close());

const decode = (pdfBase64: string) => Buffer.from(pdfBase64, 'base64');

function doctorActor(b: PrintingBook): Actor {
  const user = b.admin.user!;
  return { userId: user.userId, username: user.username, roles: user.roles };
}

describe('the visit summary PDF', () => {
  it('prints the visit: patient, doctor, vitals, coded diagnoses, signed SOAP note with its addendum, medications, allergies, immunizations, in every script', async () => {
    book = await openPrintingBook({ withPrinter: true });
    const { app, admin, patient } = book;
    const { visitId } = seedChart(app, doctorActor(book), patient.id);

    const printed = await app.call(admin, 'print.visitSummary', { visitId });
    const pdf = decode(printed.pdfBase64);
    savePdfForLooking('visit-summary', pdf);
    const pages = await readPdf(pdf);
    expect(printed.pages).toBe(pages.length);
    expect(printed.filename).toMatch(/^visit-summary-2026-03-10-[a-z0-9-]+\.pdf$/);
    const text = squash(pages.map((p) => p.text).join(' '));
    for (const expected of [
      'Riverside Family Clinic',
      'Visit summary',
      `${patient.givenNames} ${patient.familyName}`,
      `MRN ${patient.mrn}`,
      'Tuesday, 10 March 2026, 10:00–10:00',
      'Dr Amara Okafor',
      'BP 128/82 mmHg',
      'Pulse 76/min',
      'Temp 37.2 °C',
      'BMI 23.8 kg/m²',
      'J20.9',
      'Acute bronchitis, unspecified',
      'Subjective',
      '咳嗽一周',
      'Assessment',
      'Fluids, rest, review in one week.',
      'Signed by Dr Amara Okafor, 10 Mar 2026, 10:00',
      'Addendum: chest X-ray normal.',
      'Metformin',
      '500 mg, oral, twice daily, prescribed elsewhere',
      'Penicillin',
      'Hives',
      'moderate, high criticality',
      'Influenza, seasonal, injectable',
      'dose 1, lot FLU-2026-A, IM, left deltoid',
      'Printed 10 Mar 2026, 10:00 by Dr Amara Okafor',
    ]) {
      expect(text).toContain(expected);
    }
    // Arabic is shaped and ordered right to left; pdf.js reads it back in logical order.
    expect(text).toContain('الهوائية');
    // The problem list's own items are not this visit's diagnoses.
    expect(text).not.toContain('Worries about sleep');

    const audit = app.core.db.sqlite
      .prepare(`SELECT patient_id, details FROM audit_log WHERE action = 'print.visit_summary'`)
      .all() as { patient_id: string; details: string }[];
    expect(audit).toEqual([{ patient_id: patient.id, details: expect.stringContaining('(preview)') }]);

    // To the printer: the same document, and the audit says it went.
    expect(await app.call(admin, 'print.visitSummaryToPrinter', { visitId })).toEqual({ outcome: 'printed' });
    expect(book.printed).toHaveLength(1);
    expect(squash((await readPdf(book.printed[0]!.pdf)).map((p) => p.text).join(' '))).toContain('J20.9');
  });

  it('is refused to the front desk on both channels, and a missing visit is named, with nothing printed', async () => {
    book = await openPrintingBook({ withPrinter: true });
    const { app, admin, desk, patient } = book;
    const { visitId } = seedChart(app, doctorActor(book), patient.id);
    for (const channel of ['print.visitSummary', 'print.visitSummaryToPrinter'] as const) {
      const refused = await app.raw(desk, channel, { visitId });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(refused)).not.toContain(CLINICAL_CANARY);
    }
    const missing = await app.raw(admin, 'print.visitSummary', { visitId: '0190f0f0-0000-7000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/visit/) } });
    expect(book.printed).toHaveLength(0);
    const audited = app.core.db.sqlite
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'print.visit_summary'`)
      .get() as {
      n: number;
    };
    expect(audited.n).toBe(0);
  });
});
