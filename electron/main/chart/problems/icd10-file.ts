import zlib from 'node:zlib';

/**
 * Reads an ICD-10-CM "codes" file as CMS and CDC/NCHS publish it (icd10cm_codes_YYYY.txt, layout
 * from CMS's icd10cmCodesFile.pdf, summarised in resources/icd10cm/SOURCE.md): one billable code
 * per line, positions 1-7 the code (no dot, space padded), 8 blank, 9-end the long description;
 * ASCII, CRLF line ends, at most 400 characters a line. Every line is checked: the first wrong one
 * is reported with its number and nothing is loaded.
 */

export interface Icd10Entry {
  /** As in the file, without the dot: E119. */
  code: string;
  description: string;
}

/** What is wrong with a line (or, line 0, the file): a key of errors.chart.problems.file in main.json. */
export type Icd10FileProblem =
  'tooLong' | 'tooShort' | 'notAscii' | 'noCode' | 'noDescription' | 'duplicate' | 'tooFew';

export class Icd10FileError extends Error {
  constructor(
    readonly line: number,
    readonly problem: Icd10FileProblem,
    readonly details: Record<string, string | number> = {},
  ) {
    super(`line ${line}: ${problem} ${JSON.stringify(details)}`);
    this.name = 'Icd10FileError';
  }
}

/** FY2026 added a block with a letter second (QA0...); later characters may be letters too. */
const CODE = /^[A-Z][0-9A-Z][0-9A-Z][0-9A-Z]{0,4}$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
const MAX_LINE = 400;
/** A release has some 74,000 codes; a file far smaller is a fragment, which would wipe out the rest. */
export const MIN_RELEASE_CODES = 10_000;

/** Plain text, or the same gzipped (as Chartbook ships it). */
export function icd10FileText(bytes: Buffer): string {
  const raw = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes) : bytes;
  return raw.toString('latin1');
}

export function parseIcd10CodesFile(text: string, minCodes = MIN_RELEASE_CODES): Icd10Entry[] {
  const lines = text.split('\n');
  // A final line break leaves one empty piece at the end.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const entries: Icd10Entry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const number = i + 1;
    let line = lines[i]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.length > MAX_LINE) throw new Icd10FileError(number, 'tooLong', { max: MAX_LINE });
    if (line.length < 9) throw new Icd10FileError(number, 'tooShort');
    if (!PRINTABLE_ASCII.test(line)) {
      throw new Icd10FileError(number, 'notAscii');
    }
    const code = line.slice(0, 7).trimEnd();
    if (!CODE.test(code) || line[7] !== ' ') {
      throw new Icd10FileError(number, 'noCode', { found: line.slice(0, 8).trimEnd() });
    }
    const description = line.slice(8).trim();
    if (line[8] === ' ' || description === '') {
      throw new Icd10FileError(number, 'noDescription');
    }
    if (seen.has(code)) throw new Icd10FileError(number, 'duplicate', { code });
    seen.add(code);
    entries.push({ code, description });
  }
  if (entries.length < minCodes) {
    throw new Icd10FileError(0, 'tooFew', { codes: entries.length, min: minCodes });
  }
  return entries;
}
