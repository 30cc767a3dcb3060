import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerPdfFonts } from '../../../electron/main/printing/pdf-fonts';
import { renderPdf } from '../../../electron/main/printing/render-pdf';
import { FONTS_DIR } from './sample-documents';

// Runs in its own process (vitest pool "forks"), so fonts start unregistered here.
describe('PDF fonts', () => {
  it('refuses to render before the fonts are registered, saying what to call', async () => {
    await expect(renderPdf({ content: 'x' })).rejects.toThrow(/registerPdfFonts\(fontsDir\)/);
  });

  it('names the missing font file when the fonts folder is incomplete', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-fonts-'));
    expect(() => registerPdfFonts(empty)).toThrow(
      `the font file ${path.join(empty, 'noto', 'NotoSans-Regular.ttf')} is missing`,
    );
  });

  it('ships every font with its licence beside it', () => {
    for (const [folder, licence] of [
      ['noto', 'OFL.txt'],
      ['droid', 'LICENSE-Apache-2.0.txt'],
    ] as const) {
      const files = fs.readdirSync(path.join(FONTS_DIR, folder));
      expect(files.some((f) => f.endsWith('.ttf'))).toBe(true);
      expect(files).toContain(licence);
    }
    const total = fs
      .readdirSync(FONTS_DIR, { recursive: true, encoding: 'utf8' })
      .map((f) => fs.statSync(path.join(FONTS_DIR, f)))
      .filter((s) => s.isFile())
      .reduce((sum, s) => sum + s.size, 0);
    expect(total).toBeLessThan(25 * 1024 * 1024);
  });
});
