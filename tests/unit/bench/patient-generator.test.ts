import { describe, expect, it } from 'vitest';
import { patientInputSchema } from '../../../shared/domain/patient';
import { isPlausiblePhone } from '../../../shared/phone';
import { foldForSearch } from '../../../shared/text';
import { syntheticPatient } from '../../../scripts/bench/patient-generator';
import { REGION_WEIGHTS, REGIONS } from '../../../scripts/bench/name-pools';
import { QUERY_KIND_WEIGHTS, queryMix } from '../../../scripts/bench/query-mix';

const SAMPLE = 4000;
const sample = (seed: number, total = SAMPLE) =>
  Array.from({ length: total }, (_, i) => syntheticPatient(seed, i, total));

describe('the bench data generator', () => {
  it('gives the same patients for the same seed, and different ones for another seed', () => {
    const first = Array.from({ length: 20 }, (_, i) => syntheticPatient(7, i, 100_000));
    const again = Array.from({ length: 20 }, (_, i) => syntheticPatient(7, i, 100_000));
    expect(again).toEqual(first);
    // Pinned: a change here changes every cached bench database, so it must bump GENERATOR_VERSION.
    expect(
      first
        .slice(0, 2)
        .map((p) => [
          p.region,
          p.id,
          p.registeredAt,
          p.input.givenNames,
          p.input.familyName,
          p.input.birth.date,
          p.input.phones,
        ]),
    ).toEqual([
      [
        'east-asian',
        '0151fa90-b589-7207-968b-a2b9c568719e',
        '2016-01-01T00:22:46.409Z',
        'Wei',
        'Bùi',
        '1992-06-27',
        [{ kind: 'mobile', number: '+86 150 9370 6883' }],
      ],
      [
        'anglo',
        '0151fac0-3951-70b4-8627-31edbd62fc73',
        '2016-01-01T01:14:40.337Z',
        'Christopher',
        'Jones',
        '1970-02-12',
        [{ kind: 'mobile', number: '07700 639458' }],
      ],
    ]);
    const other = Array.from({ length: 20 }, (_, i) => syntheticPatient(8, i, 100_000));
    expect(other.map((p) => p.input.givenNames)).not.toEqual(first.map((p) => p.input.givenNames));
  });

  it('builds patient i the same whatever was generated before it', () => {
    const direct = syntheticPatient(7, 1234, 100_000);
    for (let i = 0; i < 1234; i++) syntheticPatient(7, i, 100_000);
    expect(syntheticPatient(7, 1234, 100_000)).toEqual(direct);
  });

  it('registers patients in order, so ids (UUIDv7) and registration times rise with the index', () => {
    const patients = sample(3, 500);
    for (let i = 1; i < patients.length; i++) {
      expect(patients[i]!.registeredAt > patients[i - 1]!.registeredAt).toBe(true);
      expect(patients[i]!.id > patients[i - 1]!.id).toBe(true);
    }
  });

  it('mixes patients from every region in about the intended shares', () => {
    const patients = sample(11);
    const total = Object.values(REGION_WEIGHTS).reduce((a, b) => a + b, 0);
    for (const region of REGIONS) {
      const share = patients.filter((p) => p.region === region).length / patients.length;
      expect(share, region).toBeGreaterThan(REGION_WEIGHTS[region] / total - 0.03);
      expect(share, region).toBeLessThan(REGION_WEIGHTS[region] / total + 0.03);
    }
  });

  it('includes accented names and names in non-Latin scripts, each patient in one script', () => {
    const patients = sample(11);
    const names = patients.map((p) => `${p.input.givenNames} ${p.input.familyName}`);
    expect(names.filter((n) => foldForSearch(n) !== n.toLocaleLowerCase('en')).length).toBeGreaterThan(SAMPLE * 0.1);
    for (const script of ['Arabic', 'Devanagari', 'Han', 'Cyrillic', 'Greek', 'Hangul', 'Hebrew']) {
      const re = new RegExp(`^[\\p{Script=${script}} ]+$`, 'u');
      expect(
        names.some((n) => re.test(n)),
        script,
      ).toBe(true);
    }
    for (const p of patients.filter((p) => p.region === 'non-latin')) {
      expect(`${p.input.givenNames} ${p.input.familyName}`).not.toMatch(/[A-Za-z]/);
    }
  });

  it('produces input the real register form accepts: valid phones, birth dates 1925-2025, unique identifiers', () => {
    const patients = sample(5, 1000);
    const identifiers = new Set<string>();
    for (const p of patients) {
      const parsed = patientInputSchema.safeParse(p.input);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      for (const ph of p.input.phones) expect(isPlausiblePhone(ph.number), ph.number).toBe(true);
      expect(p.input.birth.date >= '1925-01-01' && p.input.birth.date <= '2025-12-31').toBe(true);
      expect(p.input.birth.date < p.registeredAt.slice(0, 10)).toBe(true);
      for (const id of p.input.identifiers) {
        const key = `${id.system}|${id.value}`.toLowerCase();
        expect(identifiers.has(key), key).toBe(false);
        identifiers.add(key);
      }
    }
    expect(patients.filter((p) => p.input.phones.length > 0).length).toBeGreaterThan(patients.length * 0.85);
    expect(identifiers.size).toBeGreaterThan(patients.length * 0.3);
    const years = patients.map((p) => Number(p.input.birth.date.slice(0, 4)));
    expect(Math.min(...years)).toBeLessThan(1935);
    expect(Math.max(...years)).toBeGreaterThan(2015);
  });

  it('builds the same query mix for the same seed, covering every kind of query', () => {
    const mix = queryMix(42, 100_000, 600);
    expect(queryMix(42, 100_000, 600)).toEqual(mix);
    expect(new Set(mix.map((q) => q.kind))).toEqual(new Set(Object.keys(QUERY_KIND_WEIGHTS)));
    const accentless = mix.filter((q) => q.kind === 'accentless-name');
    for (const q of accentless) expect(q.text).toBe(foldForSearch(q.text));
    expect(mix.filter((q) => q.isName).length).toBeGreaterThan(mix.length / 2);
  });
});
