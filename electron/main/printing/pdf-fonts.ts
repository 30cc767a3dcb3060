import fs from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';

/**
 * Font families the document builders may name. pdfmake has no per-glyph fallback, so
 * script-runs.ts picks the family for each run of text by its script.
 */
export const PDF_FONT = {
  /** Latin (all accents, Vietnamese), Greek, Cyrillic. */
  text: 'NotoSans',
  arabic: 'NotoSansArabic',
  hebrew: 'NotoSansHebrew',
  /** Chinese, Japanese kana and kanji, Korean hangul. Has no bold face: bold text prints regular. */
  cjk: 'DroidSansFallback',
} as const;
export type PdfFontFamily = (typeof PDF_FONT)[keyof typeof PDF_FONT];

/** Files under the fonts directory (resources/fonts), each beside its licence. */
const FONT_FILES: Record<PdfFontFamily, { normal: string; bold: string }> = {
  NotoSans: { normal: 'noto/NotoSans-Regular.ttf', bold: 'noto/NotoSans-Bold.ttf' },
  NotoSansArabic: { normal: 'noto/NotoSansArabic-Regular.ttf', bold: 'noto/NotoSansArabic-Bold.ttf' },
  NotoSansHebrew: { normal: 'noto/NotoSansHebrew-Regular.ttf', bold: 'noto/NotoSansHebrew-Bold.ttf' },
  DroidSansFallback: { normal: 'droid/DroidSansFallback.ttf', bold: 'droid/DroidSansFallback.ttf' },
};

/** pdfmake's Node build keeps an in-memory file system the published types do not describe. */
interface PdfmakeVirtualFs {
  writeFileSync(name: string, content: Buffer): void;
  existsSync(name: string): boolean;
}

function virtualFs(): PdfmakeVirtualFs {
  const vfs = (pdfmake as unknown as { virtualfs?: PdfmakeVirtualFs }).virtualfs;
  if (!vfs || typeof vfs.writeFileSync !== 'function') {
    throw new Error(
      'pdfmake has no virtual file system: printing needs the Node build of pdfmake 0.3 (import "pdfmake").',
    );
  }
  return vfs;
}

let registeredDir: string | null = null;

/**
 * Reads the shipped fonts once into pdfmake's in-memory file system and registers them, so each
 * render reads no file. Also forbids pdfmake every URL and local file: documents are built from
 * plain text, and nothing in one should make the app fetch or read anything.
 * Idempotent for the same directory.
 */
export function registerPdfFonts(fontsDir: string): void {
  const dir = path.resolve(fontsDir);
  if (registeredDir === dir) return;

  const vfs = virtualFs();
  const fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {};
  for (const [family, files] of Object.entries(FONT_FILES)) {
    for (const file of new Set([files.normal, files.bold])) {
      const full = path.join(dir, file);
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(full);
      } catch {
        throw new Error(
          `Cannot print: the font file ${full} is missing. Reinstall Chartbook, or in development check resources/fonts/.`,
        );
      }
      vfs.writeFileSync(`chartbook-fonts/${file}`, bytes);
    }
    // Italic faces are not shipped; italics fall back to upright rather than failing the print.
    fonts[family] = {
      normal: `chartbook-fonts/${files.normal}`,
      bold: `chartbook-fonts/${files.bold}`,
      italics: `chartbook-fonts/${files.normal}`,
      bolditalics: `chartbook-fonts/${files.bold}`,
    };
  }
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  registeredDir = dir;
}

export function pdfFontsRegistered(): boolean {
  return registeredDir !== null;
}
