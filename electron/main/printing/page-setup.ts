import type { PAPER_SIZES } from '../../../shared/domain/settings';

export type PaperSize = (typeof PAPER_SIZES)[number];

/** Portrait page sizes in PDF points (1/72 inch), as pdfmake and every PDF reader measure them. */
export const PAGE_POINTS: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  LETTER: { width: 612, height: 792 },
  A5: { width: 419.53, height: 595.28 },
};

export interface PageSetup {
  pageSize: PaperSize;
  /** Left, top, right, bottom. */
  pageMargins: [number, number, number, number];
  /** Width between the left and right margins, for rules and tables drawn edge to edge. */
  contentWidth: number;
}

/** A5 gets narrower margins so tables still have room for names. */
export function pageSetup(paperSize: PaperSize, orientation: 'portrait' | 'landscape' = 'portrait'): PageSetup {
  const side = paperSize === 'A5' ? 24 : 36;
  const { width, height } = PAGE_POINTS[paperSize];
  return {
    pageSize: paperSize,
    pageMargins: [side, 36, side, 40],
    contentWidth: (orientation === 'portrait' ? width : height) - 2 * side,
  };
}
