import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import growthLms from '../../../resources/growth/growth-lms.json';
import {
  centileOfValue,
  lmsAt,
  normalCdf,
  normalQuantile,
  valueAtCentile,
  zOfValue,
  type GrowthSex,
  type GrowthTableName,
  type LmsRow,
  type LmsTables,
} from '../../../shared/domain/growth';

const TABLES = growthLms as unknown as LmsTables;
const NAMES: GrowthTableName[] = ['wtageinf', 'lenageinf', 'hcageinf', 'wtage', 'statage'];
const SEXES: GrowthSex[] = ['male', 'female'];

const row = (table: GrowthTableName, sex: GrowthSex, agemos: number): LmsRow => {
  const found = TABLES[table][sex].find((r) => r[0] === agemos);
  if (!found) throw new Error(`${table} ${sex} has no row at ${agemos} months`);
  return found;
};
const lmsOf = (table: GrowthTableName, sex: GrowthSex, agemos: number) => {
  const [, l, m, s] = row(table, sex, agemos);
  return { l, m, s };
};

describe('the normal distribution', () => {
  it('gives the textbook values of Φ and Φ⁻¹', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-5)).toBeCloseTo(2.866515718791939e-7, 20);
    expect(normalQuantile(0.03)).toBeCloseTo(-1.880793608151251, 12);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 12);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 14);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('CDC growth charts from LMS', () => {
  it('puts the 50th centile on M at every age of every table', () => {
    for (const name of NAMES) {
      for (const sex of SEXES) {
        for (const [, l, m, s] of TABLES[name][sex]) {
          expect(valueAtCentile({ l, m, s }, 50)).toBeCloseTo(m, 9);
          expect(centileOfValue({ l, m, s }, m)).toBeCloseTo(50, 9);
        }
      }
    }
  });

  // CDC's files publish P3 ... P97 beside L, M and S. These are CDC's values as a second copy holds
  // them (rounded to 7 significant digits): the centiles computed here from the shipped L, M and S
  // must agree, so a mistyped parameter or a wrong formula fails.
  const published: [GrowthTableName, GrowthSex, number, number, number][] = [
    ['wtageinf', 'male', 0, 3, 2.355451],
    ['wtageinf', 'male', 0, 5, 2.526904],
    ['wtageinf', 'male', 0, 95, 4.340293],
    ['wtageinf', 'male', 0, 97, 4.446488],
    ['wtageinf', 'male', 18.5, 10, 10.28968],
    ['wtageinf', 'male', 18.5, 90, 13.5829],
    ['wtageinf', 'female', 11.5, 25, 8.712513],
    ['wtageinf', 'female', 36, 3, 11.33404],
    ['wtageinf', 'female', 36, 97, 17.87089],
    ['lenageinf', 'male', 12.5, 3, 70.91088],
    ['lenageinf', 'male', 12.5, 97, 82.03585],
    ['lenageinf', 'female', 0, 10, 46.33934],
    ['lenageinf', 'female', 24.5, 5, 80.39391],
    ['lenageinf', 'female', 24.5, 95, 91.98074],
    ['lenageinf', 'female', 35.5, 75, 97.12307],
    ['statage', 'male', 24, 25, 84.10289],
    ['statage', 'male', 120.5, 3, 126.6678],
    ['statage', 'male', 120.5, 97, 151.5294],
    ['statage', 'male', 180.5, 10, 159.7529],
    ['statage', 'male', 180.5, 90, 179.8124],
  ];
  it.each(published)('%s %s at %s months: centile %s is %s', (table, sex, agemos, centile, value) => {
    expect(valueAtCentile(lmsOf(table, sex, agemos), centile) / value).toBeCloseTo(1, 5);
  });

  it('holds the same parameters as other published copies of the CDC files', () => {
    // Head circumference (hcageinf) and the 2-20 years weights (wtage), as other copies list them.
    expect(row('hcageinf', 'male', 0)).toEqual([0, 4.427825037, 35.81366835, 0.052172542]);
    expect(row('hcageinf', 'male', 2.5)).toEqual([2.5, 3.305593039, 40.65233195, 0.037027722]);
    expect(row('hcageinf', 'male', 12.5)[2]).toBe(46.49853438);
    expect(row('hcageinf', 'female', 0)[2]).toBe(34.7115617);
    expect(row('wtage', 'female', 240)).toEqual([240, -1.51336185, 58.21897289, 0.166644749]);
    expect(row('statage', 'male', 240)[2]).toBe(176.8492322);
    // Where the infant and the 2-20 years charts overlap, CDC's two files agree at 24.5 months.
    expect(row('wtage', 'male', 24.5)[2]).toBe(row('wtageinf', 'male', 24.5)[2]);
    expect(row('wtage', 'female', 24.5)[2]).toBeCloseTo(row('wtageinf', 'female', 24.5)[2], 6);
  });

  it('covers each chart’s ages for both sexes with curves that change smoothly (no mistyped row)', () => {
    const span: Record<GrowthTableName, [number, number]> = {
      wtageinf: [0, 36],
      lenageinf: [0, 35.5],
      hcageinf: [0, 36],
      wtage: [24, 240],
      statage: [24, 240],
    };
    for (const name of NAMES) {
      for (const sex of SEXES) {
        const rows = TABLES[name][sex];
        expect([rows[0]![0], rows[rows.length - 1]![0]], `${name} ${sex}`).toEqual(span[name]);
        for (let i = 2; i < rows.length; i++) {
          const [a, b, c] = [rows[i - 2]!, rows[i - 1]!, rows[i]!];
          if (c[0] < 12 || c[0] - b[0] !== 1 || b[0] - a[0] !== 1) continue;
          // CDC joined two fits at 24-25 months (length) and 36-37 months (stature): kinks are real there.
          if ((name === 'lenageinf' && c[0] <= 26.5) || (name === 'statage' && c[0] <= 38.5)) continue;
          const bend = (k: 2 | 3) => Math.abs(c[k] - 2 * b[k] + a[k]) / b[k];
          expect(bend(2), `${name} ${sex} M at ${c[0]}`).toBeLessThan(0.005);
          expect(bend(3), `${name} ${sex} S at ${c[0]}`).toBeLessThan(0.01);
        }
      }
    }
  });

  it('reads a child’s centile back from their measurement, and interpolates between CDC’s rows', () => {
    const boyAt12 = lmsOf('wtageinf', 'male', 12.5);
    const weight = valueAtCentile(boyAt12, 90);
    expect(centileOfValue(boyAt12, weight)).toBeCloseTo(90, 9);
    expect(zOfValue(boyAt12, weight)).toBeCloseTo(1.2815515655446004, 9);
    // Halfway between the 12.5 and 13.5 month rows.
    const rows = TABLES.wtageinf.male;
    const mid = lmsAt(rows, 13)!;
    expect(mid.m).toBeCloseTo((row('wtageinf', 'male', 12.5)[2] + row('wtageinf', 'male', 13.5)[2]) / 2, 12);
    expect(lmsAt(rows, 12.5)).toEqual(boyAt12);
    expect(lmsAt(rows, -0.1)).toBeNull();
    expect(lmsAt(rows, 36.01)).toBeNull();
    // L = 0 is the log-normal case.
    expect(valueAtCentile({ l: 0, m: 10, s: 0.1 }, 50)).toBe(10);
    expect(zOfValue({ l: 0, m: 10, s: 0.1 }, 10 * Math.exp(0.1))).toBeCloseTo(1, 12);
  });

  it('ships the bundled JSON exactly as the CSV files beside it say (build-growth-json.mjs)', () => {
    const dir = path.join(__dirname, '../../../resources/growth');
    for (const name of NAMES) {
      const [header, ...lines] = readFileSync(path.join(dir, `${name}.csv`), 'utf8')
        .trim()
        .split('\n');
      expect(header).toBe('Sex,Agemos,L,M,S');
      const fromCsv = { male: [] as number[][], female: [] as number[][] };
      for (const line of lines) {
        const [sex, ...rest] = line.split(',').map(Number);
        fromCsv[sex === 1 ? 'male' : 'female'].push(rest);
      }
      expect(TABLES[name], name).toEqual(fromCsv);
    }
  });
});
