import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import PdfWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker';

/** At most this many CSS pixels per PDF point; narrower holders shrink the page to fit their width. */
const MAX_PREVIEW_SCALE = 1.1;
/** The holder's padding and a scrollbar, so a fitted page never scrolls sideways. */
const HOLDER_GUTTER = 40;

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
export async function renderPdfPages(
  pdf: Uint8Array<ArrayBuffer>,
  target: HTMLElement,
  options: RenderPagesOptions,
): Promise<void> {
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
      const natural = page.getViewport({ scale: 1 });
      const fit =
        target.clientWidth > HOLDER_GUTTER ? (target.clientWidth - HOLDER_GUTTER) / natural.width : MAX_PREVIEW_SCALE;
      const viewport = page.getViewport({ scale: Math.min(MAX_PREVIEW_SCALE, fit) });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * density);
      canvas.height = Math.floor(viewport.height * density);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', options.pageLabel(n, doc.numPages));
      canvas.className = 'frontdesk-pdf__page';
      await page.render({ canvas, viewport, transform: density === 1 ? undefined : [density, 0, 0, density, 0, 0] })
        .promise;
      // Shown once drawn, so what appears is the finished page.
      if (!options.signal.aborted) target.append(canvas);
    }
  } finally {
    await doc.destroy();
  }
}
