import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import testsJson from '../../../resources/labs/tests.json';
import {
  LOCAL_LAB_SYSTEM,
  shippedLabCatalogue,
  yearsToDays,
} from '../../../electron/main/labs/catalogue/lab-catalogue';
import { toUcum } from '../../../electron/main/labs/results/units';
import { loincCheckDigitOk } from '../../../shared/domain/lab-order';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const LABS = path.join(ROOT, 'resources', 'labs');
/** The staged LOINC Top 2000 file (shared/data/loinc/, beside the repository; see its SOURCE.md). */
const STAGED_LOINC = path.join(ROOT, '..', 'shared', 'data', 'loinc', 'LOINC_1.6_Top2000CommonLabResultsUS.csv');

function stagedLongNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of fs.readFileSync(STAGED_LOINC, 'utf8').split('\n').slice(1)) {
    const m = /^(\d+-\d),("(?:[^"]|"")*"|[^,]*),/.exec(line);
    if (m && !names.has(m[1]!)) {
      const name = m[2]!.startsWith('"') ? m[2]!.slice(1, -1).replace(/""/g, '"') : m[2]!;
      names.set(m[1]!, name.trim());
    }
  }
  return names;
}

const catalogue = shippedLabCatalogue();
const entries = [...catalogue.values()];
const tests = entries.filter((e) => e.kind === 'test');
const panels = entries.filter((e) => e.kind === 'panel');

describe('the shipped lab catalogue (resources/labs/)', () => {
  it('holds the common tests and panels a clinic orders', () => {
    expect(tests.length).toBeGreaterThanOrEqual(100);
    expect(panels.length).toBeGreaterThanOrEqual(14);
    for (const name of [
      'CBC',
      'Lipid profile',
      'LFT',
      'KFT',
      'Electrolytes',
      'HbA1c',
      'Thyroid profile',
      'Urine routine',
    ]) {
      expect(
        entries.some((e) => e.name.includes(name) || e.aliases.includes(name)),
        name,
      ).toBe(true);
    }
    for (const code of ['1558-6', '1521-4', '4548-4', '2345-7', '3016-3']) expect(catalogue.has(code), code).toBe(true);
  });

  it('every range names its source, and its limits are in order', () => {
    for (const test of tests) {
      for (const range of test.ranges) {
        expect(range.source.trim().length, `${test.code} source`).toBeGreaterThan(10);
        if (range.low !== null && range.high !== null) expect(range.low, test.code).toBeLessThan(range.high);
        if (range.criticalLow !== null && range.low !== null)
          expect(range.criticalLow, test.code).toBeLessThanOrEqual(range.low);
        if (range.criticalHigh !== null && range.high !== null)
          expect(range.criticalHigh, test.code).toBeGreaterThanOrEqual(range.high);
        if (range.criticalLow !== null || range.criticalHigh !== null)
          expect(range.source, `${test.code} critical limits`).toContain('critical limits: Kost');
        if (range.ageFromDays !== null && range.ageToDays !== null)
          expect(range.ageFromDays).toBeLessThan(range.ageToDays);
      }
      if (test.valueType === 'text') expect(test.ranges, test.code).toEqual([]);
    }
    // Every source key the file names exists, and every one is used.
    const used = new Set(
      testsJson.tests.flatMap((t) =>
        t.ranges.flatMap((r) => [r.source, ...('criticalSource' in r ? [r.criticalSource] : [])]),
      ),
    );
    expect([...used].filter((k) => !(k in testsJson.sources))).toEqual([]);
    expect(Object.keys(testsJson.sources).filter((k) => !used.has(k))).toEqual([]);
  });

  it('every panel member is a test of the catalogue, listed once; panels carry local X codes', () => {
    for (const panel of panels) {
      expect(panel.code, panel.name).toMatch(/^X/);
      expect(panel.system).toBe(LOCAL_LAB_SYSTEM);
      expect(new Set(panel.members).size, panel.code).toBe(panel.members.length);
      for (const member of panel.members) expect(catalogue.get(member)?.kind, `${panel.code} ${member}`).toBe('test');
      expect(panel.memberNames).toHaveLength(panel.members.length);
    }
  });

  it('every unit is valid UCUM, written as UCUM writes it; numeric tests have one, text tests none', () => {
    for (const test of tests) {
      if (test.valueType === 'numeric') expect(toUcum(test.unit ?? ''), `${test.code} ${test.unit}`).toBe(test.unit);
      else expect(test.unit, test.code).toBeNull();
    }
  });

  it('every test code is a LOINC code of the Top 2000 list with its check digit, kept with its LOINC name unchanged', () => {
    const staged = stagedLongNames();
    expect(staged.size).toBeGreaterThan(2000);
    for (const test of tests) {
      expect(loincCheckDigitOk(test.code), test.code).toBe(true);
      expect(test.system).toBe('http://loinc.org');
      expect(staged.get(test.code), test.code).toBe(test.loincName);
    }
  });

  it('ships the LOINC licence and notice beside the data, and a SOURCE.md that names them', () => {
    const notice = fs.readFileSync(path.join(LABS, 'LOINC_short_license.txt'), 'utf8');
    expect(notice).toContain('This material contains content from LOINC (http://loinc.org)');
    expect(fs.readFileSync(path.join(LABS, 'LICENSE-LOINC.txt'), 'utf8')).toContain('Copyright Notice and License');
    const source = fs.readFileSync(path.join(LABS, 'SOURCE.md'), 'utf8');
    for (const file of ['tests.json', 'panels.json', 'LICENSE-LOINC.txt', 'LOINC_short_license.txt'])
      expect(source).toContain(file);
  });

  it('counts ages in days from years as the ranges need them, and checks LOINC check digits', () => {
    expect(yearsToDays(18)).toBe(6575);
    expect(yearsToDays(0.5)).toBe(183);
    expect(yearsToDays(null)).toBeNull();
    expect(loincCheckDigitOk('2345-7')).toBe(true);
    expect(loincCheckDigitOk('2345-6')).toBe(false);
    expect(loincCheckDigitOk('718-7')).toBe(true);
    expect(loincCheckDigitOk('XCBC')).toBe(false);
  });
});
