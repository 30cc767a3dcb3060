import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface PdfPagesProps {
  pdf: Uint8Array<ArrayBuffer>;
  /** Shown instead of the pages when this renderer cannot draw them. */
  onRenderFailed?: () => void;
}

/** The pages of a PDF drawn on canvases with pdf.js, each an image named "Page n of m". */
export function PdfPages({ pdf, onRenderFailed }: PdfPagesProps) {
  const { t } = useTranslation('frontdesk');
  const holder = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const target = holder.current;
    if (!target) return;
    const controller = new AbortController();
    target.replaceChildren();
    // pdf.js is loaded on first preview, so starting the app does not pay for it.
    import('./render-pdf-pages')
      .then(({ renderPdfPages }) =>
        renderPdfPages(pdf, target, {
          signal: controller.signal,
          pageLabel: (page, count) => t('print.pageImage', { page, count }),
        }),
      )
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        console.warn('PDF preview failed', error);
        setFailed(true);
        onRenderFailed?.();
      });
    return () => controller.abort();
  }, [pdf, t, onRenderFailed]);

  return (
    <div className="frontdesk-pdf" aria-busy={false}>
      {failed && <p className="muted">{t('print.renderFailed')}</p>}
      <div ref={holder} className="frontdesk-pdf__pages" />
    </div>
  );
}
