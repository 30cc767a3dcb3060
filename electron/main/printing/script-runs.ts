import { PDF_FONT, type PdfFontFamily } from './pdf-fonts';

/** One inline piece of printed text: always a plain string, never a link, image or markup. */
export interface TextRun {
  text: string;
  font: PdfFontFamily;
}

// Script_Extensions, so script-specific punctuation (Arabic comma, tatweel, kana long-vowel mark,
// ideographic comma) goes with its script's font; full-width forms are only in the CJK font.
const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}\u3000\uff00-\uffef]/u;
const ARABIC = /\p{scx=Arabic}/u;
const HEBREW = /\p{scx=Hebrew}/u;
// Characters Latin, Greek or Cyrillic text also uses (middle dot, ...) print in the text font, which has them.
const TEXT_FONT_SCRIPTS = /[\p{scx=Latin}\p{scx=Greek}\p{scx=Cyrillic}]/u;
const MARK = /[\p{M}\p{Cf}]/u;
const DIGIT = /\p{Nd}/u;
// Spaces, ASCII digits and punctuation: the CJK, Arabic and Hebrew fonts lack most of them, the text font has them all.
const NEUTRAL = /\p{Script=Common}/u;

type Direction = 'ltr' | 'rtl' | 'neutral';

/** The smallest piece the bidi step reorders: a word in one script, a number, or one neutral character. */
interface Atom {
  text: string;
  font: PdfFontFamily;
  direction: Direction;
}

function classify(char: string): { font: PdfFontFamily; direction: Direction } {
  if (TEXT_FONT_SCRIPTS.test(char)) return { font: PDF_FONT.text, direction: NEUTRAL.test(char) ? 'neutral' : 'ltr' };
  if (CJK.test(char)) return { font: PDF_FONT.cjk, direction: 'ltr' };
  // Arabic-Indic digits are a number (neutral, read left to right) that only the Arabic font draws.
  if (DIGIT.test(char) && ARABIC.test(char)) return { font: PDF_FONT.arabic, direction: 'neutral' };
  if (ARABIC.test(char)) return { font: PDF_FONT.arabic, direction: 'rtl' };
  if (HEBREW.test(char)) return { font: PDF_FONT.hebrew, direction: 'rtl' };
  if (NEUTRAL.test(char)) return { font: PDF_FONT.text, direction: 'neutral' };
  return { font: PDF_FONT.text, direction: 'ltr' };
}

function atomsOf(text: string): Atom[] {
  const atoms: Atom[] = [];
  for (const char of text) {
    const last = atoms[atoms.length - 1];
    // A combining mark (accent, Arabic vowel sign) or a joiner must stay with the letter it modifies.
    if (last && MARK.test(char)) {
      last.text += char;
      continue;
    }
    const { font, direction } = classify(char);
    const joinsLast =
      last !== undefined &&
      last.font === font &&
      last.direction === direction &&
      (direction !== 'neutral' || (DIGIT.test(char) && DIGIT.test(last.text)));
    if (joinsLast) last.text += char;
    else atoms.push({ text: char, font, direction });
  }
  return atoms;
}

/**
 * pdfkit shapes each Arabic or Hebrew word right to left but has no bidi algorithm: it lays out
 * words left to right. In a left-to-right line, a right-to-left phrase (its words, and the spaces,
 * numbers and punctuation between them) must be drawn from its right end, so its atoms are
 * reversed here. Numbers keep their own digit order, as the Unicode bidi algorithm does.
 */
function visualOrder(atoms: Atom[]): Atom[] {
  const out: Atom[] = [];
  let i = 0;
  while (i < atoms.length) {
    if (atoms[i]!.direction !== 'rtl') {
      out.push(atoms[i]!);
      i += 1;
      continue;
    }
    let lastRtl = i;
    for (let j = i + 1; j < atoms.length && atoms[j]!.direction !== 'ltr'; j++) {
      if (atoms[j]!.direction === 'rtl') lastRtl = j;
    }
    out.push(...atoms.slice(i, lastRtl + 1).reverse());
    i = lastRtl + 1;
  }
  return out;
}

/**
 * fontkit reverses every run in Arabic script, digits included; Arabic-Indic numbers are handed
 * over reversed so they come out in reading order.
 */
function drawnText(atom: Atom): string {
  return atom.font === PDF_FONT.arabic && atom.direction === 'neutral' ? [...atom.text].reverse().join('') : atom.text;
}

/**
 * Plain text as inline runs, each in a font that has its glyphs, in the order they must be drawn.
 * Every printed piece of clinic or patient text goes through here, so it is only ever text.
 */
export function scriptRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const atom of visualOrder(atomsOf(text))) {
    const last = runs[runs.length - 1];
    // Right-to-left words stay separate runs: merged, fontkit would reverse them as one.
    if (last && last.font === atom.font && atom.direction !== 'rtl' && atom.font !== PDF_FONT.arabic)
      last.text += atom.text;
    else runs.push({ text: drawnText(atom), font: atom.font });
  }
  return runs.length > 0 ? runs : [{ text: '', font: PDF_FONT.text }];
}
