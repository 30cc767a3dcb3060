import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { ageText } from '../../../shared/format/age';
import { clinicDate, clinicDateTime, clinicTime, longDate } from './clinic-time';
import type { PrintSex } from './day-list-document';
import { buildLetterhead } from './letterhead';
import { pageSetup } from './page-setup';
import { PDF_FONT } from './pdf-fonts';
import type { PrintClinic, PrintedBy } from './print-clinic';
import { printText } from './print-text';
import { printedFooter } from './printed-footer';

/** One note of the visit as printed: SOAP sections or free text, with its signature and addenda. */
export interface SummaryNote {
  format: 'soap' | 'free';
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  body: string;
  authorName: string;
  /** UTC instant; null while the note is unsigned (printed as a draft). */
  signedAt: string | null;
  signedByName: string | null;
  addenda: readonly { body: string; authorName: string; at: string }[];
}

/** What a visit summary shows. Mapped from the chart by visit-summary-source.ts. */
export interface VisitSummaryInput extends PrintedBy {
  clinic: PrintClinic;
  patient: { name: string; mrn: string; birthDate: string; birthDateEstimated: boolean; sex: PrintSex };
  visit: { startedAt: string; finishedAt: string | null; doctorName: string; reason: string };
  /** Printed lines, e.g. "BP 128/82 mm[Hg]", already with units; empty when none were taken. */
  vitals: readonly { takenAt: string; values: readonly string[] }[];
  diagnoses: readonly { code: string | null; description: string }[];
  notes: readonly SummaryNote[];
  medications: readonly { name: string; detail: string }[];
  allergies: readonly { substance: string; detail: string }[];
  /** The patient's explicit "no known allergies" statement; false when allergies were never recorded. */
  noKnownAllergies: boolean;
  immunizations: readonly { vaccine: string; detail: string }[];
}

const SEX_WORD: Record<PrintSex, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Sex unknown' };
const MUTED = '#555555';

function heading(text: string): Content {
  return { text, bold: true, fontSize: 11.5, margin: [0, 10, 0, 3] };
}

function emptyLine(text: string): Content {
  return { text, italics: true, color: MUTED };
}

/** A bulleted list of patient or clinic text (each item may mix scripts). */
function list(items: readonly Content[], empty: string): Content {
  return items.length === 0 ? emptyLine(empty) : { ul: [...items], margin: [0, 0, 0, 2] };
}

function labelled(label: string, text: string): Content | null {
  if (!text.trim()) return null;
  return { stack: [{ text: label, bold: true, fontSize: 9, color: MUTED }, printText(text)], margin: [0, 2, 0, 2] };
}

function noteContent(note: SummaryNote, tz: string): Content[] {
  const parts: (Content | null)[] =
    note.format === 'soap'
      ? [
          labelled('Subjective', note.subjective),
          labelled('Objective', note.objective),
          labelled('Assessment', note.assessment),
          labelled('Plan', note.plan),
        ]
      : [printText(note.body)];
  const signature =
    note.signedAt === null
      ? `Draft by ${note.authorName}, not signed`
      : `Signed by ${note.signedByName ?? note.authorName}, ${clinicDateTime(note.signedAt, tz)}`;
  const out: Content[] = parts.filter((p): p is Content => p !== null);
  out.push(printText(signature, { fontSize: 8.5, color: MUTED, margin: [0, 2, 0, 2] }));
  for (const addendum of note.addenda) {
    out.push({
      stack: [
        printText(`Addendum, ${addendum.authorName}, ${clinicDateTime(addendum.at, tz)}`, {
          bold: true,
          fontSize: 9,
          color: MUTED,
        }),
        printText(addendum.body),
      ],
      margin: [12, 2, 0, 2],
    });
  }
  return out;
}

/**
 * What the patient takes home and the next doctor reads: who, when, with whom, the vitals taken,
 * the diagnoses, the notes (signed or marked as a draft), current medications, allergies and the
 * immunizations given. Every patient or clinic text goes through printText (any script, bidi).
 */
