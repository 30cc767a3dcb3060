import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfFontsRegistered } from './pdf-fonts';

/** Lays out and renders a document definition to the bytes of a PDF file. */
export async function renderPdf(docDefinition: TDocumentDefinitions): Promise<Buffer> {
  if (!pdfFontsRegistered()) {
    throw new Error('PDF fonts are not registered: call registerPdfFonts(fontsDir) once at start-up before printing.');
  }
  return pdfmake.createPdf(docDefinition).getBuffer();
}
