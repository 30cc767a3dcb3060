/** Text normalisation shared by search, duplicate checks and display. */

/** Latin letters with no Unicode decomposition that people still type without their stroke. */
const LETTER_FOLDS: Record<string, string> = {
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ħ: 'h',
  ı: 'i',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
};

/**
 * Lower-case and strip accents: "José" -> "jose", "Østergård" -> "ostergard". Non-Latin scripts
 * are kept as they are. Names are indexed in this form, and queries are folded the same way.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[øđðłħıæœßþ]/g, (c) => LETTER_FOLDS[c] ?? c);
}

/** Word tokens as FTS5's unicode61 tokenizer sees them (letters and digits). */
export function searchTokens(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

export function fullName(p: { givenNames: string; familyName: string }): string {
  return [p.givenNames, p.familyName].filter((s) => s.trim().length > 0).join(' ');
}
