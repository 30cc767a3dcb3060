/** Text normalisation shared by search, duplicate checks and display. */

/** Lower-case and strip combining accents: "José" -> "jose". Non-Latin scripts are kept as they are. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLocaleLowerCase('en');
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
