/** Phone helpers. Numbers are kept as typed for display; search uses the digits only. */

const PHONE_CHARS = /^\+?[0-9 ()./-]+$/;

export const PHONE_MIN_DIGITS = 6;
export const PHONE_MAX_DIGITS = 15; // E.164

export function phoneDigits(text: string): string {
  return text.replace(/\D+/g, '');
}

export function isPlausiblePhone(text: string): boolean {
  const trimmed = text.trim();
  if (!PHONE_CHARS.test(trimmed)) return false;
  const n = phoneDigits(trimmed).length;
  return n >= PHONE_MIN_DIGITS && n <= PHONE_MAX_DIGITS;
}

/**
 * Keys a stored number is searchable by: its digits, without trunk zeros, and (for numbers written
 * with an international prefix, + or 00) without a 1-3 digit country code.
 */
export function phoneSearchKeys(text: string): string[] {
  const trimmed = text.trim();
  const digits = phoneDigits(trimmed);
  const keys = new Set<string>([digits]);
  const international = trimmed.startsWith('+') || digits.startsWith('00');
  const national = digits.startsWith('00') ? digits.slice(2) : digits;
  if (international) {
    keys.add(national);
    for (let cc = 1; cc <= 3; cc++) keys.add(national.slice(cc).replace(/^0+/, ''));
  } else {
    keys.add(digits.replace(/^0+/, ''));
  }
  return [...keys].filter((k) => k.length >= 4);
}

/** Marks a suffix key: the digits reversed, so "the last digits" become a prefix an index can find. */
export const PHONE_SUFFIX_MARK = '~';

/**
 * The key that finds a number by its last digits ("43210" finds +91 98765 43210): every digit of
 * the number, reversed, after PHONE_SUFFIX_MARK. Searching reverses what was typed the same way.
 */
export function phoneSuffixKey(text: string): string {
  return PHONE_SUFFIX_MARK + [...phoneDigits(text)].reverse().join('');
}
