import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { ageSexText } from '../../../shared/format/age';
import type { SEXES } from '../../../shared/domain/patient';
import { clinicTime, longDate } from './clinic-time';
import { buildLetterhead } from './letterhead';
import { pageSetup } from './page-setup';
import { PDF_FONT } from './pdf-fonts';
import type { PrintClinic, PrintedBy } from './print-clinic';
import { printText } from './print-text';
import { printedFooter } from './printed-footer';

export type PrintSex = (typeof SEXES)[number];

/** One row of a doctor's day list. Mapped from an appointment and its patient by the caller. */
export interface DayListAppointment {
  /** UTC ISO-8601 instants; printed as the clinic's wall-clock time. */
  startsAt: string;
  endsAt: string;
  /** Queue token of a walk-in; null for a booked appointment. */
  token: number | null;
  patient: {
    name: string;
    mrn: string;
    /** YYYY-MM-DD, or '' when unknown. */
    birthDate: string;
    birthDateEstimated: boolean;
    sex: PrintSex;
    /** The number to call, already formatted; '' when none. */
    phone: string;
  };
  /** e.g. "New visit", "Follow-up". */
  visitType: string;
  /** Free text the receptionist typed; '' when none. */
  reason: string;
  /** Display label, e.g. "Booked", "Checked in", "Cancelled". */
  status: string;
}

export interface DayListInput extends PrintedBy {
  clinic: PrintClinic;
  doctorName: string;
  /** The clinic-local day the list is for, YYYY-MM-DD. */
  date: string;
  appointments: readonly DayListAppointment[];
}

const TABLE_FONT_SIZE = 8.5;
const HEADINGS = ['Time', 'Token', 'Patient / MRN', 'Age/Sex', 'Phone', 'Visit', 'Status'] as const;

/** "41 y / M": the age as every screen shows it (shared/format/age.ts), and the sex's letter. */
function ageSex(patient: DayListAppointment['patient'], onDate: string): string {
  return ageSexText(patient.birthDate || null, onDate, patient.birthDateEstimated, patient.sex);
}

function row(appointment: DayListAppointment, input: DayListInput): TableCell[] {
  const tz = input.clinic.timeZone;
  const visit: Content[] = [printText(appointment.visitType)];
  if (appointment.reason.trim()) visit.push(printText(appointment.reason, { color: '#444444' }));
  return [
    { text: `${clinicTime(appointment.startsAt, tz)}–${clinicTime(appointment.endsAt, tz)}`, noWrap: true },
    { text: appointment.token === null ? '' : String(appointment.token), alignment: 'center' },
    {
      stack: [
        printText(appointment.patient.name, { bold: true }),
        printText(appointment.patient.mrn, { color: '#444444' }),
      ],
    },
    { text: ageSex(appointment.patient, input.date), noWrap: true },
    printText(appointment.patient.phone, { noWrap: true }),
    { stack: visit },
    printText(appointment.status),
  ];
}

/** The list a doctor and the front desk work from: one row per appointment, in time order. */
export function buildDayListDocument(input: DayListInput): TDocumentDefinitions {
  // Seven columns do not fit across A5 portrait; an A5 day list prints landscape on the same paper.
  const landscape = input.clinic.paperSize === 'A5';
  const setup = pageSetup(input.clinic.paperSize, landscape ? 'landscape' : 'portrait');
  const dateText = longDate(input.date);
  const appointments = [...input.appointments].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || (a.token ?? 0) - (b.token ?? 0),
  );

  const header: TableCell[] = HEADINGS.map((h) => ({ text: h, bold: true, noWrap: true, fillColor: '#e8e8e8' }));
  const body: TableCell[][] = [header, ...appointments.map((a) => row(a, input))];
  if (appointments.length === 0) {
    body.push([{ text: 'No appointments.', colSpan: HEADINGS.length }, '', '', '', '', '', '']);
  }

  return {
    info: { title: `Day list – ${input.doctorName} – ${input.date}`, creator: 'Chartbook', producer: 'Chartbook' },
    pageSize: setup.pageSize,
    pageOrientation: landscape ? 'landscape' : 'portrait',
    pageMargins: setup.pageMargins,
    defaultStyle: { font: PDF_FONT.text, fontSize: 10 },
    // Pages after the first repeat who and when, so a loose page is still identifiable.
    header: (currentPage) =>
      currentPage === 1
        ? null
        : {
            margin: [setup.pageMargins[0], 16, setup.pageMargins[2], 0],
            ...printText(`Day list · ${input.doctorName} · ${dateText} (continued)`, { fontSize: 8, color: '#555555' }),
          },
    footer: printedFooter(input, input.clinic.timeZone, setup.pageMargins),
    content: [
      buildLetterhead(input.clinic, setup.contentWidth),
      { text: 'Day list', bold: true, fontSize: 16 },
      printText(input.doctorName, { bold: true, fontSize: 12, margin: [0, 2, 0, 0] }),
      { text: dateText, fontSize: 11, margin: [0, 0, 0, 2] },
      {
        text: `${appointments.length} appointment${appointments.length === 1 ? '' : 's'}`,
        fontSize: 9,
        color: '#555555',
        margin: [0, 0, 0, 8],
      },
      {
        fontSize: TABLE_FONT_SIZE,
        layout: 'lightHorizontalLines',
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: ['auto', 'auto', '*', 'auto', 'auto', '*', 'auto'],
          body,
        },
      },
    ],
  };
}
