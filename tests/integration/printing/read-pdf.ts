import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  width: number;
  height: number;
  /** The page's text items joined with spaces, in drawing order. */
  text: string;
  /** Each text item with its baseline height from the bottom of the page. */
  items: { text: string; y: number }[];
  annotationCount: number;
}

/** Parses a rendered PDF back with pdf.js, the way a viewer would read it. */
export async function readPdf(bytes: Buffer): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) =>
        'str' in item ? [{ text: item.str, y: item.transform[5] as number }] : [],
      );
      const annotations = await page.getAnnotations();
      pages.push({
        width,
        height,
        text: items.map((i) => i.text).join(' '),
        items,
        annotationCount: annotations.length,
      });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Text with runs of whitespace collapsed, so a name split across text items still matches. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Text with all whitespace removed, for strings a narrow column may wrap at any point. */
export function unspaced(text: string): string {
  return text.replace(/\s+/g, '');
}
