import { AppError } from '../../../../shared/errors';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { buildAppointmentSlipDocument } from '../../printing/appointment-slip-document';
import { buildDayListDocument } from '../../printing/day-list-document';
import type { PrintedBy } from '../../printing/print-clinic';
import { renderPdf } from '../../printing/render-pdf';
import { appendAudit } from '../audit-service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { getClinicSettings } from '../settings-service';
import type { PdfPrinter } from './pdf-printer';
import { appointmentToPrint, appointmentsToPrint, toDayListAppointment, visitType } from './print-sources';

export interface PrintedPdf {
  filename: string;
  /** Shown in the print dialog and as the print job's name. */
  title: string;
  pdf: Buffer;
  pages: number;
}

export type PrintRequest = { kind: 'dayList'; providerId: string; date: string } | { kind: 'slip'; appointmentId: string };

export interface PrintServiceOptions {
  /** Why the PDF fonts could not be loaded at start (a message for people), or null when they were. */
  fontsProblem: string | null;
  printer?: PdfPrinter | undefined;
}

/**
 * pdfkit writes each page as its own uncompressed "/Type /Page" dictionary (the page tree is
 * "/Type /Pages"), so counting them gives the page count without parsing the whole file.
 */
export function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

/** Letters, digits and dashes only, so a file name is safe on every system. */
function fileSafe(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'doctor'
  );
}

/**
 * Builds the clinic's printed documents from the appointment book and settings, records each print
 * in the audit log (a printed list discloses patients' names), and sends PDFs to the printer port.
 */
export class PrintService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly options: PrintServiceOptions,
  ) {}

  async dayList(input: { providerId: string; date: string }, actor: Actor, purpose: 'preview' | 'printer' = 'preview'): Promise<PrintedPdf> {
    const db = this.ctx.db.sqlite;
    const { doctorName, rows } = appointmentsToPrint(db, input.providerId, input.date);
    const doc = buildDayListDocument({
      ...this.printedBy(actor),
      clinic: getClinicSettings(this.ctx),
      doctorName,
      date: input.date,
      appointments: rows.map(toDayListAppointment),
    });
    const pdf = await this.render(doc);
    appendAudit(db, {
      at: isoNow(this.ctx),
      userId: actor.userId,
      username: actor.username,
      action: 'print.day_list',
      details: `${input.date}, ${doctorName}: ${rows.length} appointments (${purpose === 'printer' ? 'sent to printer' : 'preview'})`,
    });
    return { filename: `day-list-${input.date}-${fileSafe(doctorName)}.pdf`, title: `Day list – ${doctorName} – ${input.date}`, pdf, pages: countPdfPages(pdf) };
  }

  async slip(input: { appointmentId: string }, actor: Actor, purpose: 'preview' | 'printer' = 'preview'): Promise<PrintedPdf> {
    const db = this.ctx.db.sqlite;
    const row = appointmentToPrint(db, input.appointmentId);
    const doc = buildAppointmentSlipDocument({
      ...this.printedBy(actor),
      clinic: getClinicSettings(this.ctx),
      patient: { name: row.patient_name, mrn: row.patient_mrn },
      startsAt: row.start_utc,
      endsAt: row.end_utc,
      doctorName: row.provider_name,
      visitType: row.reason.trim() || visitType(row),
      token: row.token,
      // The appointment's note is the front desk's own and may not be meant for the patient.
      note: '',
    });
    const pdf = await this.render(doc);
    appendAudit(db, {
      at: isoNow(this.ctx),
      userId: actor.userId,
      username: actor.username,
      action: 'print.slip',
      patientId: row.patient_id,
      details: `${row.clinic_date} ${row.provider_name} (${purpose === 'printer' ? 'sent to printer' : 'preview'})`,
    });
    return { filename: `appointment-slip-${row.clinic_date}-${fileSafe(row.patient_mrn)}.pdf`, title: `Appointment slip – ${row.patient_mrn}`, pdf, pages: countPdfPages(pdf) };
  }

  /** Builds the document again (with the current book) and hands it to the printer port. */
  async toPrinter(request: PrintRequest, actor: Actor): Promise<void> {
    const printer = this.options.printer;
    if (!printer) {
      throw new AppError('INTERNAL', 'No printer is connected to this copy of Chartbook. Use “Save as PDF” and print the file instead.');
    }
    const printed = request.kind === 'dayList' ? await this.dayList(request, actor, 'printer') : await this.slip(request, actor, 'printer');
    await printer.printPdf(printed.pdf, printed.title);
  }

  private async render(doc: TDocumentDefinitions): Promise<Buffer> {
    if (this.options.fontsProblem) {
      throw new AppError('INTERNAL', this.options.fontsProblem);
    }
    return renderPdf(doc);
  }

  private printedBy(actor: Actor): PrintedBy {
    const user = this.ctx.db.sqlite.prepare('SELECT display_name FROM users WHERE id = ?').get(actor.userId) as { display_name: string } | undefined;
    return { printedAt: isoNow(this.ctx), printedBy: user?.display_name ?? actor.username };
  }
}
