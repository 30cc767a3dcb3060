import type { Content } from 'pdfmake/interfaces';
import type { PrintClinic } from './print-clinic';
import { printText } from './print-text';

/** The clinic's name, address, phone and letterhead text, over a thin rule. */
export function buildLetterhead(clinic: PrintClinic, contentWidth: number): Content {
  const lines: Content[] = [printText(clinic.clinicName, { bold: true, fontSize: 14 })];
  if (clinic.address.trim()) lines.push(printText(clinic.address, { fontSize: 9 }));
  if (clinic.phone.trim()) lines.push(printText(`Tel. ${clinic.phone}`, { fontSize: 9 }));
  if (clinic.letterhead.trim())
    lines.push(printText(clinic.letterhead, { fontSize: 8, color: '#444444', margin: [0, 2, 0, 0] }));
  return {
    stack: [
      ...lines,
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: contentWidth, y2: 0, lineWidth: 0.75, lineColor: '#888888' }],
        margin: [0, 6, 0, 10],
      },
    ],
  };
}
