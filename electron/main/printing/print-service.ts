import { AppError } from '../../../shared/errors';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { buildAppointmentSlipDocument } from './appointment-slip-document';
import { buildDayListDocument } from './day-list-document';
import { buildVisitSummaryDocument } from './visit-summary-document';
import { visitSummarySource } from './visit-summary-source';
import { buildLabRequisitionDocument } from './lab-requisition-document';
import { labRequisitionSource } from './lab-requisition-source';
import { buildPrescriptionDocument } from './prescription-document';
import { SENT_TO_PRINTER, prescriptionPrintDetails, prescriptionPrintSource, priorPrints } from './prescription-source';
import type { PrintedBy } from './print-clinic';
import { renderPdf } from './render-pdf';
import type { AuditOutcome } from '../../../shared/domain/audit';
import { appendAudit, type AuditRecord } from '../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { getClinicSettings } from '../settings/settings-service';
import type { PdfPrinter, PrintOutcome } from './pdf-printer';
import { appointmentToPrint, appointmentsToPrint, toDayListAppointment, visitType } from './print-sources';
import { t } from '../i18n/translate';

export interface PrintedPdf {
  filename: string;
  /** Shown in the print dialog and as the print job's name. */
  title: string;
  pdf: Buffer;
  pages: number;
}

/** A built document and how to record in the audit log what became of it. */
export interface PrintJob {
  printed: PrintedPdf;
  record: (what: string, outcome?: AuditOutcome) => void;
}

/** What a feature that builds its own document (labs/) gets: who prints, the clinic, and the renderer. */
export interface PrintTools {
  printedBy: PrintedBy;
  clinic: ReturnType<typeof getClinicSettings>;
  render(doc: TDocumentDefinitions): Promise<Buffer>;
}
export type PrintJobMaker = (tools: PrintTools) => Promise<PrintJob>;

