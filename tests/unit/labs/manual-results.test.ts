import { describe, expect, it } from 'vitest';
import { parseLabNumber, rangeText } from '../../../electron/main/labs/results/manual-results-service';
import { labOrderNumber } from '../../../electron/main/labs/orders/lab-order-service';

describe('reading a typed lab value', () => {
  it('takes plain decimals with an optional comparator', () => {
    expect(parseLabNumber('5.4')).toEqual({ value: 5.4, comparator: null });
    expect(parseLabNumber(' -2 ')).toEqual({ value: -2, comparator: null });
    expect(parseLabNumber('.5')).toEqual({ value: 0.5, comparator: null });
    expect(parseLabNumber('<0.5')).toEqual({ value: 0.5, comparator: '<' });
    expect(parseLabNumber('>= 1000')).toEqual({ value: 1000, comparator: '>=' });
  });

  it('refuses what is not one number (commas, words, two numbers, units typed into the value)', () => {
    for (const text of ['twelve', '12,5', '1,000', '5 mg', '1-2', '', '<', '5..4', 'NaN', 'Infinity', '1e400'])
      expect(parseLabNumber(text), text).toBeNull();
  });

  it('writes ranges and order numbers as printed', () => {
    expect(rangeText(13, 17)).toBe('13–17');
    expect(rangeText(null, 199)).toBe('≤ 199');
    expect(rangeText(40, null)).toBe('≥ 40');
    expect(rangeText(null, null)).toBe('');
    expect(labOrderNumber('2026-03-10', '0195f0a1-2b3c-7d4e-8f50-61a2b3c4d5e6')).toBe('LAB-20260310-C4D5E6');
  });
});
