import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createSystemPdfPrinter } from '../../../electron/main/shell/system-pdf-printer';
import { FakeWebContents } from './fake-electron';

type PrintCallback = (success: boolean, failureReason: string) => void;

/** What webContents.print() answers, and what the window saw when it was asked. */
const behaviour = { success: true, failureReason: '' };
const windows: FakePrintWindow[] = [];

class FakePrintContents extends FakeWebContents {
  printed: { options: Record<string, unknown>; fileAtPrint: Buffer | null }[] = [];
  constructor(private readonly owner: FakePrintWindow) {
    super();
  }
  print(options: Record<string, unknown>, callback: PrintCallback): void {
    const url = this.owner.loadedUrl;
    this.printed.push({ options, fileAtPrint: url ? fs.readFileSync(fileURLToPath(url)) : null });
    setTimeout(() => callback(behaviour.success, behaviour.failureReason), 0);
  }
}

class FakePrintWindow {
  readonly webContents = new FakePrintContents(this);
  loadedUrl: string | null = null;
  destroyed = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

const Window = FakePrintWindow as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow;
const PDF = Buffer.from('%PDF-1.3\n% a tiny stand-in\n%%EOF\n');
let tempDir: string;

beforeEach(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-print-test-'));
  windows.length = 0;
  behaviour.success = true;
  behaviour.failureReason = '';
});

afterEach(() => fs.rmSync(tempDir, { recursive: true, force: true }));

describe('printing a PDF through the system print dialog', () => {
  it('loads the PDF from a temp file in a hidden, sandboxed window with the PDF viewer and opens the dialog', async () => {
    const printer = createSystemPdfPrinter(Window, { tempDir, settleMs: 0 });
    await expect(printer.printPdf(PDF, 'Day list – Dr Okafor – 2026-03-10')).resolves.toBe('printed');

    expect(windows).toHaveLength(1);
    const [window] = windows;
    expect(window!.options.show).toBe(false);
    expect(window!.options.webPreferences).toMatchObject({
      plugins: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(window!.options.webPreferences?.preload).toBeUndefined();
    expect(window!.loadedUrl).toMatch(/^file:\/\/.*\.pdf$/);
    expect(window!.webContents.printed).toHaveLength(1);
    expect(window!.webContents.printed[0]!.options).toMatchObject({ silent: false });
    expect(window!.webContents.printed[0]!.fileAtPrint?.equals(PDF)).toBe(true);
    // Links in a PDF must not open windows or navigate the print window.
    expect(window!.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('removes the temp file and the window afterwards, since the PDF holds patient names', async () => {
    const printer = createSystemPdfPrinter(Window, { tempDir, settleMs: 0 });
    await printer.printPdf(PDF, 'Appointment slip');
    expect(windows[0]!.destroyed).toBe(true);
    expect(fs.readdirSync(tempDir)).toEqual([]);
  });

  it('reports closing the dialog without printing as cancelled, not as an error', async () => {
    behaviour.success = false;
    behaviour.failureReason = 'Print job canceled';
    await expect(createSystemPdfPrinter(Window, { tempDir, settleMs: 0 }).printPdf(PDF, 'Slip')).resolves.toBe(
      'cancelled',
    );
  });

  it('reports a printer failure in words a person can act on, and still cleans up', async () => {
    behaviour.success = false;
    behaviour.failureReason = 'Print job failed';
    const printing = createSystemPdfPrinter(Window, { tempDir, settleMs: 0 }).printPdf(PDF, 'Slip');
    await expect(printing).rejects.toBeInstanceOf(AppError);
    await expect(printing).rejects.toThrow(/printer reported a problem \(Print job failed\).*Save as PDF/);
    expect(windows[0]!.destroyed).toBe(true);
    expect(fs.readdirSync(tempDir)).toEqual([]);
  });
});
