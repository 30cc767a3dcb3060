import { describe, expect, it } from 'vitest';
import {
  labNumber,
  labRangeText,
  labValueText,
  reportPriority,
  resultPriority,
} from '../../../shared/domain/lab-review';

describe('how urgent a result and a report are', () => {
  it('calls a result critical for LL, HH, AA or the lab’s critical mark, abnormal for any other flag but N', () => {
    expect(resultPriority({ flag: 'HH', critical: false })).toBe('critical');
    expect(resultPriority({ flag: 'LL', critical: false })).toBe('critical');
    expect(resultPriority({ flag: 'AA', critical: false })).toBe('critical');
    expect(resultPriority({ flag: 'H', critical: true })).toBe('critical');
    expect(resultPriority({ flag: null, critical: true })).toBe('critical');
    expect(resultPriority({ flag: 'H', critical: false })).toBe('abnormal');
    expect(resultPriority({ flag: 'L', critical: false })).toBe('abnormal');
    expect(resultPriority({ flag: 'A', critical: false })).toBe('abnormal');
    expect(resultPriority({ flag: 'N', critical: false })).toBe('normal');
    expect(resultPriority({ flag: null, critical: false })).toBe('normal');
  });

  it('ranks a report by its most urgent result', () => {
    expect(reportPriority([])).toBe('normal');
    expect(
      reportPriority([
        { flag: 'N', critical: false },
        { flag: 'H', critical: false },
      ]),
    ).toBe('abnormal');
    expect(
      reportPriority([
        { flag: 'H', critical: false },
        { flag: 'N', critical: true },
      ]),
    ).toBe('critical');
  });
});

describe('values and ranges as people read them', () => {
  it('prints numbers without binary noise or added zeros', () => {
    expect(labNumber(0.1 + 0.2)).toBe('0.3');
    expect(labNumber(140)).toBe('140');
    expect(labNumber(5.1)).toBe('5.1');
    expect(labNumber(0.000012)).toBe('0.000012');
  });

  it('writes the comparator and unit with a number, the text otherwise, and leaves out UCUM’s unity unit', () => {
    expect(labValueText({ valueNum: 0.5, comparator: '<', unit: 'mg/dL', valueText: '' })).toBe('<0.5 mg/dL');
    expect(labValueText({ valueNum: 7.2, comparator: null, unit: '%', valueText: '' })).toBe('7.2 %');
    expect(labValueText({ valueNum: 1.02, comparator: null, unit: '1', valueText: '' })).toBe('1.02');
    expect(labValueText({ valueNum: null, comparator: null, unit: null, valueText: 'Positive' })).toBe('Positive');
  });

  it('writes a range from both limits, one, or the lab’s text', () => {
    expect(labRangeText({ refLow: 3.5, refHigh: 5.1, refText: 'ignored' })).toBe('3.5–5.1');
    expect(labRangeText({ refLow: null, refHigh: 5.2, refText: '' })).toBe('up to 5.2');
    expect(labRangeText({ refLow: 60, refHigh: null, refText: '' })).toBe('at least 60');
    expect(labRangeText({ refLow: null, refHigh: null, refText: 'Negative' })).toBe('Negative');
  });
});
