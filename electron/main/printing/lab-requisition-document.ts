import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { ageText } from '../../../shared/format/age';
import { clinicDate, clinicDateTime } from './clinic-time';
import type { PrintSex } from './day-list-document';
import { buildLetterhead } from './letterhead';
import { pageSetup } from './page-setup';
import { PDF_FONT } from './pdf-fonts';
import type { PrintClinic, PrintedBy } from './print-clinic';
import { printText } from './print-text';
import { printedFooter } from './printed-footer';

/** What a lab requisition shows. Mapped from the order by lab-requisition-source.ts. */
export interface LabRequisitionInput extends PrintedBy {
  clinic: PrintClinic;
  /** "LAB-20260310-1A2B3C": the lab writes it on the sample and sends it back with the results. */
  number: string;
  orderedAt: string;
  status: string;
  cancelReason: string;
  patient: { name: string; mrn: string; birthDate: string; birthDateEstimated: boolean; sex: PrintSex };
  doctorName: string;
  labName: string;
  clinicalNote: string;
  /** Each ordered test or panel, with a panel's tests listed under it. */
  tests: readonly { code: string; name: string; members: readonly string[] }[];
}

const SEX_WORD: Record<PrintSex, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Sex unknown' };
const MUTED = '#555555';

function labelled(label: string, text: string): Content {
  return { text: [{ text: `${label}: `, bold: true }, printText(text)], margin: [0, 1, 0, 1] };
}

/**
 * The requisition that goes with the patient to the lab: letterhead, the order number in large
 * type, the patient (name in any script, MRN, sex, age, birth date), the ordering doctor, the lab,
 * the clinical note and the tests (panels with their tests). A cancelled order prints CANCELLED.
 */
export function buildLabRequisitionDocument(input: LabRequisitionInput): TDocumentDefinitions {
  const setup = pageSetup(input.clinic.paperSize);
  const tz = input.clinic.timeZone;
  const day = clinicDate(input.orderedAt, tz);
  const age = ageText(input.patient.birthDate || null, day, input.patient.birthDateEstimated) || 'age unknown';
  const content: Content[] = [
    buildLetterhead(input.clinic, setup.contentWidth),
    {
      columns: [
        { text: 'Lab requisition', bold: true, fontSize: 15 },
        { text: input.number, bold: true, fontSize: 14, alignment: 'right' },
      ],
      margin: [0, 0, 0, 6],
    },
  ];
  if (input.status === 'cancelled') {
    content.push(
      printText(`CANCELLED${input.cancelReason ? `: ${input.cancelReason}` : ''}`, {
        bold: true,
        color: '#b00020',
        fontSize: 12,
        margin: [0, 0, 0, 6],
      }),
    );
  }
  content.push(
    printText(input.patient.name, { bold: true, fontSize: 13 }),
    printText(
      [
        `MRN ${input.patient.mrn}`,
        SEX_WORD[input.patient.sex],
        age,
        input.patient.birthDate ? `born ${input.patient.birthDate}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
      { color: MUTED, margin: [0, 0, 0, 6] },
    ),
    labelled('Ordered', clinicDateTime(input.orderedAt, tz)),
    labelled('Doctor', input.doctorName),
  );
  if (input.labName.trim()) content.push(labelled('Lab', input.labName));
  if (input.clinicalNote.trim()) {
    content.push({ text: 'Clinical note', bold: true, margin: [0, 6, 0, 1] }, printText(input.clinicalNote));
  }
  content.push({ text: 'Tests', bold: true, fontSize: 11.5, margin: [0, 10, 0, 3] });
  content.push({
    table: {
      headerRows: 1,
      widths: ['auto', '*', 'auto'],
      body: [
        [
          { text: '#', bold: true },
          { text: 'Test', bold: true },
          { text: 'Code', bold: true },
        ],
        ...input.tests.map((test, n) => [
          { text: String(n + 1) },
          {
            stack: [
              printText(test.name, { bold: true }),
              ...(test.members.length > 0 ? [printText(test.members.join(', '), { fontSize: 8.5, color: MUTED })] : []),
            ],
          },
          { text: test.code },
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
  });
  content.push(
    printText('Please quote the order number above on the sample and on the report.', {
      fontSize: 8.5,
      color: MUTED,
      margin: [0, 10, 0, 0],
    }),
  );
  return {
    info: { title: `Lab requisition ${input.number}`, creator: 'Chartbook', producer: 'Chartbook' },
    pageSize: setup.pageSize,
    pageOrientation: 'portrait',
    pageMargins: setup.pageMargins,
    defaultStyle: { font: PDF_FONT.text, fontSize: 10 },
    footer: printedFooter(input, tz, setup.pageMargins),
    content,
  };
}
