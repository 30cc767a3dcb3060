import type { DynamicContent } from 'pdfmake/interfaces';
import { clinicDateTime } from './clinic-time';
import type { PrintedBy } from './print-clinic';
import { printText } from './print-text';

/** "Printed 10 Mar 2026, 14:05 by <user>", in the clinic's time zone. */
export function printedLine(printed: PrintedBy, timeZone: string): string {
  return `Printed ${clinicDateTime(printed.printedAt, timeZone)} by ${printed.printedBy}`;
}

/** The printed line on the left, "Page x of y" on the right of every page. */
export function printedFooter(
  printed: PrintedBy,
  timeZone: string,
  pageMargins: [number, number, number, number],
): DynamicContent {
  const line = printedLine(printed, timeZone);
  const [left, , right] = pageMargins;
  return (currentPage, pageCount) => ({
    margin: [left, 14, right, 0],
    columns: [
      printText(line, { fontSize: 7, color: '#555555' }),
      { width: 'auto', text: `Page ${currentPage} of ${pageCount}`, fontSize: 7, color: '#555555', alignment: 'right' },
    ],
  });
}
