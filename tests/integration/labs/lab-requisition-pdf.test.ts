import { afterEach, describe, expect, it } from 'vitest';
import { openPrintingBook, type PrintingBook } from '../frontdesk/printing-book';
import { readPdf, squash } from '../printing/read-pdf';
import { savePdfForLooking } from '../printing/save-for-looking';
import { patientInput } from '../support';
import { auditActions } from './lab-support';

let book: PrintingBook | undefined;
afterEach(() => {
  book?.app.close();
  book = undefined;
});

const decode = (pdfBase64: string) => Buffer.from(pdfBase64, 'base64');

describe('the printed lab requisition', { timeout: 120_000 }, () => {
  it('prints the letterhead, the patient (a name in Greek and Arabic), the order number, the doctor, the lab, the note and the tests; audited', async () => {
    book = await openPrintingBook({ withPrinter: true });
    const { app, admin } = book;
    const patient = await app.call(admin, 'patients.register', {
      patient: patientInput({
        givenNames: 'Ελένη',
        familyName: 'نور',
        sex: 'female',
        birth: { kind: 'date', date: '1985-04-12' },
        phones: [],
      }),
    });
    const visit = await app.call(admin, 'visits.start', { patientId: patient.id });
    const order = await app.call(admin, 'labs.orders.create', {
      visitId: visit.id,
      codes: ['XLIPID', '4548-4'],
      labName: 'City Diagnostics, Koregaon Park',
      clinicalNote: 'Type 2 diabetes, annual review. Fasting sample please.',
    });

    const printed = await app.call(admin, 'print.labRequisition', { orderId: order.id });
    const pdf = decode(printed.pdfBase64);
    savePdfForLooking('lab-requisition', pdf);
    const pages = await readPdf(pdf);
    expect(printed.pages).toBe(pages.length);
    expect(pages).toHaveLength(1);
    expect(printed.filename).toBe(
      `lab-requisition-${order.number.slice(4).toLowerCase()}-${patient.mrn.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`,
    );
    const text = squash(pages.map((p) => p.text).join(' '));
    for (const expected of [
      'Riverside Family Clinic',
      'Lab requisition',
      order.number,
      'Ελένη',
      'نور',
      `MRN ${patient.mrn}`,
      'Female',
      'born 1985-04-12',
      'Dr Amara Okafor',
      'City Diagnostics, Koregaon Park',
      'Type 2 diabetes, annual review. Fasting sample please.',
      'Lipid profile',
      'XLIPID',
      'Cholesterol, total',
      'Triglycerides',
      'Haemoglobin A1c (HbA1c)',
      '4548-4',
      'Printed 10 Mar 2026, 10:00 by Dr Amara Okafor',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('CANCELLED');
    expect(pages[0]!.annotationCount).toBe(0);
    expect(auditActions(app, 'print.lab_requisition')).toEqual([
      { patient_id: patient.id, details: `${order.number}: XLIPID, 4548-4 (preview)`, outcome: 'success' },
    ]);

    // To the printer: the same document, audited with what happened.
    const sent = await app.call(admin, 'print.labRequisitionToPrinter', { orderId: order.id });
    expect(sent).toEqual({ outcome: 'printed' });
    expect(book.printed).toHaveLength(1);
    expect(book.printed[0]!.title).toBe(`Lab requisition – ${patient.mrn} – ${order.number}`);
    expect(squash((await readPdf(book.printed[0]!.pdf)).map((p) => p.text).join(' '))).toContain(order.number);
    expect(auditActions(app, 'print.lab_requisition').map((a) => a.details)[1]).toBe(
      `${order.number}: XLIPID, 4548-4 (sent to printer)`,
    );

    // A cancelled order prints as cancelled, with its reason.
    await app.call(admin, 'labs.orders.cancel', {
      orderId: order.id,
      version: order.version,
      reason: 'Done elsewhere',
    });
    const again = squash(
      (await readPdf(decode((await app.call(admin, 'print.labRequisition', { orderId: order.id })).pdfBase64)))
        .map((p) => p.text)
        .join(' '),
    );
    expect(again).toContain('CANCELLED: Done elsewhere');
  });

  it('an unknown order prints nothing and says so; a receptionist is refused', async () => {
    book = await openPrintingBook({ withPrinter: true });
    const { app, admin, desk } = book;
    const missing = await app.raw(admin, 'print.labRequisition', { orderId: '0190a0a0-0000-7000-8000-000000000000' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'This lab order is not there any more.' },
    });
    const refused = await app.raw(desk, 'print.labRequisition', { orderId: '0190a0a0-0000-7000-8000-000000000000' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(book.printed).toHaveLength(0);
  });
});
