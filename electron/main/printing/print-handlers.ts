import { actorOf } from '../ipc/actor';
import type { PrintedPdf, PrintService } from './print-service';
import type { HandlerRegistry } from '../ipc/handler-registry';

const forPreview = (printed: PrintedPdf) => ({
  filename: printed.filename,
  pdfBase64: printed.pdf.toString('base64'),
  pages: printed.pages,
});

/** The printing channels: PDFs for the preview, and the same documents sent to the printer port. */
export function registerPrintHandlers(printing: PrintService, registry: HandlerRegistry): void {
  registry
    .register('print.dayList', async (input, { actor }) => forPreview(await printing.dayList(input, actorOf(actor))))
    .register('print.slip', async (input, { actor }) => forPreview(await printing.slip(input, actorOf(actor))))
    .register('print.toPrinter', async (input, { actor }) => ({
      outcome: await printing.toPrinter(input, actorOf(actor)),
    }))
    .register('print.visitSummary', async (input, { actor }) =>
      forPreview(await printing.visitSummary(input, actorOf(actor))),
    )
    .register('print.visitSummaryToPrinter', async (input, { actor }) => ({
      outcome: await printing.toPrinter({ kind: 'visitSummary', visitId: input.visitId }, actorOf(actor)),
    }))
    .register('print.prescription', async (input, { actor }) =>
      forPreview(await printing.prescription(input, actorOf(actor))),
    )
    .register('print.prescriptionToPrinter', async (input, { actor }) => ({
      outcome: await printing.toPrinter({ kind: 'prescription', prescriptionId: input.prescriptionId }, actorOf(actor)),
    }))
    .register('print.labRequisition', async (input, { actor }) =>
      forPreview(await printing.labRequisition(input, actorOf(actor))),
    )
    .register('print.labRequisitionToPrinter', async (input, { actor }) => ({
      outcome: await printing.toPrinter({ kind: 'labRequisition', orderId: input.orderId }, actorOf(actor)),
    }));
}
