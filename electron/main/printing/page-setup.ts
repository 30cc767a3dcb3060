import type { CustomPageSize } from 'pdfmake/interfaces';
import type { PAPER_SIZES, SLIP_SIZES } from '../../../shared/domain/settings';

export type PaperSize = (typeof PAPER_SIZES)[number];
export type SlipSize = (typeof SLIP_SIZES)[number];

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

/** 1 mm in PDF points. */
const MM = 72 / 25.4;

export interface SlipPageSetup {
  pageSize: PaperSize | CustomPageSize;
  pageMargins: [number, number, number, number];
  contentWidth: number;
}

/**
 * The appointment slip's page. A6 is a card (105 x 148 mm); a receipt is the roll's width (80 or
 * 58 mm; about 72 and 48 mm of it printable) and exactly as long as the slip; "PAPER" is the
 * clinic's paper size, for a clinic with nothing but an office printer.
 */
export function slipPageSetup(slipSize: SlipSize, paperSize: PaperSize): SlipPageSetup {
  if (slipSize === 'PAPER') return pageSetup(paperSize);
  if (slipSize === 'A6') {
    const side = 20;
    return {
      pageSize: { width: 105 * MM, height: 148 * MM },
      pageMargins: [side, 20, side, 20],
      contentWidth: 105 * MM - 2 * side,
    };
  }
  const width = (slipSize === 'RECEIPT_80' ? 80 : 58) * MM;
  const side = (slipSize === 'RECEIPT_80' ? 4 : 5) * MM;
  return { pageSize: { width, height: 'auto' }, pageMargins: [side, 8, side, 12], contentWidth: width - 2 * side };
}
