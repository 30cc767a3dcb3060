import type { Content, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';
import { ageOn, type Age } from '../../../shared/dates';
import type { PrescriptionItemInput } from '../../../shared/domain/prescription';
import type { PRESCRIPTION_PAPER_SIZES } from '../../../shared/domain/settings';
import { doseLineIn, doseSentence, quantityIn } from '../../../shared/rx-print/dose-sentence';
import {
  PRESCRIPTION_WORDS,
  localDigits,
  printWord,
  type PrintLanguage,
} from '../../../shared/rx-print/print-language';
import { clinicDate } from './clinic-time';
import type { PrintSex } from './day-list-document';
import { buildLetterhead } from './letterhead';
import { pageSetup } from './page-setup';
import { PDF_FONT } from './pdf-fonts';
import type { PrintClinic, PrintedBy } from './print-clinic';
import { printText } from './print-text';

export type PrescriptionPaperSize = (typeof PRESCRIPTION_PAPER_SIZES)[number];

/** One numbered item as printed: the item as written (the sentence is built per language) and its overrides. */
export interface PrintedItem {
  item: PrescriptionItemInput;
  /** Safety alerts the doctor went on despite, each with the reason given (shown on the prescription). */
  overrides: readonly { message: string; reason: string }[];
}

/**
 * What the printed prescription shows (issue 10, part 5): pure data, filled from the prescription
 * record by prescription-source.ts and laid out by buildPrescriptionDocument.
 */
export interface PrescriptionPrintModel extends PrintedBy {
  clinic: Omit<PrintClinic, 'paperSize'>;
  paperSize: PrescriptionPaperSize;
  language: PrintLanguage;
  /** "RX-20260310-AB12CD", given when signed. */
  number: string | null;
  status: 'signed' | 'cancelled';
  /** When it was signed (UTC instant): the prescription's date. */
  signedAt: string;
  cancelledAt: string | null;
  cancelReason: string;
  /** 0 for the original; n for the n-th reprint (marked COPY). */
  copy: number;
  doctor: { name: string; qualifications: string; registrationNumber: string };
  patient: { name: string; mrn: string; birthDate: string; birthDateEstimated: boolean; sex: PrintSex };
  /** The latest weight, for children only (null for adults, or a child never weighed). */
  weight: { kg: number; takenAt: string } | null;
  allergies: readonly { substance: string; detail: string }[];
  /** The patient's explicit "no known allergies"; false with no allergies means never recorded. */
  noKnownAllergies: boolean;
  items: readonly PrintedItem[];
}

const MUTED = '#555555';
const ALERT = '#8a1c1c';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatIn(locale: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  let f = dateFormats.get(`${locale}|${key}`);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(`${locale}|${key}`, f);
  }
  return f;
}

/** A calendar date (YYYY-MM-DD) with the month spelled out in the language: "10 March 2026", "10 मार्च 2026". */
export function printDate(isoDate: string, lang: PrintLanguage): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const f = formatIn(
    PRESCRIPTION_WORDS[lang].locale,
    { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' },
    'date',
  );
  return localDigits(f.format(new Date(Date.UTC(y, m - 1, d))), PRESCRIPTION_WORDS[lang].digits);
}

