import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/main/ipc/session';
import {
  buildPrescriptionDocument,
  type PrescriptionPrintModel,
} from '../../../electron/main/printing/prescription-document';
import { registerPdfFonts } from '../../../electron/main/printing/pdf-fonts';
import { renderPdf } from '../../../electron/main/printing/render-pdf';
import type { PrescriptionItemFormInput } from '../../../shared/domain/prescription';
import { prescriptionItemInputSchema } from '../../../shared/domain/prescription';
import { FONTS_DIR, openPrintingBook, type PrintingBook } from '../frontdesk/printing-book';
import { readPdf, squash } from '../printing/read-pdf';
import { savePdfForLooking } from '../printing/save-for-looking';
import { patientInput } from '../support';

let book: PrintingBook | undefined;
afterEach(() => {
  book?.app.close();
  book = undefined;
});

const decode = (pdfBase64: string) => Buffer.from(pdfBase64, 'base64');
const A5 = { width: 419.53, height: 595.28 };
const A4 = { width: 595.28, height: 841.89 };

/**
 * pdf.js reads Indic text back in glyph order (a vowel sign drawn before its consonant comes first,
 * conjuncts may split), so Devanagari is compared as the multiset of its letters per word.
 */
function letters(text: string): string {
  return [...text.replace(/[\s\u200c\u200d]/g, '')].sort().join('');
}
function containsIndic(read: string, expected: string): boolean {
  const words = read.split(/\s+/);
  return expected.split(/\s+/).every((w) => {
    const want = letters(w);
    // A word may be split by the reader at a conjunct or a dot: look at up to four neighbouring pieces.
    return words.some((_, i) => [1, 2, 3, 4].some((n) => letters(words.slice(i, i + n).join('')) === want));
  });
}

async function pageTexts(pdf: Buffer) {
  const pages = await readPdf(pdf);
  return { pages, text: squash(pages.map((p) => p.text).join(' ')) };
}

const PATIENT = { givenNames: 'अनन्या', familyName: 'देशपांडे' };
const ALLERGY_NOTE = 'طفح جلدي بعد الجرعة الأولى';
const ARABIC_WORDS = ['طفح', 'جلدي', 'بعد', 'الجرعة'];

function items(): PrescriptionItemFormInput[] {
  return [
    {
      kind: 'structured',
      productId: null,
      name: 'Paracetamol 250 mg/5 mL syrup',
      form: 'syrup',
      route: 'oral',
      lines: [
        {
          amount: 5,
          unit: 'mL',
          frequency: 'every 6 hours',
          timing: 'after-food',
          duration: { value: 3, unit: 'days' },
        },
      ],
      repeats: 0,
      instructions: 'Shake well before use',
    },
    {
      kind: 'structured',
      productId: null,
      name: 'Cetirizine 5 mg tablet',
      form: 'tablet',
      route: 'oral',
      lines: [
        { amount: 0.5, unit: 'tablet', frequency: 'od', timing: 'bedtime', duration: { value: 5, unit: 'days' } },
      ],
      repeats: 1,
    },
    {
      kind: 'free',
      productId: null,
      name: 'ORS sachet',
      directions: 'Dissolve 1 sachet in 1 litre of boiled water; sip after each loose stool',
      quantity: { value: 6, unit: 'sachets' },
      repeats: 0,
    },
  ];
}

