import { z } from 'zod';

/**
 * Text people type into Chartbook, made safe to show in lists, printouts and the audit screen:
 * one name must never pass for another. Characters that could disguise text are refused with a
 * message naming them (nothing is saved): C0 and C1 controls including NUL, the bidirectional
 * embedding, override and isolate controls and direction marks (the "RLO" trick that shows
 * "Smith‮nhoJ" as "SmithJohn"), and unpaired surrogates. Invisible characters with no meaning
 * in a name (zero-width space, word joiner, byte-order mark, soft hyphen) are removed, as are
 * zero-width joiners and non-joiners that do not sit between two letters; between letters they
 * shape Persian and Indic names and are kept. Text is stored in Unicode NFC so the same name
 * typed two ways is one name.
 */

const NAMED: Record<number, string> = {
  0x0000: 'NUL',
  0x0009: 'tab',
  0x000a: 'line break',
  0x000d: 'carriage return',
  0x061c: 'Arabic letter mark',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

// Line breaks and tabs are refused only in one-line fields; multi-line fields keep them.
// Matching control characters is the point of these two patterns.
/* eslint-disable no-control-regex */
const CONTROLS_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/u;
const CONTROLS_MULTI_LINE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/u;
/* eslint-enable no-control-regex */
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/gu;
// ZWNJ/ZWJ kept only between two letters (a mark counts as part of its letter).
const STRAY_JOINER = /(?<![\p{L}\p{M}])[\u200c\u200d]|[\u200c\u200d](?![\p{L}\p{M}])/gu;

function describe(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code >= 0xd800 && code <= 0xdfff) return `a broken character (${hex})`;
  const name = NAMED[code];
  return name ? `an invisible ${name} (${hex})` : `an invisible control character (${hex})`;
}

/** The text with invisibles removed, CRLF made LF, in NFC. Refused characters are left for the check. */
export function normalisePlainText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(INVISIBLE, '').replace(STRAY_JOINER, '').normalize('NFC');
}

/** The first character the field refuses, or null. */
export function refusedCharacter(text: string, multiline: boolean): string | null {
  const found = (multiline ? CONTROLS_MULTI_LINE : CONTROLS_ONE_LINE).exec(text);
  return found ? found[0] : null;
}

function plainText(label: string, multiline: boolean) {
  return z
    .string()
    .overwrite(normalisePlainText)
    .superRefine((text, ctx) => {
      const refused = refusedCharacter(text, multiline);
      if (refused !== null) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} contains ${describe(refused)}. Remove it (it may have come with pasted text) and try again.`,
        });
      }
    });
}

/** A one-line text field (names, reasons, user names): refuses controls, line breaks and tabs. */
export function lineText(label: string) {
  return plainText(label, false);
}

/** A multi-line text field (notes, letterhead): line breaks and tabs are kept, other controls refused. */
export function multilineText(label: string) {
  return plainText(label, true);
}
