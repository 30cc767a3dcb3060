import en from '../i18n/en/prescription.json';
import hi from '../i18n/hi/prescription.json';

/**
 * The languages a prescription can be printed in (issue 10, part 5). A language is a folder of
 * translations, shared/i18n/<code>/prescription.json (the printout's fixed words, its date locale
 * and digits), plus a dose-sentence builder in dose-sentence.ts (word order and number rules).
 * English ships, and Hindi to prove the machinery. Adding one: the folder, a line here, a builder.
 */
export const PRINT_LANGUAGES = ['en', 'hi'] as const;
export type PrintLanguage = (typeof PRINT_LANGUAGES)[number];

/** The printout's words in one language: English's shape; every language has every key. */
export type PrescriptionWords = typeof en;
export type WordKey = {
  [K in keyof PrescriptionWords]: PrescriptionWords[K] extends string ? K : never;
}[keyof PrescriptionWords];

export const PRESCRIPTION_WORDS: Record<PrintLanguage, PrescriptionWords> = { en, hi };

/** The language's own name, for the settings list ("हिन्दी"). */
export function printLanguageName(lang: PrintLanguage): string {
  return PRESCRIPTION_WORDS[lang].language;
}

const DEVANAGARI_ZERO = 0x0966;

/** Writes the digits of a text in the language's digits (Hindi prints Latin digits, as Indian offices do). */
export function localDigits(text: string, digits: string): string {
  if (digits !== 'devanagari') return text;
  return text.replace(/[0-9]/g, (d) => String.fromCodePoint(DEVANAGARI_ZERO + Number(d)));
}

/** One fixed word of the printout, with {{name}} filled in (values are inserted as plain text). */
export function printWord(lang: PrintLanguage, key: WordKey, values: Record<string, string | number> = {}): string {
  const words = PRESCRIPTION_WORDS[lang];
  const template = words[key];
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) return '';
    return typeof value === 'number' ? localDigits(String(value), words.digits) : value;
  });
}
