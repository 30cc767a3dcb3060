import { describe, expect, it } from 'vitest';
import { isPlausiblePhone, phoneSearchKeys } from '../../../shared/phone';
import { foldForSearch, searchTokens } from '../../../shared/text';

describe('phones', () => {
  it.each(['+34 600 123 456', '(020) 7946-0958', '0803.555.1234', '555123'])('accepts %s', (n) => {
    expect(isPlausiblePhone(n)).toBe(true);
  });
  it.each(['12345', '+1 (555) CALL-NOW', '1234567890123456', '', '++44 20'])('rejects %s', (n) => {
    expect(isPlausiblePhone(n)).toBe(false);
  });
  it('makes search keys with and without country code and trunk zero', () => {
    expect(phoneSearchKeys('+34 600 123 456')).toEqual(expect.arrayContaining(['34600123456', '600123456']));
    expect(phoneSearchKeys('0034 600 123 456')).toEqual(
      expect.arrayContaining(['0034600123456', '34600123456', '600123456']),
    );
    expect(phoneSearchKeys('020 7946 0958')).toEqual(['02079460958', '2079460958']);
  });
});

describe('search text', () => {
  it('folds accents, case and stroked letters', () => {
    expect(foldForSearch('José GARCÍA')).toBe('jose garcia');
    expect(foldForSearch('Østergård Łukasz Straße')).toBe('ostergard lukasz strasse');
    expect(foldForSearch('Nguyễn')).toBe('nguyen');
  });
  it('keeps non-Latin scripts (folded the same way in index and query) and splits on punctuation', () => {
    expect(searchTokens("O'Brien-Smith  美咲 Алексей")).toEqual(['o', 'brien', 'smith', '美咲', 'алексеи']);
  });
});
