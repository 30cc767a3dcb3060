import type { ContentText, Style } from 'pdfmake/interfaces';
import { scriptRuns } from './script-runs';

/**
 * A text node for any clinic or patient text: split into per-script runs, never a link, image or
 * markup. Style is limited to typography so no caller can attach a `link` by accident.
 */
export type PrintStyle = Pick<Style, 'bold' | 'fontSize' | 'color' | 'alignment' | 'margin' | 'lineHeight' | 'noWrap'>;

export function printText(text: string, style: PrintStyle = {}): ContentText {
  const runs = scriptRuns(text);
  const only = runs.length === 1 ? runs[0] : undefined;
  if (only) return { ...style, text: only.text, font: only.font };
  return { ...style, text: runs.map((run) => ({ text: run.text, font: run.font })) };
}
