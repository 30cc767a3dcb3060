import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { AppError } from '../../../shared/errors';
import type { PdfPrinter, PrintOutcome } from '../printing/pdf-printer';
import { guardWebContents } from './web-contents-guards';

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export interface SystemPdfPrinterOptions {
  /** app.getPath('temp'): the PDF lives there only while the print dialog is open. */
  tempDir: string;
  /** Time the PDF viewer gets after load to lay the pages out before the dialog snapshots them. */
  settleMs?: number;
}

/** Chromium's words when the person closes the print dialog without printing. */
const CANCELLED = /cancel/i;

/**
 * The window that holds the PDF for printing: never shown, no preload, sandboxed, with plugins on
 * because Chromium's PDF viewer is a plugin and webContents.print() needs it to draw the pages.
 */
export function printWindowOptions(title: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    title,
    width: 800,
    height: 1000,
    webPreferences: {
      plugins: true,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  };
}

function safeFileName(title: string): string {
  return `${
    title
      .replace(/[^\p{L}\p{N} _.-]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'chartbook'
  }.pdf`;
}

/**
 * Prints a PDF through the operating system's print dialog: the PDF is written to a private temp
 * folder, loaded in a hidden window and printed with `silent: false`, so the person chooses the
 * printer, copies and pages. The file is removed afterwards, because it holds patients' names.
 */
export function createSystemPdfPrinter(Window: WindowConstructor, options: SystemPdfPrinterOptions): PdfPrinter {
  const settleMs = options.settleMs ?? 500;
  return {
    async printPdf(pdf, title) {
      const dir = fs.mkdtempSync(path.join(options.tempDir, 'chartbook-print-'));
      const file = path.join(dir, safeFileName(title));
      const window = new Window(printWindowOptions(title));
      try {
        fs.writeFileSync(file, pdf, { mode: 0o600 });
        guardWebContents(window.webContents);
        await window.loadURL(pathToFileURL(file).href);
        await new Promise((resolve) => setTimeout(resolve, settleMs));
        return await new Promise<PrintOutcome>((resolve, reject) => {
          window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
            if (success) resolve('printed');
            else if (CANCELLED.test(failureReason)) resolve('cancelled');
            else
              reject(
                new AppError(
                  'INTERNAL',
                  `The printer reported a problem (${failureReason}). Check the printer, or use “Save as PDF” and print the file.`,
                ),
              );
          });
        });
      } finally {
        if (!window.isDestroyed()) window.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
