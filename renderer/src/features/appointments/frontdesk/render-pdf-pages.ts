import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import PdfWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker';

/** CSS pixels per PDF point for the preview; the canvas itself is drawn at the screen's density. */
const PREVIEW_SCALE = 1.1;

let worker: Worker | null = null;

/**
 * pdf.js parses in a worker bundled with the app (same origin, so the CSP's script-src 'self'
 * allows it); one worker is kept for every preview.
 */
function ensureWorker(): void {
  if (worker) return;
  worker = new PdfWorker();
  GlobalWorkerOptions.workerPort = worker;
}

export interface RenderPagesOptions {
  signal: AbortSignal;
  pageLabel: (page: number, count: number) => string;
}

/** Draws each page of the PDF into `target` as a canvas with role="img" and a label. */
export async function renderPdfPages(pdf: Uint8Array<ArrayBuffer>, target: HTMLElement, options: RenderPagesOptions): Promise<void> {
  ensureWorker();
  // pdf.js takes ownership of the bytes it is given; the caller keeps its copy for saving.
  const task = getDocument({ data: pdf.slice(), isEvalSupported: false, useSystemFonts: false, enableXfa: false });
  options.signal.addEventListener('abort', () => void task.destroy());
  const doc = await task.promise;
  try {
    const density = window.devicePixelRatio || 1;
    for (let n = 1; n <= doc.numPages; n++) {
      if (options.signal.aborted) return;
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: PREVIEW_SCALE });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * density);
      canvas.height = Math.floor(viewport.height * density);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', options.pageLabel(n, doc.numPages));
      canvas.className = 'frontdesk-pdf__page';
      target.append(canvas);
      await page.render({ canvas, viewport, transform: density === 1 ? undefined : [density, 0, 0, density, 0, 0] }).promise;
    }
  } finally {
    await doc.destroy();
  }
}