export function buildVisitSummaryDocument(input: VisitSummaryInput): TDocumentDefinitions {
  const setup = pageSetup(input.clinic.paperSize);
  const tz = input.clinic.timeZone;
  const visitDay = clinicDate(input.visit.startedAt, tz);
  const age = ageText(input.patient.birthDate || null, visitDay, input.patient.birthDateEstimated) || 'age unknown';
  const born = input.patient.birthDate ? `born ${longDate(input.patient.birthDate)}` : '';

  const finishedDay = input.visit.finishedAt ? clinicDate(input.visit.finishedAt, tz) : null;
  const when = !input.visit.finishedAt
    ? `${longDate(visitDay)}, ${clinicTime(input.visit.startedAt, tz)} (in progress)`
    : finishedDay === visitDay
      ? `${longDate(visitDay)}, ${clinicTime(input.visit.startedAt, tz)}–${clinicTime(input.visit.finishedAt, tz)}`
      : `${clinicDateTime(input.visit.startedAt, tz)} – ${clinicDateTime(input.visit.finishedAt, tz)}`;

  const content: Content[] = [
    buildLetterhead(input.clinic, setup.contentWidth),
    { text: 'Visit summary', bold: true, fontSize: 15, margin: [0, 0, 0, 4] },
    printText(input.patient.name, { bold: true, fontSize: 13 }),
    printText([`MRN ${input.patient.mrn}`, SEX_WORD[input.patient.sex], age, born].filter(Boolean).join(' · '), {
      color: MUTED,
    }),
    { text: [{ text: 'Visit: ', bold: true }, when], margin: [0, 6, 0, 0] },
    { text: [{ text: 'Doctor: ', bold: true }, printText(input.visit.doctorName)] },
  ];
  if (input.visit.reason.trim()) {
    content.push({ text: [{ text: 'Reason: ', bold: true }, printText(input.visit.reason)] });
  }

  content.push(heading('Vital signs'));
  content.push(
    input.vitals.length === 0
      ? emptyLine('None recorded at this visit.')
      : {
          stack: input.vitals.map((set) => ({
            text: [{ text: `${clinicTime(set.takenAt, tz)}  `, bold: true }, set.values.join(' · ')],
            margin: [0, 0, 0, 2],
          })),
        },
  );

  content.push(heading('Diagnoses'));
  content.push(
    list(
      input.diagnoses.map((d) =>
        d.code
          ? { text: [{ text: `${d.code}  `, bold: true }, printText(d.description)] }
          : printText(`${d.description} (not coded)`),
      ),
      'None recorded at this visit.',
    ),
  );

  content.push(heading('Notes'));
  if (input.notes.length === 0) content.push(emptyLine('No note was written.'));
  for (const note of input.notes) content.push({ stack: noteContent(note, tz), margin: [0, 0, 0, 6] });

  content.push(heading('Current medications'));
  content.push(
    list(
      input.medications.map((m) => ({ stack: [printText(m.name, { bold: true }), printText(m.detail)] })),
      'No current medications recorded.',
    ),
  );

  content.push(heading('Allergies'));
  content.push(
    input.allergies.length > 0
      ? list(
          input.allergies.map((a) => ({
            stack: [printText(a.substance, { bold: true }), printText(a.detail)],
          })),
          '',
        )
      : emptyLine(input.noKnownAllergies ? 'No known allergies.' : 'Allergies not recorded.'),
  );

  if (input.immunizations.length > 0) {
    content.push(heading('Immunizations given'));
    content.push(
      list(
        input.immunizations.map((i) => ({ stack: [printText(i.vaccine, { bold: true }), printText(i.detail)] })),
        '',
      ),
    );
  }

  return {
    info: { title: 'Visit summary', creator: 'Chartbook', producer: 'Chartbook' },
    pageSize: setup.pageSize,
    pageOrientation: 'portrait',
    pageMargins: setup.pageMargins,
    defaultStyle: { font: PDF_FONT.text, fontSize: 10 },
    footer: printedFooter(input, tz, setup.pageMargins),
    content,
  };
}
