import { foldForSearch } from '../../shared/text';
import { syntheticPatient, type SyntheticPatient } from './patient-generator';
import { intBetween, pickWeighted, rngFor, type Rng } from './prng';
import { benchMrn } from './bench-mrn';

const QUERY_STREAM = 2;

/** What receptionists type into the search box, and how often (relative weights). */
export const QUERY_KIND_WEIGHTS = {
  'prefix-1': 6,
  'prefix-2': 8,
  'prefix-3': 10,
  'family-name': 8,
  'full-name': 12,
  'reversed-name': 8,
  'two-prefixes': 10,
  'accentless-name': 8,
  'non-latin-name': 4,
  'phone-partial': 7,
  'phone-full': 5,
  'mrn-partial': 5,
  'mrn-full': 5,
  identifier: 4,
} as const;
export type QueryKind = keyof typeof QUERY_KIND_WEIGHTS;

const NAME_KINDS = new Set<QueryKind>([
  'prefix-1',
  'prefix-2',
  'prefix-3',
  'family-name',
  'full-name',
  'reversed-name',
  'two-prefixes',
  'accentless-name',
  'non-latin-name',
]);

export interface BenchQuery {
  kind: QueryKind;
  text: string;
  /** A name query: the raw FTS5 baseline is measured on these. */
  isName: boolean;
}

function firstWord(text: string): string {
  return text.split(/\s+/)[0] ?? text;
}

function typedPrefix(rng: Rng, word: string, min: number, max: number): string {
  const chars = [...word];
  return chars.slice(0, Math.min(chars.length, intBetween(rng, min, max))).join('');
}

/** Half the time lower case, as people type into a search box. */
function asTyped(rng: Rng, text: string): string {
  return rng() < 0.5 ? text.toLocaleLowerCase('en') : text;
}

function patientMatching(
  rng: Rng,
  seed: number,
  total: number,
  accept: (p: SyntheticPatient) => boolean,
): SyntheticPatient {
  let p = syntheticPatient(seed, intBetween(rng, 0, total - 1), total);
  for (let tries = 0; tries < 500 && !accept(p); tries++)
    p = syntheticPatient(seed, intBetween(rng, 0, total - 1), total);
  return p;
}

const hasAccent = (p: SyntheticPatient) =>
  foldForSearch(`${p.input.givenNames} ${p.input.familyName}`) !==
  `${p.input.givenNames} ${p.input.familyName}`.toLocaleLowerCase('en');

function queryText(kind: QueryKind, rng: Rng, seed: number, total: number): string {
  const any = () => patientMatching(rng, seed, total, () => true);
  switch (kind) {
    case 'prefix-1':
    case 'prefix-2':
    case 'prefix-3': {
      const p = any();
      const word = firstWord(rng() < 0.6 ? p.input.familyName : p.input.givenNames);
      const len = Number(kind.slice(-1));
      return asTyped(rng, typedPrefix(rng, word, len, len));
    }
    case 'family-name':
      return asTyped(rng, any().input.familyName);
    case 'full-name': {
      const p = any();
      return asTyped(rng, `${p.input.givenNames} ${p.input.familyName}`);
    }
    case 'reversed-name': {
      const p = any();
      return asTyped(rng, `${p.input.familyName} ${firstWord(p.input.givenNames)}`);
    }
    case 'two-prefixes': {
      const p = any();
      const given = typedPrefix(rng, firstWord(p.input.givenNames), 2, 5);
      const family = typedPrefix(rng, firstWord(p.input.familyName), 2, 5);
      return asTyped(rng, rng() < 0.5 ? `${given} ${family}` : `${family} ${given}`);
    }
    case 'accentless-name': {
      const p = patientMatching(rng, seed, total, hasAccent);
      const folded = foldForSearch(`${firstWord(p.input.givenNames)} ${p.input.familyName}`);
      return rng() < 0.5
        ? folded
        : folded
            .split(' ')
            .map((w) => typedPrefix(rng, w, 3, 6))
            .join(' ');
    }
    case 'non-latin-name': {
      const p = patientMatching(rng, seed, total, (c) => c.region === 'non-latin');
      return rng() < 0.5 ? p.input.familyName : `${p.input.givenNames} ${p.input.familyName}`;
    }
    case 'phone-partial':
    case 'phone-full': {
      const p = patientMatching(rng, seed, total, (c) => c.input.phones.length > 0);
      const written = p.input.phones[0]!.number;
      if (kind === 'phone-full') return written;
      const national = written.startsWith('+') ? written.replace(/^\+\d+\s/, '') : written;
      const digits = national.replace(/\D/g, '');
      return digits.slice(0, intBetween(rng, 4, Math.max(4, digits.length - 2)));
    }
    case 'mrn-partial':
    case 'mrn-full': {
      const mrn = benchMrn(seed, intBetween(rng, 0, total - 1));
      if (kind === 'mrn-full') return rng() < 0.5 ? mrn : mrn.toLowerCase();
      return mrn.slice(0, intBetween(rng, 6, mrn.length - 1));
    }
    case 'identifier': {
      const p = patientMatching(rng, seed, total, (c) => c.input.identifiers.length > 0);
      return p.input.identifiers[0]!.value;
    }
  }
}

/** `count` queries for a clinic of `total` patients generated from `seed`; the same every run. */
export function queryMix(seed: number, total: number, count: number): BenchQuery[] {
  return Array.from({ length: count }, (_, q) => {
    const rng = rngFor(seed, QUERY_STREAM, q);
    const kind = pickWeighted(rng, QUERY_KIND_WEIGHTS);
    return { kind, text: queryText(kind, rng, seed, total), isName: NAME_KINDS.has(kind) };
  });
}
