import { afterEach, describe, expect, it } from 'vitest';
import { openPrintingBook, type PrintingBook } from '../frontdesk/printing-book';
import { readPdf, squash } from '../printing/read-pdf';
import { savePdfForLooking } from '../printing/save-for-looking';
import { LOINC, actorOf, writeReport } from './lab-fixture';

let book: PrintingBook | undefined;
afterEach(() => {
  book?.app.close();
  book = undefined;
});

const decode = (pdfBase64: string) => Buffer.from(pdfBase64, 'base64');
const textOf = async (pdf: Buffer) => squash((await readPdf(pdf)).map((p) => p.text).join(' '));

describe('the printed lab results', () => {
  it('prints the chosen reports oldest first with values, flags in words, ranges, the lab’s comment and the review, in any script; audited; and the same to the printer', async () => {
    book = await openPrintingBook({ withPrinter: true });
    const b = book;
    const doctor = actorOf(b.admin);
    // A name in Greek and Chinese, as the clinic registered it.
    const renamed = await b.app.call(b.admin, 'patients.update', {
      id: b.patient.id,
      version: b.patient.version,
      patient: {
        givenNames: 'Ελένη 李',
        familyName: 'Παπαδοπούλου',
        latinName: 'Eleni Li Papadopoulou',
        sex: 'female',
        birth: { kind: 'date', date: '1980-02-29' },
      },
    });
    expect(renamed.givenNames).toBe('Ελένη 李');
    const lipid = writeReport(b.app, doctor, {
      patientId: b.patient.id,
      doctorId: doctor.userId,
      ...LOINC.lipid,
      observedAt: '2026-01-20T07:30:00.000Z',
      performer: 'مختبر المدينة',
      results: [{ ...LOINC.cholesterol, value: 6.4, unit: 'mmol/L', high: 5.2, flag: 'H' }],
    }).reportId;
    const bmp = writeReport(b.app, doctor, {
      patientId: b.patient.id,
      doctorId: doctor.userId,
      ...LOINC.bmp,
      observedAt: '2026-03-09T07:30:00.000Z',
      performer: 'City Lab',
      comment: 'Sample slightly haemolysed',
      results: [
        { ...LOINC.potassium, value: 6.8, unit: 'mmol/L', low: 3.5, high: 5.1, flag: 'HH' },
        { ...LOINC.sodium, value: 139, unit: 'mmol/L', low: 136, high: 145, flag: 'N' },
        { ...LOINC.glucose, value: 0.5, comparator: '<', unit: 'mmol/L', low: 3.9, high: 5.5, flag: 'L' },
        { ...LOINC.urineColor, text: 'Straw', refText: 'Straw to amber' },
      ],
    }).reportId;
    await b.app.call(b.admin, 'labs.review.acknowledge', {
      reports: [{ id: bmp, version: 1 }],
      comment: 'Repeat potassium tomorrow',
    });

    const printed = await b.app.call(b.admin, 'print.labResults', { patientId: b.patient.id, reportIds: [bmp, lipid] });
    const pdf = decode(printed.pdfBase64);
    savePdfForLooking('lab-results', pdf);
    const pages = await readPdf(pdf);
    expect(printed.pages).toBe(pages.length);
    expect(printed.filename).toMatch(/^lab-results-2026-03-10-[a-z0-9-]+\.pdf$/);
    const text = await textOf(pdf);
    for (const expected of [
      'Riverside Family Clinic',
      'Laboratory results',
      'Ελένη 李 Παπαδοπούλου',
      `MRN ${b.patient.mrn}`,
      LOINC.bmp.name,
      'Sample taken 9 Mar 2026, 08:30',
      'Lab: City Lab',
      'Potassium [Moles/volume] in Serum or Plasma',
      '6.8 mmol/L',
      'Critically high',
      '3.5–5.1',
      '139 mmol/L',
      '<0.5 mmol/L',
      'Low',
      'Straw',
      'Straw to amber',
      'Lab comment: Sample slightly haemolysed',
      'Reviewed by Dr Amara Okafor, 10 Mar 2026, 10:00: Repeat potassium tomorrow',
      '6.4 mmol/L',
      'High',
      'up to 5.2',
      'Printed 10 Mar 2026, 10:00 by Dr Amara Okafor',
    ]) {
      expect(text).toContain(expected);
    }
    // Arabic inside an English line is laid out right to left by the bidi algorithm: drawn (and read
    // back by pdf.js, in drawing order) with its first word on the right.
    expect(text).toContain('Lab: المدينة مختبر');
    // Oldest sample first, whatever order the reports were chosen in.
    expect(text.indexOf(LOINC.lipid.name)).toBeLessThan(text.indexOf(LOINC.bmp.name));

    const audit = () =>
      b.app.core.db.sqlite
        .prepare(`SELECT patient_id, outcome, details FROM audit_log WHERE action = 'print.lab_results' ORDER BY seq`)
        .all();
    expect(audit()).toEqual([
      {
        patient_id: b.patient.id,
        outcome: 'success',
        details: `2 reports: ${LOINC.lipid.code}, ${LOINC.bmp.code} (preview)`,
      },
    ]);

    expect(
      await b.app.call(b.admin, 'print.labResultsToPrinter', { patientId: b.patient.id, reportIds: [bmp] }),
    ).toEqual({ outcome: 'printed' });
    expect(b.printed).toHaveLength(1);
    expect(b.printed[0]!.title).toBe(`Lab results – ${b.patient.mrn} – 2026-03-10`);
    const sent = await textOf(b.printed[0]!.pdf);
    expect(sent).toContain('Critically high');
    expect(sent).not.toContain(LOINC.lipid.name);
    expect(audit()).toHaveLength(2);
  });

  it('refuses another patient’s report, the same report twice and a missing one, printing and auditing nothing', async () => {
    book = await openPrintingBook({ withPrinter: true });
    const b = book;
    const doctor = actorOf(b.admin);
    const mine = writeReport(b.app, doctor, {
      patientId: b.patient.id,
      doctorId: doctor.userId,
      ...LOINC.bmp,
      observedAt: '2026-03-09T07:30:00.000Z',
      results: [{ ...LOINC.sodium, value: 139, unit: 'mmol/L' }],
    }).reportId;
    const theirs = writeReport(b.app, doctor, {
      patientId: b.other.id,
      doctorId: doctor.userId,
      ...LOINC.bmp,
      observedAt: '2026-03-09T07:30:00.000Z',
      results: [{ ...LOINC.sodium, value: 141, unit: 'mmol/L' }],
    }).reportId;
    for (const channel of ['print.labResults', 'print.labResultsToPrinter']) {
      expect(await b.app.raw(b.admin, channel, { patientId: b.patient.id, reportIds: [mine, theirs] })).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: "A chosen report is not this patient's. Choose the reports again from the patient's chart.",
        },
      });
      expect(await b.app.raw(b.admin, channel, { patientId: b.patient.id, reportIds: [mine, mine] })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
      expect(
        await b.app.raw(b.admin, channel, {
          patientId: b.patient.id,
          reportIds: ['01890000-0000-7000-8000-000000000000'],
        }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await b.app.raw(b.admin, channel, { patientId: b.patient.id, reportIds: [] })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { reportIds: 'Choose at least one report to print' } },
      });
    }
    expect(b.printed).toEqual([]);
    expect(b.app.count(`audit_log WHERE action = 'print.lab_results'`)).toBe(0);
  });
});
