import fs from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import { shareDecodedFontTables } from './font-table-cache';

/**
 * The fonts printed text may use, each with the scripts it draws (matched by Unicode
 * Script_Extensions, so a script's own punctuation such as the Devanagari danda or the Arabic comma
 * goes with its script). pdfmake has no per-glyph fallback, so script-runs.ts picks the family for
 * each run of text from this table. Order matters only where two fonts share a character: the
 * first listed wins. Files sit under resources/fonts with their licences (see its README).
 */
export const PDF_FONTS = [
  {
    family: 'NotoSans',
    normal: 'noto/NotoSans-Regular.ttf',
    bold: 'noto/NotoSans-Bold.ttf',
    scripts: /[\p{scx=Latin}\p{scx=Greek}\p{scx=Cyrillic}]/u,
  },
  ...noto('Armenian', /\p{scx=Armenian}/u),
  ...noto('Georgian', /\p{scx=Georgian}/u),
  ...noto('Arabic', /\p{scx=Arabic}/u),
  ...noto('Hebrew', /\p{scx=Hebrew}/u),
  ...noto('Devanagari', /\p{scx=Devanagari}/u),
  ...noto('Bengali', /\p{scx=Bengali}/u),
  ...noto('Gurmukhi', /\p{scx=Gurmukhi}/u),
  ...noto('Gujarati', /\p{scx=Gujarati}/u),
  ...noto('Oriya', /\p{scx=Oriya}/u),
  ...noto('Tamil', /\p{scx=Tamil}/u),
  ...noto('Telugu', /\p{scx=Telugu}/u),
  ...noto('Kannada', /\p{scx=Kannada}/u),
  ...noto('Malayalam', /\p{scx=Malayalam}/u),
  ...noto('Sinhala', /\p{scx=Sinhala}/u),
  ...noto('Thai', /\p{scx=Thai}/u),
  ...noto('Lao', /\p{scx=Lao}/u),
  ...noto('Khmer', /\p{scx=Khmer}/u),
  ...noto('Myanmar', /\p{scx=Myanmar}/u),
  ...noto('Ethiopic', /\p{scx=Ethiopic}/u),
  {
    // Chinese, Japanese kana and kanji, Korean hangul, and the full-width forms only this font has.
    // It has no bold face: bold CJK text prints regular.
    family: 'DroidSansFallback',
    normal: 'droid/DroidSansFallback.ttf',
    bold: 'droid/DroidSansFallback.ttf',
    scripts: /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}\u3000\uff00-\uffef]/u,
  },
] as const satisfies readonly PdfFontSpec[];

interface PdfFontSpec {
  family: string;
  normal: string;
  bold: string;
  scripts: RegExp;
}

function noto<S extends string>(script: S, scripts: RegExp) {
  return [
    {
      family: `NotoSans${script}`,
      normal: `noto/NotoSans${script}-Regular.ttf`,
      bold: `noto/NotoSans${script}-Bold.ttf`,
      scripts,
    },
  ] as const;
}

export type PdfFontFamily = (typeof PDF_FONTS)[number]['family'];

/** The families document builders name directly; the others are chosen per run by script-runs.ts. */
export const PDF_FONT = {
  /** Latin (all accents, Vietnamese), Greek, Cyrillic, digits and the punctuation every script shares. */
  text: 'NotoSans',
  arabic: 'NotoSansArabic',
  hebrew: 'NotoSansHebrew',
  cjk: 'DroidSansFallback',
} as const satisfies Record<string, PdfFontFamily>;

/** Families whose text fontkit lays out right to left by itself. */
export const RTL_FONTS: ReadonlySet<PdfFontFamily> = new Set<PdfFontFamily>(['NotoSansArabic', 'NotoSansHebrew']);

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
  for (const { family, ...files } of PDF_FONTS) {
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
      shareDecodedFontTables(bytes);
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
