import { v7 as uuidv7 } from 'uuid';
import type { PatientInput } from '../../shared/domain/patient';
import { NAME_POOLS, REGION_WEIGHTS, type NamePool, type PhoneStyle, type Region } from './name-pools';
import { digits, intBetween, pick, pickWeighted, rngFor, type Rng } from './prng';

/** Bump when the generator's output changes, so cached bench databases are rebuilt. */
export const GENERATOR_VERSION = 1;

const PATIENT_STREAM = 1;
const FIRST_REGISTRATION = Date.UTC(2016, 0, 1);
const LAST_REGISTRATION = Date.UTC(2025, 11, 31);
const EARLIEST_BIRTH = Date.UTC(1925, 0, 1);
const DAY_MS = 86_400_000;
const LETTERS = 'ABCDEFGHJKLMNPRSTVWXYZ';
const RELATIONSHIPS = ['Mother', 'Father', 'Spouse', 'Daughter', 'Son', 'Sister', 'Brother', 'Friend'];
const STREETS = [
  'Market Street',
  'Station Road',
  'Church Lane',
  'Main Road',
  'Harbour View',
  'Hill Road',
  'Garden Close',
];

export interface SyntheticPatient {
  index: number;
  region: Region;
  id: string;
  /** When the clinic registered the patient (UTC ISO-8601); patients are registered in index order. */
  registeredAt: string;
  input: PatientInput & { birth: { kind: 'date'; date: string } };
}

function givenName(rng: Rng, pool: NamePool, female: boolean, group: number | null): string {
  const names = female ? pool.female : pool.male;
  const size = pool.scriptGroupSize;
  const one = () => (group !== null && size ? names[group * size + intBetween(rng, 0, size - 1)]! : pick(rng, names));
  const first = one();
  if (rng() >= pool.secondGivenName) return first;
  const second = one();
  return second === first ? first : `${first} ${second}`;
}

function familyName(rng: Rng, pool: NamePool, group: number | null): string {
  const size = pool.scriptGroupSize;
  const one = () =>
    group !== null && size ? pool.family[group * size + intBetween(rng, 0, size - 1)]! : pick(rng, pool.family);
  const first = one();
  if (rng() >= pool.compoundFamily) return first;
  const second = one();
  return second === first ? first : `${first} ${second}`;
}

/** The national significant number (no country code, no trunk zero). */
function nationalNumber(rng: Rng, style: PhoneStyle): string {
  const prefix = pick(rng, style.mobilePrefixes);
  return prefix + digits(rng, style.length - prefix.length);
}

function grouped(text: string, groups: readonly number[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const g of groups) {
    if (at >= text.length) break;
    parts.push(text.slice(at, at + g));
    at += g;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts.join(' ');
}

/** A number the way receptionists write them: international, national with trunk 0, or run together. */
export function phoneAsWritten(rng: Rng, style: PhoneStyle, national: string): string {
  const form = rng();
  if (form < 0.45) return `+${style.countryCode} ${grouped(national, style.groups)}`;
  const local = style.trunkZero ? `0${national}` : national;
  if (form < 0.85) return style.trunkZero ? `0${grouped(national, style.groups)}` : grouped(national, style.groups);
  return local;
}

/** A value unique per (patient index, kind): index through a bijection of [0, 10^digits). */
function uniqueDigits(index: number, count: number, salt: bigint): string {
  const modulus = 10n ** BigInt(count);
  // 7_654_321 is coprime with 10, so multiplication is a permutation mod 10^count.
  const v = (BigInt(index) * 7_654_321n + salt) % modulus;
  return v.toString().padStart(count, '0');
}

function nationalId(rng: Rng, pool: NamePool, index: number): { system: string; value: string } {
  const { system, letters, digits: count } = pool.nationalId;
  const letterPart = Array.from({ length: letters }, () => pick(rng, [...LETTERS])).join('');
  const numberPart = uniqueDigits(index, count, 1_000_003n);
  return { system, value: system === 'DNI' ? `${numberPart}${letterPart}` : `${letterPart}${numberPart}` };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Patient number `index` of a clinic that will hold `total` patients, from `seed`. Each patient has
 * its own random stream, so patient i is the same however many patients are generated and in which
 * order (the query mix regenerates patients it needs without reading the database).
 */
export function syntheticPatient(seed: number, index: number, total: number): SyntheticPatient {
  const rng = rngFor(seed, PATIENT_STREAM, index);
  const region = pickWeighted(rng, REGION_WEIGHTS);
  const pool = NAME_POOLS[region];
  const group = pool.scriptGroupSize ? intBetween(rng, 0, pool.female.length / pool.scriptGroupSize - 1) : null;
  const sexRoll = rng();
  const sex = sexRoll < 0.49 ? 'female' : sexRoll < 0.98 ? 'male' : sexRoll < 0.99 ? 'other' : 'unknown';
  const female = sex === 'female' || (sex !== 'male' && rng() < 0.5);

  const step = (LAST_REGISTRATION - FIRST_REGISTRATION) / Math.max(total, 1);
  const registeredMs = Math.floor(FIRST_REGISTRATION + step * index + rng() * step * 0.5);
  const birthMs = EARLIEST_BIRTH + Math.floor(rng() * (registeredMs - EARLIEST_BIRTH));

  const phoneCount = rng() < 0.08 ? 0 : rng() < 0.85 ? 1 : 2;
  const phones = Array.from({ length: phoneCount }, (_, i) => ({
    kind: i === 0 ? ('mobile' as const) : pick(rng, ['home', 'work'] as const),
    number: phoneAsWritten(rng, pool.phone, nationalNumber(rng, pool.phone)),
  }));

  const identifiers: { system: string; value: string }[] = [];
  if (rng() < 0.35) identifiers.push(nationalId(rng, pool, index));
  if (region !== 'non-latin' && rng() < 0.05) {
    const letters = pick(rng, [...LETTERS]) + pick(rng, [...LETTERS]);
    identifiers.push({ system: 'Passport', value: `${letters}${uniqueDigits(index, 7, 4_242_421n)}` });
  }

  const hasAddress = rng() < 0.7;
  const hasEmergency = rng() < 0.4;
  const id = uuidv7({ msecs: registeredMs, random: Uint8Array.from({ length: 16 }, () => Math.floor(rng() * 256)) });

  return {
    index,
    region,
    id,
    registeredAt: new Date(registeredMs).toISOString(),
    input: {
      givenNames: givenName(rng, pool, female, group),
      familyName: familyName(rng, pool, group),
      latinName: '',
      sex,
      genderIdentity: '',
      birth: { kind: 'date', date: isoDate(Math.min(birthMs, registeredMs - DAY_MS)) },
      phones,
      address: hasAddress
        ? {
            line: `${intBetween(rng, 1, 240)} ${pick(rng, STREETS)}`,
            city: pick(rng, pool.cities),
            region: '',
            postalCode: digits(rng, 5),
            country: pool.country,
          }
        : { line: '', city: '', region: '', postalCode: '', country: '' },
      identifiers,
      emergencyContact: hasEmergency
        ? {
            name: `${givenName(rng, pool, rng() < 0.5, group)} ${familyName(rng, pool, group)}`,
            relationship: pick(rng, RELATIONSHIPS),
            phone: phoneAsWritten(rng, pool.phone, nationalNumber(rng, pool.phone)),
          }
        : { name: '', relationship: '', phone: '' },
      notes: rng() < 0.05 ? 'Prefers morning appointments.' : '',
    },
  };
}
