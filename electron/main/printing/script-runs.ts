import bidiFactory from 'bidi-js';
import { PDF_FONT, PDF_FONTS, RTL_FONTS, type PdfFontFamily } from './pdf-fonts';

/** One inline piece of printed text: always a plain string, never a link, image or markup. */
export interface TextRun {
  text: string;
  font: PdfFontFamily;
}

const bidi = bidiFactory();

// A combining mark (accent, vowel sign, virama) or a joiner (ZWJ/ZWNJ in Indic and Persian names)
// belongs to the letter before it and must be shaped in the same run and font.
const MARK = /^[\p{M}\p{Cf}]/u;
// fontkit lays a run out right to left when its first letter is of a right-to-left script
// (Arabic-Indic digits are Script=Arabic too).
const RTL_LETTER = /[\p{sc=Arabic}\p{sc=Hebrew}]/u;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * The font for one grapheme: the font of the run it continues when that font draws its script
 * (so shared punctuation such as a danda stays with its script), else the first font that draws
 * it, else the text font, which has spaces, digits and common punctuation.
 */
function fontFor(grapheme: string, previous: PdfFontFamily | undefined): PdfFontFamily {
  const first = grapheme.codePointAt(0)!;
  const char = String.fromCodePoint(first);
  const candidates = PDF_FONTS.filter((f) => f.scripts.test(char));
  if (candidates.length === 0) return PDF_FONT.text;
  if (previous && candidates.some((f) => f.family === previous)) return previous;
  return candidates[0]!.family;
}

interface LevelRun {
  text: string;
  font: PdfFontFamily;
  level: number;
  /** Index of the run's first UTF-16 unit in the whole text, for mirrored characters. */
  start: number;
}

/** Logical-order runs of one font and one bidi embedding level, never splitting a grapheme. */
function levelRuns(text: string, levels: Uint8Array): LevelRun[] {
  const runs: LevelRun[] = [];
  for (const { segment, index } of graphemes.segment(text)) {
    const last = runs[runs.length - 1];
    const level = levels[index]!;
    // A grapheme the segmenter split off but that still begins with a mark stays with its letter.
    if (last && MARK.test(segment)) {
      last.text += segment;
      continue;
    }
    const font = fontFor(segment, last?.font);
    if (last && last.font === font && last.level === level) last.text += segment;
    else runs.push({ text: segment, font, level, start: index });
  }
  return runs;
}

/** Unicode bidi rule L2: from the highest level down to the lowest odd level, reverse each sequence at or above it. */
function visualOrder(runs: LevelRun[]): LevelRun[] {
  const out = [...runs];
  const highest = Math.max(0, ...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    let i = 0;
    while (i < out.length) {
      if (out[i]!.level < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < out.length && out[j]!.level >= level) j += 1;
      out.splice(i, j - i, ...out.slice(i, j).reverse());
      i = j;
    }
  }
  return out;
}

/**
 * The characters to hand pdfkit for one run. fontkit reverses runs that start with an Arabic or
 * Hebrew letter and no others; where that differs from the run's bidi direction, the run is
 * reversed here (by grapheme, with brackets mirrored in right-to-left runs), so it comes out in
 * the order the bidi algorithm resolved.
 */
function drawnText(run: LevelRun, mirrored: Map<number, string>): string {
  const rightToLeft = run.level % 2 === 1;
  const fontkitReverses = RTL_FONTS.has(run.font) && RTL_LETTER.test(run.text);
  if (rightToLeft === fontkitReverses) return run.text;
  const pieces = [...graphemes.segment(run.text)].map(({ segment, index }) =>
    rightToLeft ? (mirrored.get(run.start + index) ?? segment) : segment,
  );
  return pieces.reverse().join('');
}

/**
 * Plain text as inline runs, each in a font that has its glyphs, in the order they must be drawn
 * on a left-to-right line: the Unicode Bidirectional Algorithm (bidi-js) resolves the levels, and
 * pdfkit shapes each run (Arabic joining, Indic conjuncts) in its font. Every printed piece of
 * clinic or patient text goes through here, so it is only ever text.
 */
export function scriptRuns(text: string): TextRun[] {
  if (text === '') return [{ text: '', font: PDF_FONT.text }];
  const embedding = bidi.getEmbeddingLevels(text, 'ltr');
  const mirrored = bidi.getMirroredCharactersMap(text, embedding.levels);
  const runs: TextRun[] = [];
  for (const run of visualOrder(levelRuns(text, embedding.levels))) {
    const drawn = drawnText(run, mirrored);
    const last = runs[runs.length - 1];
    // Runs fontkit lays out right to left stay apart: merged, it would reverse them as one.
    if (last && last.font === run.font && !RTL_FONTS.has(run.font)) last.text += drawn;
    else runs.push({ text: drawn, font: run.font });
  }
  return runs;
}