/** A child patient with a Devanagari name, an Arabic allergy note, a weight, and a signed 3-item prescription. */
async function signedPrescription(
  b: PrintingBook,
): Promise<{ id: string; number: string; patientId: string; mrn: string }> {
  const { app, admin } = b;
  const patient = await app.call(admin, 'patients.register', {
    patient: patientInput({ ...PATIENT, sex: 'female', birth: { kind: 'date', date: '2019-05-04' }, phones: [] }),
  });
  await app.call(admin, 'users.updateOwnCredentials', {
    version: (await app.call(admin, 'users.own', {})).version,
    qualifications: 'MBBS, DCH',
    registrationNumber: 'MMC 2011/04/1234',
  });
  const visit = await app.call(admin, 'visits.start', { patientId: patient.id });
  await app.call(admin, 'allergies.add', {
    patientId: patient.id,
    substance: 'Penicillin',
    substanceType: 'medication',
    reaction: 'Hives',
    severity: 'moderate',
    note: ALLERGY_NOTE,
  });
  await app.call(admin, 'vitals.record', {
    patientId: patient.id,
    visitId: visit.id,
    takenAt: '2026-03-10T08:55:00.000Z',
    units: 'metric',
    weight: 21.5,
  });
  const draft = await app.call(admin, 'prescriptions.createDraft', { visitId: visit.id });
  for (const item of items()) await app.call(admin, 'prescriptions.addItem', { prescriptionId: draft.id, item });
  const current = await app.call(admin, 'prescriptions.get', { id: draft.id });
  const signed = await app.call(admin, 'prescriptions.sign', { id: draft.id, version: current.version });
  return { id: signed.id, number: signed.number!, patientId: patient.id, mrn: patient.mrn };
}

async function setPrint(b: PrintingBook, session: Session, paper: 'A5' | 'A4', language: 'en' | 'hi') {
  const settings = await b.app.call(session, 'settings.get', {});
  await b.app.call(session, 'settings.update', { ...settings, prescriptionPaperSize: paper, printLanguage: language });
}

