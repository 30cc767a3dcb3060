import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { ageText } from '../../../../shared/format/age';
import type { LabFlag, LabResultView } from '../../../../shared/domain/lab';
import { labRangeText, labValueText, resultPriority } from '../../../../shared/domain/lab-review';
import { clinicDate, clinicDateTime, longDate } from '../../printing/clinic-time';
import type { PrintSex } from '../../printing/day-list-document';
import { buildLetterhead } from '../../printing/letterhead';
import { pageSetup } from '../../printing/page-setup';
import { PDF_FONT } from '../../printing/pdf-fonts';
import type { PrintClinic, PrintedBy } from '../../printing/print-clinic';
import { printText } from '../../printing/print-text';
import { printedFooter } from '../../printing/printed-footer';

/** One report as printed: what it is, when, from which lab, its results and the doctor's review. */
export interface PrintedLabReport {
  name: string;
  code: string;
  observedAt: string;
  performer: string;
  status: string;
  orderNumber: string | null;
  comment: string;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewComment: string;
  results: readonly LabResultView[];
}

export interface LabResultsInput extends PrintedBy {
  clinic: PrintClinic;
  patient: { name: string; mrn: string; birthDate: string; birthDateEstimated: boolean; sex: PrintSex };
  reports: readonly PrintedLabReport[];
}

const SEX_WORD: Record<PrintSex, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Sex unknown' };
const MUTED = '#555555';
const ALERT = '#9b1c1c';

/** The flag as a word a patient can read, printed beside the value (never colour alone). */
export const FLAG_WORD: Record<LabFlag, string> = {
  N: '',
  L: 'Low',
  H: 'High',
  LL: 'Critically low',
  HH: 'Critically high',
  A: 'Abnormal',
  AA: 'Critically abnormal',
};

function flagWord(r: LabResultView): string {
  const word = r.flag ? FLAG_WORD[r.flag] : '';
  if (r.critical && !word.startsWith('Critically')) return word ? `Critical (${word.toLowerCase()})` : 'Critical';
  return word;
}

function resultRow(r: LabResultView): TableCell[] {
  const flagged = resultPriority(r) !== 'normal';
  const notes = [r.comment, r.deltaNote, r.status === 'preliminary' ? 'Preliminary' : ''].filter(Boolean).join(' · ');
  return [
    { stack: [printText(r.name), ...(notes ? [printText(notes, { fontSize: 8, color: MUTED })] : [])] },
    printText(labValueText(r), { bold: flagged }),
    printText(flagWord(r), { bold: flagged, color: flagged ? ALERT : MUTED }),
    printText(labRangeText(r), { color: MUTED }),
  ];
}

function reportContent(report: PrintedLabReport, tz: string): Content[] {
  const about = [
    `Sample taken ${clinicDateTime(report.observedAt, tz)}`,
    report.performer ? `Lab: ${report.performer}` : '',
    report.orderNumber ? `Order ${report.orderNumber}` : '',
    report.status === 'final' ? '' : report.status === 'preliminary' ? 'Preliminary report' : `Report ${report.status}`,
  ].filter(Boolean);
  const out: Content[] = [
    printText(report.name, { bold: true, fontSize: 11.5, margin: [0, 10, 0, 1] }),
    printText(about.join(' · '), { fontSize: 8.5, color: MUTED, margin: [0, 0, 0, 4] }),
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', 'auto', 'auto', 'auto'],
        body: [
          ['Test', 'Result', 'Flag', 'Reference range'].map((h) => ({ text: h, bold: true, fontSize: 9 })),
          ...report.results.filter((r) => r.status !== 'cancelled').map(resultRow),
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  if (report.comment.trim())
    out.push(printText(`Lab comment: ${report.comment}`, { fontSize: 9, margin: [0, 3, 0, 0] }));
  if (report.reviewedAt) {
    const by = `Reviewed by ${report.reviewedByName ?? 'the doctor'}, ${clinicDateTime(report.reviewedAt, tz)}`;
    out.push(
      printText(report.reviewComment ? `${by}: ${report.reviewComment}` : by, { fontSize: 9, margin: [0, 3, 0, 0] }),
    );
  }
  return out;
}

/**
 * The patient's lab results (issue 11, part 7): who, then each chosen report with its values, a
 * flag in words beside every value out of range (bold, never colour alone), the reference range, the
 * lab's comment and the doctor's review. Every patient, clinic or lab text goes through printText
 * (any script, bidi).
 */
export function buildLabResultsDocument(input: LabResultsInput): TDocumentDefinitions {
  const setup = pageSetup(input.clinic.paperSize);
  const tz = input.clinic.timeZone;
  const today = clinicDate(input.printedAt, tz);
  const age = ageText(input.patient.birthDate || null, today, input.patient.birthDateEstimated) || 'age unknown';
  const born = input.patient.birthDate ? `born ${longDate(input.patient.birthDate)}` : '';
  const content: Content[] = [
    buildLetterhead(input.clinic, setup.contentWidth),
    { text: 'Laboratory results', bold: true, fontSize: 15, margin: [0, 0, 0, 4] },
    printText(input.patient.name, { bold: true, fontSize: 13 }),
    printText([`MRN ${input.patient.mrn}`, SEX_WORD[input.patient.sex], age, born].filter(Boolean).join(' · '), {
      color: MUTED,
    }),
  ];
  for (const report of input.reports) content.push({ stack: reportContent(report, tz), unbreakable: false });
  return {
    info: { title: 'Laboratory results', creator: 'Chartbook', producer: 'Chartbook' },
    pageSize: setup.pageSize,
    pageOrientation: 'portrait',
    pageMargins: setup.pageMargins,
    defaultStyle: { font: PDF_FONT.text, fontSize: 10 },
    footer: printedFooter(input, tz, setup.pageMargins),
    content,
  };
}
