import type { ServiceContext } from '../../context';
import { actorOf } from '../../ipc/actor';
import type { HandlerRegistry } from '../../ipc/handler-registry';
import type { PrintedPdf, PrintService } from '../../printing/print-service';
import { LabChartService } from './lab-chart-service';
import { LabResultsPrinting } from './lab-results-printing';
import { LabReviewService } from './lab-review-service';

const forPreview = (printed: PrintedPdf) => ({
  filename: printed.filename,
  pdfBase64: printed.pdf.toString('base64'),
  pages: printed.pages,
});

/** Channels of shared/lab-contract/review.ts. */
export function registerLabReviewHandlers(
  ctx: ServiceContext,
  registry: HandlerRegistry,
  printing: PrintService,
): void {
  const review = new LabReviewService(ctx);
  const chart = new LabChartService(ctx);
  const printed = new LabResultsPrinting(ctx, printing);
  registry
    .register('labs.review.inbox', (input, { actor }) => review.inbox(input.limit, actorOf(actor)))
    .register('labs.review.counts', (_input, { actor }) => review.counts(actorOf(actor)))
    .register('labs.review.acknowledge', (input, { actor }) => review.acknowledge(input, actorOf(actor)))
    .register('labs.review.report', (input, { actor }) => review.report(input.reportId, actorOf(actor)))
    .register('labs.review.patientReports', (input, { actor }) =>
      chart.patientReports(input.patientId, input.limit, actorOf(actor)),
    )
    .register('labs.review.trend', (input, { actor }) =>
      chart.trend(input.patientId, input.code, input.limit, actorOf(actor)),
    )
    .register('labs.review.cumulative', (input, { actor }) =>
      chart.cumulative(input.patientId, input.reportCode, input.limit, actorOf(actor)),
    )
    .register('print.labResults', async (input, { actor }) => forPreview(await printed.preview(input, actorOf(actor))))
    .register('print.labResultsToPrinter', async (input, { actor }) => ({
      outcome: await printed.toPrinter(input, actorOf(actor)),
    }));
}
