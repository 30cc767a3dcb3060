import { describe, expect, it } from 'vitest';
import { namesAgree } from '../../../electron/main/labs/imports/lab-matcher';

const sent = (familyName: string, givenName: string) => ({
  identifiers: [],
  familyName,
  givenName,
  birthDate: '1980-02-29',
  sex: null,
});
const jose = { given_names: 'José Luis', family_name: 'García' };

describe('names agree only when the lab names the same person', () => {
  it('accepts the same names without accents or case, a given name of several, or an initial', () => {
    expect(namesAgree(jose, sent('GARCIA', 'JOSE'))).toBe(true);
    expect(namesAgree(jose, sent('García', 'José Luis'))).toBe(true);
    expect(namesAgree(jose, sent('garcia', 'Luis'))).toBe(true);
    expect(namesAgree(jose, sent('García', 'J'))).toBe(true);
    expect(namesAgree({ given_names: 'Anne', family_name: "O'Brien-Smith" }, sent('O Brien Smith', 'Anne'))).toBe(true);
  });

  it('refuses another family name, another given name, or none', () => {
    expect(namesAgree(jose, sent('Garcés', 'José'))).toBe(false);
    expect(namesAgree(jose, sent('García', 'Pedro'))).toBe(false);
    expect(namesAgree(jose, sent('García', 'José Pedro'))).toBe(false);
    expect(namesAgree(jose, sent('García', ''))).toBe(false);
    expect(namesAgree(jose, sent('', 'José'))).toBe(false);
  });
});
