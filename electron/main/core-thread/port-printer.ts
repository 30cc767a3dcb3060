import { AppError, type AppErrorData } from '../../../shared/errors';
import type { PdfPrinter, PrintOutcome } from '../printing/pdf-printer';
import type { FromCore } from './protocol';

interface Waiting {
  resolve(outcome: PrintOutcome): void;
  reject(error: AppError): void;
}

/**
 * The core's side of printing: the print dialog belongs to main (it owns the windows), so the core
 * sends main the finished PDF and waits for what the person did with it. Main's answer arrives
 * through `settle`, called by serve-core for print.done and print.failed messages.
 */
export function createPortPrinter(post: (message: FromCore, transfer: ArrayBuffer[]) => void) {
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  const printer: PdfPrinter = {
    printPdf(pdf, title) {
      const id = nextId++;
      // A copy the port can transfer: the Buffer may be a view on Node's shared pool.
      const bytes = new Uint8Array(pdf);
      return new Promise<PrintOutcome>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        post({ type: 'print', id, pdf: bytes, title }, [bytes.buffer]);
      });
    },
  };
  return {
    printer,
    settle(id: number, answer: { outcome: PrintOutcome } | { error: AppErrorData }): void {
      const entry = waiting.get(id);
      if (!entry) return;
      waiting.delete(id);
      if ('outcome' in answer) entry.resolve(answer.outcome);
      else entry.reject(new AppError(answer.error.code, answer.error.message));
    },
  };
}