describe('the printed prescription', { timeout: 180_000 }, () => {
  it('prints every field in English on A5: doctor, patient in Devanagari, age, sex, MRN, weight, allergy with its Arabic note, numbered items', async () => {
    book = await openPrintingBook({ withPrinter: true });
    const rx = await signedPrescription(book);
    const printed = await book.app.call(book.admin, 'print.prescription', { prescriptionId: rx.id });
    const pdf = decode(printed.pdfBase64);
    savePdfForLooking('prescription-en-a5', pdf);
    const { pages, text } = await pageTexts(pdf);
    expect(printed.pages).toBe(pages.length);
    expect(pages[0]).toMatchObject({ width: expect.closeTo(A5.width, 0), height: expect.closeTo(A5.height, 0) });
    expect(printed.filename).toMatch(/^prescription-rx-2026\d{4}-[a-z0-9]+-[a-z0-9-]+\.pdf$/);
    for (const expected of [
      'Riverside Family Clinic',
      'Dr Amara Okafor',
      'MBBS, DCH',
      'Reg. No. MMC 2011/04/1234',
      'Date: 10 March 2026',
      rx.number,
      `MRN ${rx.mrn}`,
      'Age: 6 y',
      'Female',
      'Weight 21.5 kg (10 March 2026)',
      'Allergies:',
      'Penicillin',
      'Hives, moderate',
      'Rx',
      '1.',
      'Paracetamol 250 mg/5 mL syrup',
      '5 mL every 6 hours after food for 3 days',
      'Quantity: 60 mL',
      'No repeats',
      'Instructions: Shake well before use',
      '2.',
      'Cetirizine 5 mg tablet',
      '0.5 tablets once a day at bedtime for 5 days',
      'Repeats: 1',
      '3.',
      'ORS sachet',
      'Dissolve 1 sachet in 1 litre of boiled water; sip after each loose stool',
      'Quantity: 6 sachets',
      'Signature',
      'Printed 10 Mar 2026, 10:00 by Dr Amara Okafor',
      'Page 1 of 1',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(containsIndic(text, `${PATIENT.givenNames} ${PATIENT.familyName}`), text).toBe(true);
    // Arabic is shaped right to left; pdf.js reads each word back in logical order (a lam-alef
    // ligature comes back as its presentation form, so those words are left out).
    for (const word of ARABIC_WORDS) expect(text).toContain(word);
    expect(text).not.toContain('COPY');
    expect(text).not.toContain('CANCELLED');

    const audit = book.app.core.db.sqlite
      .prepare(`SELECT patient_id, details FROM audit_log WHERE action = 'print.prescription'`)
      .all() as { patient_id: string; details: string }[];
    expect(audit).toEqual([
      { patient_id: rx.patientId, details: `prescription ${rx.id}, ${rx.number}, original, A5, en (preview)` },
    ]);
  });

  it('the first print is the original; a reprint is marked COPY and counted; the preview then shows COPY', async () => {
    book = await openPrintingBook({ withPrinter: true });
    const rx = await signedPrescription(book);
    const { app, admin } = book;
    expect(await app.call(admin, 'print.prescriptionToPrinter', { prescriptionId: rx.id })).toEqual({
      outcome: 'printed',
    });
    expect(await app.call(admin, 'print.prescriptionToPrinter', { prescriptionId: rx.id })).toEqual({
      outcome: 'printed',
    });
    expect(book.printed).toHaveLength(2);
    expect(book.printed[0]!.title).not.toMatch(/copy/);
    expect(book.printed[1]!.title).toMatch(/\(copy\)$/);
    const original = (await pageTexts(book.printed[0]!.pdf)).text;
    const copy = (await pageTexts(book.printed[1]!.pdf)).text;
    savePdfForLooking('prescription-copy', book.printed[1]!.pdf);
    expect(original).not.toContain('COPY');
    expect(copy).toContain('COPY');
    expect(copy).toContain('Copy 1, reprinted 10 Mar 2026, 10:00: not a new prescription');
    expect(copy).toContain('Paracetamol 250 mg/5 mL syrup');

    const preview = await app.call(admin, 'print.prescription', { prescriptionId: rx.id });
    expect(preview.filename).toMatch(/-copy-2\.pdf$/);
    expect((await pageTexts(decode(preview.pdfBase64))).text).toContain('Copy 2');

    const details = (
      app.core.db.sqlite
        .prepare(`SELECT details FROM audit_log WHERE action = 'print.prescription' ORDER BY seq`)
        .all() as { details: string }[]
    ).map((r) => r.details);
    expect(details).toEqual([
      `prescription ${rx.id}, ${rx.number}, original, A5, en (sent to printer)`,
      `prescription ${rx.id}, ${rx.number}, copy 1, A5, en (sent to printer)`,
      `prescription ${rx.id}, ${rx.number}, copy 2, A5, en (preview)`,
    ]);
  });

  it('prints on A4 in Hindi: the fixed words and the dose sentences in Hindi, names and notes as typed', async () => {
    book = await openPrintingBook({ withPrinter: true });
    const rx = await signedPrescription(book);
    await setPrint(book, book.admin, 'A4', 'hi');
    const printed = await book.app.call(book.admin, 'print.prescription', { prescriptionId: rx.id });
    const pdf = decode(printed.pdfBase64);
    savePdfForLooking('prescription-hi-a4', pdf);
    const { pages, text } = await pageTexts(pdf);
    expect(pages[0]).toMatchObject({ width: expect.closeTo(A4.width, 0), height: expect.closeTo(A4.height, 0) });
    for (const expected of [
      'Dr Amara Okafor',
      'MBBS, DCH',
      'MMC 2011/04/1234',
      rx.number,
      `MRN ${rx.mrn}`,
      'Penicillin',
      'Paracetamol 250 mg/5 mL syrup',
      'Cetirizine 5 mg tablet',
      '21.5 kg',
      'Dissolve 1 sachet in 1 litre of boiled water; sip after each loose stool',
      'Dr Amara Okafor',
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const hindi of [
      'पंजीकरण सं.',
      'दिनांक: 10 मार्च 2026',
      'मरीज़',
      'आयु: 6 वर्ष',
      'महिला',
      'एलर्जी',
      // 5 mL every 6 hours after food for 3 days; ½ tablet at bedtime for 5 days.
      '3 दिन तक, हर 6 घंटे में खाने के बाद 5 मि.ली. लें',
      '5 दिन तक, दिन में एक बार सोते समय ½ गोली लें',
      'मात्रा: 60 मि.ली.',
      'मात्रा: 6 पाउच',
      'दोहराव: 1',
      'हस्ताक्षर',
    ]) {
      expect(containsIndic(text, hindi), `${hindi}\n${text}`).toBe(true);
    }
    expect(containsIndic(text, `${PATIENT.givenNames} ${PATIENT.familyName}`)).toBe(true);
    for (const word of ARABIC_WORDS) expect(text).toContain(word);
    expect(text).not.toContain('Signature');
    expect(text).not.toContain('twice a day');
    // The units are Hindi words in the dose and the quantity, not English ones.
    expect(text).not.toMatch(/\b(tablets|sachets)\b|60 mL|5 mL लें/);
  });

  it('a cancelled prescription prints CANCELLED with the reason', async () => {
    book = await openPrintingBook({ withPrinter: true });
    const rx = await signedPrescription(book);
    const current = await book.app.call(book.admin, 'prescriptions.get', { id: rx.id });
    await book.app.call(book.admin, 'prescriptions.cancel', {
      id: rx.id,
      version: current.version,
      reason: 'Wrong strength written',
    });
    const printed = await book.app.call(book.admin, 'print.prescription', { prescriptionId: rx.id });
    savePdfForLooking('prescription-cancelled', decode(printed.pdfBase64));
    const { text } = await pageTexts(decode(printed.pdfBase64));
    expect(text).toContain('CANCELLED');
    expect(text).toContain('Cancelled 10 Mar 2026, 10:00: Wrong strength written. Do not dispense.');
  });

  it('a receptionist gets FORBIDDEN on both channels; a draft and a missing prescription are refused; nothing printed or audited', async () => {
    book = await openPrintingBook({ withPrinter: true });
    const rx = await signedPrescription(book);
    const { app, admin, desk } = book;
    for (const channel of ['print.prescription', 'print.prescriptionToPrinter'] as const) {
      const refused = await app.raw(desk, channel, { prescriptionId: rx.id });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(refused)).not.toMatch(/Paracetamol|Penicillin/);
    }
    const visit = (
      app.core.db.sqlite.prepare('SELECT visit_id FROM prescriptions WHERE id = ?').get(rx.id) as { visit_id: string }
    ).visit_id;
    const draft = await app.call(admin, 'prescriptions.createDraft', { visitId: visit });
    expect(await app.raw(admin, 'print.prescription', { prescriptionId: draft.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/signed/) },
    });
    expect(
      await app.raw(admin, 'print.prescriptionToPrinter', { prescriptionId: '0190f0f0-0000-7000-8000-000000000000' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/prescription/) } });
    expect(book.printed).toHaveLength(0);
    const audited = app.core.db.sqlite
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'print.prescription'`)
      .get() as { n: number };
    expect(audited.n).toBe(0);
  });
});

describe('the prescription document', { timeout: 60_000 }, () => {
  beforeAll(() => registerPdfFonts(FONTS_DIR));

  function model(overrides: Partial<PrescriptionPrintModel> = {}): PrescriptionPrintModel {
    return {
      printedAt: '2026-03-10T09:00:00.000Z',
      printedBy: 'Dr Priya Mehta',
      clinic: {
        clinicName: 'Shanti Clinic',
        address: 'FC Road, Pune 411004',
        phone: '+91 20 2567 0000',
        letterhead: '',
        timeZone: 'Asia/Kolkata',
      },
      paperSize: 'A5',
      language: 'en',
      number: 'RX-20260310-ABC123',
      status: 'signed',
      signedAt: '2026-03-10T08:30:00.000Z',
      cancelledAt: null,
      cancelReason: '',
      copy: 0,
      doctor: { name: 'Dr Priya Mehta', qualifications: 'MBBS, MD', registrationNumber: 'MMC 1234' },
      patient: {
        name: 'Ravi Kulkarni',
        mrn: 'A-000123',
        birthDate: '1970-01-01',
        birthDateEstimated: true,
        sex: 'male',
      },
      weight: null,
      allergies: [],
      noKnownAllergies: false,
      items: [
        {
          item: prescriptionItemInputSchema.parse({
            kind: 'structured',
            name: 'Amoxicillin 500 mg capsule',
            form: 'capsule',
            route: 'oral',
            lines: [{ amount: 1, unit: 'capsule', frequency: 'tds', duration: { value: 5, unit: 'days' } }],
            quantity: { value: 15, unit: 'capsules' },
          }),
          overrides: [{ message: 'Allergy to penicillins recorded', reason: 'Tolerated amoxicillin in 2024' }],
        },
      ],
      ...overrides,
    };
  }

  it('shows a safety override with its reason, "Allergies not recorded" and "No known allergies", and an estimated age', async () => {
    const notRecorded = squash(
      (await readPdf(await renderPdf(buildPrescriptionDocument(model())))).map((p) => p.text).join(' '),
    );
    expect(notRecorded).toContain(
      'Safety alert overridden: Allergy to penicillins recorded. Reason: Tolerated amoxicillin in 2024',
    );
    expect(notRecorded).toContain('Allergies not recorded');
    expect(notRecorded).toContain('Age: about 56 y');
    expect(notRecorded).toContain('Male');
    expect(notRecorded).not.toContain('Weight');
    const nka = await renderPdf(buildPrescriptionDocument(model({ noKnownAllergies: true, language: 'hi' })));
    savePdfForLooking('prescription-override-hi', nka);
    const text = squash((await readPdf(nka)).map((p) => p.text).join(' '));
    expect(containsIndic(text, 'कोई ज्ञात एलर्जी नहीं')).toBe(true);
    expect(containsIndic(text, 'सुरक्षा चेतावनी')).toBe(true);
    expect(text).toContain('Tolerated amoxicillin in 2024');
  });

  it('a taper prints each step on its own line, numbered, in English and in Hindi', async () => {
    const taper = {
      item: prescriptionItemInputSchema.parse({
        kind: 'structured',
        name: 'Prednisolone 10 mg tablet',
        form: 'tablet',
        route: 'oral',
        lines: [
          { amount: 4, unit: 'tablet', frequency: 'od', duration: { value: 3, unit: 'days' } },
          { amount: 1, unit: 'tablet', frequency: 'od', duration: { value: 2, unit: 'days' } },
        ],
      }),
      overrides: [],
    };
    const en = squash(
      (await readPdf(await renderPdf(buildPrescriptionDocument(model({ items: [taper] })))))
        .map((p) => p.text)
        .join(' '),
    );
    expect(en).toContain('Step 1: 4 tablets once a day for 3 days');
    expect(en).toContain('Step 2: 1 tablet once a day for 2 days');
    expect(en).not.toContain(', then');
    const hiPdf = await renderPdf(buildPrescriptionDocument(model({ items: [taper], language: 'hi' })));
    savePdfForLooking('prescription-taper-hi', hiPdf);
    const hi = squash((await readPdf(hiPdf)).map((p) => p.text).join(' '));
    expect(containsIndic(hi, 'चरण 1: 3 दिन तक, दिन में एक बार 4 गोलियाँ लें'), hi).toBe(true);
    expect(containsIndic(hi, 'चरण 2: 2 दिन तक, दिन में एक बार 1 गोली लें'), hi).toBe(true);
  });

  it('a long prescription runs onto more pages with the page count in the footer', async () => {
    const many = Array.from({ length: 14 }, () => model().items[0]!);
    const pdf = await renderPdf(buildPrescriptionDocument(model({ items: many })));
    const pages = await readPdf(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(squash(pages.at(-1)!.text)).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(squash(pages.map((p) => p.text).join(' '))).toContain('14.');
  });
});
