/**
 * The port through which main sends a finished PDF to a printer. The Electron shell implements it
 * with the system print dialog; the e2e harness saves the file so tests can read what was printed.
 */
export interface PdfPrinter {
  /**
   * Resolves once the PDF has been handed to the printer ('printed') or the person closed the print
   * dialog without printing ('cancelled'); rejects with a message for people when the printer fails.
   */
  printPdf(pdf: Buffer, title: string): Promise<PrintOutcome>;
}

export type PrintOutcome = 'printed' | 'cancelled';