export type PrintRequest =
  | { kind: 'dayList'; providerId: string; date: string }
  | { kind: 'slip'; appointmentId: string }
  | { kind: 'visitSummary'; visitId: string }
  | { kind: 'prescription'; prescriptionId: string }
  | { kind: 'labRequisition'; orderId: string };

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

  /** The day list for the preview (and Save as PDF); the print is audited as a preview. */
  async dayList(input: { providerId: string; date: string }, actor: Actor): Promise<PrintedPdf> {
    const job = await this.dayListJob(input, actor);
    job.record('preview');
    return job.printed;
  }

  /** The appointment slip for the preview (and Save as PDF); the print is audited as a preview. */
  async slip(input: { appointmentId: string }, actor: Actor): Promise<PrintedPdf> {
    const job = await this.slipJob(input, actor);
    job.record('preview');
    return job.printed;
  }

  /** A visit's summary for the preview (and Save as PDF); doctors only (the contract), audited as a preview. */
  async visitSummary(input: { visitId: string }, actor: Actor): Promise<PrintedPdf> {
    const job = await this.visitSummaryJob(input, actor);
    job.record('preview');
    return job.printed;
  }

  /**
   * A signed prescription for the preview (and Save as PDF); doctors only (the contract), audited as
   * a preview. Once it has gone to a printer, the preview shows what a reprint prints: a COPY.
   */
  async prescription(input: { prescriptionId: string }, actor: Actor): Promise<PrintedPdf> {
    const job = await this.prescriptionJob(input, actor);
    job.record('preview');
    return job.printed;
  }

  /** A lab order's requisition for the preview (and Save as PDF); doctors only, audited as a preview. */
  async labRequisition(input: { orderId: string }, actor: Actor): Promise<PrintedPdf> {
    const job = await this.labRequisitionJob(input, actor);
    job.record('preview');
    return job.printed;
  }

  /** A feature's own document (built by `make`) for the preview; audited as a preview, as the others. */
  async previewOf(make: PrintJobMaker, actor: Actor): Promise<PrintedPdf> {
    const job = await make(this.tools(actor));
    job.record('preview');
    return job.printed;
  }

  /** A feature's own document to the printer port; audited with what became of it, as the others. */
  async printOf(make: PrintJobMaker, actor: Actor): Promise<PrintOutcome> {
    const printer = this.printerOrRefuse();
    return this.send(printer, await make(this.tools(actor)));
  }

  private tools(actor: Actor): PrintTools {
    return { printedBy: this.printedBy(actor), clinic: getClinicSettings(this.ctx), render: (doc) => this.render(doc) };
  }

  private printerOrRefuse(): PdfPrinter {
    const printer = this.options.printer;
    if (!printer) throw new AppError('INTERNAL', t('errors.printing.noPrinterConnectedCopyChartbook'));
    return printer;
  }

  /**
   * Builds the document again (with the current book) and hands it to the printer port. The audit
   * entry says what happened: sent to the printer, the dialog closed without printing, or a failure.
   */
  async toPrinter(request: PrintRequest, actor: Actor): Promise<PrintOutcome> {
    const printer = this.printerOrRefuse();
    const job =
      request.kind === 'dayList'
        ? await this.dayListJob(request, actor)
        : request.kind === 'slip'
          ? await this.slipJob(request, actor)
          : request.kind === 'prescription'
            ? await this.prescriptionJob(request, actor)
            : request.kind === 'labRequisition'
              ? await this.labRequisitionJob(request, actor)
              : await this.visitSummaryJob(request, actor);
    return this.send(printer, job);
  }

  private async send(printer: PdfPrinter, job: PrintJob): Promise<PrintOutcome> {
    let outcome: PrintOutcome;
    try {
      outcome = await printer.printPdf(job.printed.pdf, job.printed.title);
    } catch (error) {
      job.record('printer problem, not printed', 'failure');
      throw error;
    }
    job.record(outcome === 'printed' ? SENT_TO_PRINTER : 'print dialog closed without printing');
    return outcome;
  }

  private async dayListJob(input: { providerId: string; date: string }, actor: Actor): Promise<PrintJob> {
    const { doctorName, rows } = appointmentsToPrint(this.ctx.db.sqlite, input.providerId, input.date);
    const doc = buildDayListDocument({
      ...this.printedBy(actor),
      clinic: getClinicSettings(this.ctx),
      doctorName,
      date: input.date,
      appointments: rows.map(toDayListAppointment),
    });
    const pdf = await this.render(doc);
    return {
      printed: {
        filename: `day-list-${input.date}-${fileSafe(doctorName)}.pdf`,
        title: `Day list – ${doctorName} – ${input.date}`,
        pdf,
        pages: countPdfPages(pdf),
      },
      record: (what, outcome) =>
        this.audit(actor, {
          action: 'print.day_list',
          patientIds: rows.map((r) => r.patient_id),
          outcome,
          details: `${input.date}, ${doctorName}: ${rows.length} appointments (${what})`,
        }),
    };
  }

  private async slipJob(input: { appointmentId: string }, actor: Actor): Promise<PrintJob> {
    const row = appointmentToPrint(this.ctx.db.sqlite, input.appointmentId);
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
    return {
      printed: {
        filename: `appointment-slip-${row.clinic_date}-${fileSafe(row.patient_mrn)}.pdf`,
        title: `Appointment slip – ${row.patient_mrn}`,
        pdf,
        pages: countPdfPages(pdf),
      },
      record: (what, outcome) =>
        this.audit(actor, {
          action: 'print.slip',
          patientId: row.patient_id,
          outcome,
          details: `${row.clinic_date} ${row.provider_name} (${what})`,
        }),
    };
  }

  private async visitSummaryJob(input: { visitId: string }, actor: Actor): Promise<PrintJob> {
    const { patientId, visitDate, ...source } = visitSummarySource(this.ctx.db.sqlite, input.visitId);
    const clinic = getClinicSettings(this.ctx);
    const doc = buildVisitSummaryDocument({ ...this.printedBy(actor), clinic, ...source });
    const pdf = await this.render(doc);
    const day = visitDate.slice(0, 10);
    return {
      printed: {
        filename: `visit-summary-${day}-${fileSafe(source.patient.mrn)}.pdf`,
        title: `Visit summary – ${source.patient.mrn} – ${day}`,
        pdf,
        pages: countPdfPages(pdf),
      },
      record: (what, outcome) =>
        this.audit(actor, {
          action: 'print.visit_summary',
          patientId,
          outcome,
          details: `visit ${input.visitId} of ${day} (${what})`,
        }),
    };
  }

  private async prescriptionJob(input: { prescriptionId: string }, actor: Actor): Promise<PrintJob> {
    const db = this.ctx.db.sqlite;
    const { patientId, ...source } = prescriptionPrintSource(db, input.prescriptionId, getClinicSettings(this.ctx));
    // The first print to a printer is the original; every later one is marked as a copy.
    const copy = priorPrints(db, patientId, input.prescriptionId);
    const doc = buildPrescriptionDocument({ ...this.printedBy(actor), ...source, copy });
    const pdf = await this.render(doc);
    const day = source.signedAt.slice(0, 10);
    const label = source.number ?? day;
    return {
      printed: {
        filename: `prescription-${fileSafe(label)}-${fileSafe(source.patient.mrn)}${copy > 0 ? `-copy-${copy}` : ''}.pdf`,
        title: `Prescription – ${source.patient.mrn} – ${label}${copy > 0 ? ' (copy)' : ''}`,
        pdf,
        pages: countPdfPages(pdf),
      },
      record: (what, outcome) =>
        this.audit(actor, {
          action: 'print.prescription',
          patientId,
          outcome,
          details: prescriptionPrintDetails(
            input.prescriptionId,
            [
              source.number ?? '',
              copy > 0 ? `copy ${copy}` : 'original',
              source.status === 'cancelled' ? 'cancelled' : '',
              source.paperSize,
              source.language,
            ].filter(Boolean),
            what,
          ),
        }),
    };
  }

  private async labRequisitionJob(input: { orderId: string }, actor: Actor): Promise<PrintJob> {
    const { patientId, ...source } = labRequisitionSource(this.ctx.db.sqlite, input.orderId);
    const doc = buildLabRequisitionDocument({
      ...this.printedBy(actor),
      clinic: getClinicSettings(this.ctx),
      ...source,
    });
    const pdf = await this.render(doc);
    return {
      printed: {
        filename: `lab-requisition-${fileSafe(source.number.replace(/^LAB-/, ''))}-${fileSafe(source.patient.mrn)}.pdf`,
        title: `Lab requisition – ${source.patient.mrn} – ${source.number}`,
        pdf,
        pages: countPdfPages(pdf),
      },
      record: (what, outcome) =>
        this.audit(actor, {
          action: 'print.lab_requisition',
          patientId,
          outcome,
          details: `${source.number}: ${source.tests.map((test) => test.code).join(', ')} (${what})`,
        }),
    };
  }

  private audit(
    actor: Actor,
    entry: Pick<AuditRecord, 'action' | 'details' | 'patientId' | 'patientIds' | 'outcome'>,
  ): void {
    appendAudit(this.ctx.db.sqlite, { at: isoNow(this.ctx), userId: actor.userId, username: actor.username, ...entry });
  }

  private async render(doc: TDocumentDefinitions): Promise<Buffer> {
    if (this.options.fontsProblem) {
      throw new AppError('INTERNAL', this.options.fontsProblem);
    }
    return renderPdf(doc);
  }

  private printedBy(actor: Actor): PrintedBy {
    const user = this.ctx.db.sqlite.prepare('SELECT display_name FROM users WHERE id = ?').get(actor.userId) as
      { display_name: string } | undefined;
    return { printedAt: isoNow(this.ctx), printedBy: user?.display_name ?? actor.username };
  }
}
