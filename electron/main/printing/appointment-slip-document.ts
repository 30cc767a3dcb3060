import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { clinicDate, clinicTime, longDate } from './clinic-time';
import { buildLetterhead } from './letterhead';
import { slipPageSetup } from './page-setup';
import { PDF_FONT } from './pdf-fonts';
import type { PrintClinic, PrintedBy } from './print-clinic';
import { printText } from './print-text';
import { printedLine } from './printed-footer';

/** What the patient takes home after booking. Mapped from an appointment by the caller. */
export interface AppointmentSlipInput extends PrintedBy {
  clinic: PrintClinic;
  patient: { name: string; mrn: string };
  /** UTC ISO-8601 instants; printed as the clinic's date and wall-clock time. */
  startsAt: string;
  endsAt: string;
  doctorName: string;
  /** e.g. "New visit", "Follow-up". */
  visitType: string;
  /** Queue token of a walk-in; null for a booked appointment. */
  token: number | null;
  /** Instructions for the patient, e.g. "Please arrive 10 minutes early"; '' for none. */
  note: string;
}

/** Slips stay this narrow so one fits a half sheet of A4/Letter, or an A5 page, with room to spare. */
const SLIP_MAX_WIDTH = 340;
const LABEL_WIDTH = 40;

function field(label: string, value: Content): Content[] {
  return [{ text: label, color: '#555555', noWrap: true }, value];
}

/**
 * An appointment slip: who, when, with whom, and what to bring or do. Printed on the clinic's slip
 * page (an A6 card by default, or a receipt roll); on a full sheet it fits the top half.
 */
export function buildAppointmentSlipDocument(input: AppointmentSlipInput): TDocumentDefinitions {
  const setup = slipPageSetup(input.clinic.slipSize ?? 'A6', input.clinic.paperSize);
  const tz = input.clinic.timeZone;
  const width = Math.min(setup.contentWidth, SLIP_MAX_WIDTH);
  const when = `${clinicTime(input.startsAt, tz)}–${clinicTime(input.endsAt, tz)}`;

  const rows: Content[][] = [
    field('Patient', printText(input.patient.name, { bold: true, fontSize: 12 })),
    field('MRN', printText(input.patient.mrn)),
    field('Date', { text: longDate(clinicDate(input.startsAt, tz)), bold: true }),
    field('Time', { text: when, bold: true }),
    field('Doctor', printText(input.doctorName)),
    field('Visit', printText(input.visitType)),
  ];
  if (input.token !== null) rows.push(field('Token', { text: String(input.token), bold: true, fontSize: 14 }));

  const content: Content[] = [
    buildLetterhead(input.clinic, width),
    { text: 'Appointment slip', bold: true, fontSize: 14, margin: [0, 0, 0, 6] },
    {
      layout: 'noBorders',
      table: { widths: [LABEL_WIDTH, width - LABEL_WIDTH - 8], body: rows },
    },
  ];
  if (input.note.trim()) {
    content.push(printText(input.note, { fontSize: 10, bold: true, margin: [0, 10, 0, 0] }));
  }
  // In the content, not a page footer, so the slip stays in the top half of the sheet.
  content.push(printText(printedLine(input, tz), { fontSize: 7, color: '#555555', margin: [0, 12, 0, 0] }));

  return {
    info: { title: 'Appointment slip', creator: 'Chartbook', producer: 'Chartbook' },
    pageSize: setup.pageSize,
    pageOrientation: 'portrait',
    pageMargins: setup.pageMargins,
    defaultStyle: { font: PDF_FONT.text, fontSize: 10 },
    content,
  };
}