/** An instant on the clinic's clock, "10 Mar 2026, 14:05", in the language. */
export function printDateTime(iso: string, timeZone: string, lang: PrintLanguage): string {
  const f = formatIn(
    PRESCRIPTION_WORDS[lang].locale,
    { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    `dt:${timeZone}`,
  );
  return localDigits(f.format(new Date(iso)), PRESCRIPTION_WORDS[lang].digits);
}

/** Age as the language writes it: years from 2, months under 2 years, days under a month. */
export function printAge(age: Age, lang: PrintLanguage): string {
  if (age.years >= 2) return printWord(lang, 'ageYears', { n: age.years });
  if (age.years >= 1 || age.months >= 1) return printWord(lang, 'ageMonths', { n: age.years * 12 + age.months });
  return printWord(lang, 'ageDays', { n: age.days });
}

const n1 = (value: number) => String(Math.round(value * 10) / 10);

function itemContent(printed: PrintedItem, lang: PrintLanguage): Content {
  const { item } = printed;
  const lines: Content[] = [printText(item.name, { bold: true })];
  if (item.kind === 'structured' && item.lines.length > 1) {
    // A taper: each step on its own line, in the order taken, so the patient can follow it day by day.
    item.lines.forEach((line, i) =>
      lines.push(
        printText(printWord(lang, 'step', { n: i + 1, dose: doseLineIn(line, lang) }), {
          margin: [6, i === 0 ? 1 : 0, 0, 0],
        }),
      ),
    );
  } else {
    lines.push(printText(doseSentence(item, lang), { margin: [0, 1, 0, 0] }));
  }
  const supply: string[] = [];
  if (item.quantity) {
    supply.push(printWord(lang, 'quantity', { quantity: quantityIn(item.quantity, lang) }));
  }
  supply.push(item.repeats > 0 ? printWord(lang, 'repeats', { n: item.repeats }) : printWord(lang, 'noRepeats'));
  lines.push(printText(supply.join(' · '), { fontSize: 9, color: MUTED }));
  if (item.kind === 'structured' && item.instructions.trim()) {
    lines.push(printText(printWord(lang, 'instructions', { text: item.instructions }), { fontSize: 9 }));
  }
  for (const o of printed.overrides) {
    lines.push(
      printText(printWord(lang, 'override', { alert: o.message, reason: o.reason }), {
        fontSize: 8.5,
        color: ALERT,
        margin: [0, 1, 0, 0],
      }),
    );
  }
  return { stack: lines, margin: [0, 0, 0, 7] };
}

function footer(model: PrescriptionPrintModel, margins: [number, number, number, number]): DynamicContent {
  const lang = model.language;
  const line = printWord(lang, 'printed', {
    when: printDateTime(model.printedAt, model.clinic.timeZone, lang),
    who: model.printedBy,
  });
  const [left, , right] = margins;
  return (currentPage, pageCount) => ({
    margin: [left, 14, right, 0],
    columns: [
      printText(line, { fontSize: 7, color: MUTED }),
      {
        width: 'auto',
        ...printText(printWord(lang, 'page', { current: currentPage, count: pageCount }), {
          fontSize: 7,
          color: MUTED,
          alignment: 'right',
        }),
      },
    ],
  });
}

/**
 * The printed prescription: the clinic's letterhead; the doctor's name, qualifications and
 * registration number; the date and number; the patient (name in any script, age, sex, MRN, a
 * child's weight, allergies); the numbered items with the dose in the printout's language,
 * quantity, repeats, instructions and any safety override with its reason; the signature line.
 * A reprint is marked COPY and a cancelled prescription CANCELLED, across the page and in words.
 */
export function buildPrescriptionDocument(model: PrescriptionPrintModel): TDocumentDefinitions {
  const lang = model.language;
  const setup = pageSetup(model.paperSize);
  const tz = model.clinic.timeZone;
  const day = clinicDate(model.signedAt, tz);
  const small = model.paperSize === 'A5';

  const age = model.patient.birthDate ? ageOn(model.patient.birthDate, day) : null;
  const ageText = age
    ? model.patient.birthDateEstimated
      ? printWord(lang, 'ageAbout', { age: printAge(age, lang) })
      : printAge(age, lang)
    : printWord(lang, 'ageUnknown');

  const content: Content[] = [buildLetterhead({ ...model.clinic, paperSize: model.paperSize }, setup.contentWidth)];

  if (model.status === 'cancelled') {
    content.push(
      printText(printWord(lang, 'cancelled'), { bold: true, fontSize: 13, color: ALERT }),
      printText(
        printWord(lang, 'cancelledNote', {
          when: model.cancelledAt ? printDateTime(model.cancelledAt, tz, lang) : '',
          reason: model.cancelReason,
        }),
        { color: ALERT, margin: [0, 0, 0, 6] },
      ),
    );
  }
  if (model.copy > 0) {
    content.push(
      printText(printWord(lang, 'copy'), { bold: true, fontSize: 12 }),
      printText(printWord(lang, 'copyNote', { n: model.copy, when: printDateTime(model.printedAt, tz, lang) }), {
        fontSize: 8.5,
        color: MUTED,
        margin: [0, 0, 0, 6],
      }),
    );
  }

  // The doctor on the left; the date and the prescription's number on the right.
  const doctor: Content[] = [printText(model.doctor.name, { bold: true, fontSize: 11.5 })];
  if (model.doctor.qualifications) doctor.push(printText(model.doctor.qualifications, { fontSize: 9 }));
  if (model.doctor.registrationNumber) {
    doctor.push(
      printText(printWord(lang, 'registration', { number: model.doctor.registrationNumber }), { fontSize: 9 }),
    );
  }
  const when: Content[] = [printText(`${printWord(lang, 'date')}: ${printDate(day, lang)}`, { alignment: 'right' })];
  if (model.number) when.push(printText(model.number, { fontSize: 8.5, color: MUTED, alignment: 'right' }));
  content.push({
    columns: [
      { stack: doctor, width: '*' },
      { stack: when, width: 'auto' },
    ],
    columnGap: 8,
  });

  // The patient.
  const who = [
    printWord(lang, 'mrn', { mrn: model.patient.mrn }),
    `${printWord(lang, 'age')}: ${ageText}`,
    PRESCRIPTION_WORDS[lang].sex[model.patient.sex],
  ];
  if (model.weight) {
    who.push(
      printWord(lang, 'weight', {
        kg: localDigits(n1(model.weight.kg), PRESCRIPTION_WORDS[lang].digits),
        date: printDate(clinicDate(model.weight.takenAt, tz), lang),
      }),
    );
  }
  const allergyLine: Content =
    model.allergies.length > 0
      ? {
          text: [
            { ...printText(`${printWord(lang, 'allergies')}: `), bold: true },
            ...model.allergies.flatMap((a, i) => {
              const parts: Content[] = [];
              if (i > 0) parts.push({ text: '; ' });
              parts.push({ ...printText(a.substance), bold: true } as Content);
              if (a.detail.trim()) parts.push({ text: ' (' }, printText(a.detail), { text: ')' });
              return parts;
            }),
          ],
          color: ALERT,
        }
      : printText(
          model.noKnownAllergies ? printWord(lang, 'noKnownAllergies') : printWord(lang, 'allergiesNotRecorded'),
          { bold: !model.noKnownAllergies, color: model.noKnownAllergies ? MUTED : ALERT },
        );
  content.push({
    stack: [
      printText(`${printWord(lang, 'patient')}: ${model.patient.name}`, { bold: true, fontSize: 12 }),
      printText(who.join(' · ')),
      allergyLine,
    ],
    margin: [0, 8, 0, 0],
  });
  content.push({
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: setup.contentWidth, y2: 0, lineWidth: 0.5, lineColor: '#aaaaaa' }],
    margin: [0, 6, 0, 6],
  });

  // Rx and the numbered items.
  content.push({ text: 'Rx', bold: true, fontSize: 16, margin: [0, 0, 0, 4] });
  content.push(
    model.items.length === 0
      ? printText(printWord(lang, 'noItems'), { color: MUTED })
      : { ol: model.items.map((i) => itemContent(i, lang)), margin: [0, 0, 0, 0] },
  );

  // The signature line, kept with the doctor's name.
  const lineWidth = Math.min(200, setup.contentWidth / 2);
  content.push({
    unbreakable: true,
    margin: [0, small ? 28 : 40, 0, 0],
    columns: [
      { text: '', width: '*' },
      {
        width: lineWidth,
        stack: [
          { canvas: [{ type: 'line', x1: 0, y1: 0, x2: lineWidth, y2: 0, lineWidth: 0.75 }] },
          printText(printWord(lang, 'signature'), { fontSize: 8.5, color: MUTED, alignment: 'center' }),
          printText(model.doctor.name, { fontSize: 9, alignment: 'center' }),
        ],
      },
    ],
  });

  const mark = model.status === 'cancelled' ? 'CANCELLED' : model.copy > 0 ? 'COPY' : null;
  return {
    info: { title: printWord(lang, 'title'), creator: 'Chartbook', producer: 'Chartbook' },
    pageSize: setup.pageSize,
    pageOrientation: 'portrait',
    pageMargins: setup.pageMargins,
    defaultStyle: { font: PDF_FONT.text, fontSize: small ? 9.5 : 10.5 },
    ...(mark
      ? {
          watermark: {
            text: mark,
            font: PDF_FONT.text,
            color: mark === 'CANCELLED' ? '#aa0000' : '#777777',
            opacity: 0.12,
            bold: true,
          },
        }
      : {}),
    footer: footer(model, setup.pageMargins),
    content,
  };
}
