/**
 * A small HL7 v2 reader (issue 11, part 4): files to messages, messages to segments, fields to
 * components, repetitions and subcomponents with the separators each message's MSH declares, and
 * the escape sequences of HL7 v2 chapter 2 decoded. Why our own and not a package: see
 * docs/ARCHITECTURE.md, "Lab orders and results" (importing).
 */

export interface Hl7Separators {
  field: string;
  component: string;
  repetition: string;
  escape: string;
  subcomponent: string;
}

export interface Hl7Segment {
  name: string;
  /** 1-based place in its message, for messages to people ("segment 4"). */
  position: number;
  /** fields[n] is SEG-n as sent (escaped); for MSH, fields[1] is the field separator itself. */
  fields: string[];
}

export interface Hl7Message {
  /** 1-based place in its file. */
  number: number;
  separators: Hl7Separators;
  segments: Hl7Segment[];
}

/** A piece of a file that is not a message: text before the first MSH, or a message without one. */
export interface Hl7Fragment {
  number: number;
  problem: 'noHeader' | 'badHeader';
}

const START_BLOCK = '\x0b';
const END_BLOCK = '\x1c';
/** Batch and file envelopes (FHS/BHS ... BTS/FTS) carry no results. */
const ENVELOPE = new Set(['FHS', 'BHS', 'BTS', 'FTS']);

/**
 * Splits a file into messages: MLLP-framed (<VT> message <FS><CR>) or plain, segments ended by CR,
 * LF or CRLF, each message starting at its MSH.
 */
export function splitHl7File(text: string): Array<Hl7Message | Hl7Fragment> {
  const lines = text
    .split(START_BLOCK)
    .join('')
    .split(END_BLOCK)
    .join('\r')
    .split(/\r\n|\r|\n/);
  const out: Array<Hl7Message | Hl7Fragment> = [];
  let current: string[] | null = null;
  let orphan = false;
  const flush = () => {
    if (current) out.push(parseHl7Message(current, out.length + 1));
    current = null;
  };
  for (const raw of lines) {
    const line = raw.replace(/^\s+/, '');
    if (line === '') continue;
    const name = line.slice(0, 3);
    if (ENVELOPE.has(name)) continue;
    if (name === 'MSH') {
      flush();
      orphan = false;
      current = [line];
    } else if (current) {
      current.push(line);
    } else if (!orphan) {
      orphan = true;
      out.push({ number: out.length + 1, problem: 'noHeader' });
    }
  }
  flush();
  return out;
}

export function parseHl7Message(lines: string[], number: number): Hl7Message | Hl7Fragment {
  const header = lines[0]!;
  // MSH|^~\&| : the field separator, then the encoding characters (component, repetition, escape, subcomponent).
  const field = header.charAt(3);
  const end = header.indexOf(field, 4);
  const encoding = end < 0 ? '' : header.slice(4, end);
  if (field === '' || /[A-Za-z0-9]/.test(field) || encoding.length < 4) return { number, problem: 'badHeader' };
  const separators: Hl7Separators = {
    field,
    component: encoding.charAt(0),
    repetition: encoding.charAt(1),
    escape: encoding.charAt(2),
    subcomponent: encoding.charAt(3),
  };
  const segments = lines.map((line, i) => {
    const parts = line.split(field);
    const name = parts[0]!;
    // MSH-1 is the separator itself, so MSH's fields are shifted by one.
    const fields = name === 'MSH' ? ['MSH', field, ...parts.slice(1)] : parts;
    return { name, position: i + 1, fields };
  });
  return { number, separators, segments };
}

export function isHl7Message(part: Hl7Message | Hl7Fragment): part is Hl7Message {
  return 'segments' in part;
}

/** A field's repetitions, each split into components, each into subcomponents; all still escaped. */
function structure(raw: string, s: Hl7Separators): string[][][] {
  return raw.split(s.repetition).map((rep) => rep.split(s.component).map((c) => c.split(s.subcomponent)));
}

/** SEG-n as sent (escaped), '' when absent. */
export function rawField(segment: Hl7Segment, n: number): string {
  return segment.fields[n] ?? '';
}

/**
 * SEG-n.c (component c, 1-based) of repetition `rep` (0-based), subcomponent `sub` (1-based),
 * decoded. Absent parts read as ''. MSH-2 is returned as sent (it holds the separators).
 */
export function component(segment: Hl7Segment, s: Hl7Separators, n: number, c = 1, rep = 0, sub = 1): string {
  const raw = rawField(segment, n);
  if (segment.name === 'MSH' && n <= 2) return raw;
  const value = structure(raw, s)[rep]?.[c - 1]?.[sub - 1] ?? '';
  return decodeHl7Escapes(value, s);
}

/** How many repetitions SEG-n has ('' counts as none). */
export function repetitions(segment: Hl7Segment, s: Hl7Separators, n: number): number {
  const raw = rawField(segment, n);
  return raw === '' ? 0 : raw.split(s.repetition).length;
}

/**
 * Decodes HL7 escape sequences: \F\ \S\ \T\ \R\ \E\ (the separators), \Xhh..\ (bytes, read as
 * UTF-8), \.br\ (a line break); formatting (\H\ \N\ \.sp\ \.in\ ...) and character-set switches
 * (\C..\ \M..\) are dropped; anything else is kept as sent.
 */
export function decodeHl7Escapes(value: string, s: Hl7Separators): string {
  const e = s.escape;
  if (e === '' || !value.includes(e)) return value;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const ch = value[i]!;
    if (ch !== e) {
      out += ch;
      i += 1;
      continue;
    }
    const close = value.indexOf(e, i + 1);
    if (close < 0) {
      out += value.slice(i);
      break;
    }
    const code = value.slice(i + 1, close);
    const decoded = decodeSequence(code, s);
    out += decoded ?? value.slice(i, close + 1);
    i = close + 1;
  }
  return out;
}

function decodeSequence(code: string, s: Hl7Separators): string | null {
  switch (code) {
    case 'F':
      return s.field;
    case 'S':
      return s.component;
    case 'T':
      return s.subcomponent;
    case 'R':
      return s.repetition;
    case 'E':
      return s.escape;
    case '.br':
      return '\n';
    case 'H':
    case 'N':
      return '';
  }
  if (/^X([0-9A-Fa-f]{2})+$/.test(code)) return Buffer.from(code.slice(1), 'hex').toString('utf8');
  if (/^\.(sp|in|ti|sk|ce|fi|nf)[+-]?\d*$/.test(code)) return code.startsWith('.sp') ? '\n' : '';
  if (/^[CM][0-9A-Fa-f]+$/.test(code)) return '';
  return null;
}
