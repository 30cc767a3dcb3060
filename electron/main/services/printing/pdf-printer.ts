/**
 * The port through which main sends a finished PDF to a printer. The Electron shell implements it
 * with the system print dialog; the e2e harness saves the file so tests can read what was printed.
 */
export interface PdfPrinter {
  /** Resolves once the PDF has been handed to the printer (or the person closed the dialog). */
  printPdf(pdf: Buffer, title: string): Promise<void>;
}
