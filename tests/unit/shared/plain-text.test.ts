import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { patientInputSchema } from '../../../shared/domain/patient';
import { clinicSettingsSchema } from '../../../shared/domain/settings';
import { bookInputSchema } from '../../../shared/domain/appointment';

const RLO = '\u202e';
const basePatient = { sex: 'female', birth: { kind: 'date', date: '1990-05-01' } } as const;
const clinic = { clinicName: 'Riverside', timeZone: 'Asia/Kolkata', paperSize: 'A4' } as const;

function firstMessage(result: { success: boolean; error?: { issues: { message: string }[] } }): string {
  return result.success ? '' : result.error!.issues[0]!.message;
}

/** One field of each kind, with a function that parses a value typed into it. */
const FIELDS = {
  'a patient name': (v: string) => patientInputSchema.safeParse({ ...basePatient, givenNames: v, familyName: 'Shah' }),
  'free text (patient notes)': (v: string) =>
    patientInputSchema.safeParse({ ...basePatient, givenNames: 'Ana', notes: v }),
  'free text (appointment note)': (v: string) =>
    bookInputSchema.safeParse({
      patientId: '0190a0b0-0000-7000-8000-000000000001',
      providerId: '0190a0b0-0000-7000-8000-000000000002',
      date: '2026-03-11',
      time: '10:00',
      note: v,
    }),
  'a user name typed at sign-in': (v: string) =>
    contract['auth.signIn'].input.safeParse({ username: v, password: 'whatever password' }),
  'the clinic letterhead': (v: string) => clinicSettingsSchema.safeParse({ ...clinic, letterhead: v }),
} as const;

describe.each(Object.entries(FIELDS))('text typed into %s', (_kind, parse) => {
  it.each([
    ['a right-to-left override', `Ann${RLO}htims`, /right-to-left override \(U\+202E\)/],
    ['a left-to-right isolate', 'Ann\u2066x', /left-to-right isolate \(U\+2066\)/],
    ['a NUL', 'Ann\u0000', /NUL \(U\+0000\)/],
    ['a C0 control', 'Ann\u0007', /control character \(U\+0007\)/],
    ['a C1 control', 'Ann\u0085', /control character \(U\+0085\)/],
    ['a lone surrogate', 'Ann\ud800', /broken character \(U\+D800\)/],
  ])('refuses %s with a message naming it', (_what, value, message) => {
    const result = parse(value);
    expect(result.success).toBe(false);
    expect(firstMessage(result)).toMatch(message);
  });

  it('removes zero-width spaces, word joiners, byte-order marks and soft hyphens', () => {
    const result = parse('An\u200bn\u2060a\ufeff\u00ad');
    expect(result.success).toBe(true);
    expect(JSON.stringify(result.data)).toContain('"Anna"');
  });
});

describe('what plain text keeps', () => {
  it('keeps a zero-width non-joiner inside a Persian name and drops one at its edge', () => {
    const persian = 'می\u200cخواهم';
    const result = patientInputSchema.parse({ ...basePatient, givenNames: `\u200c${persian}`, familyName: 'x' });
    expect(result.givenNames).toBe(persian);
  });

  it('keeps a zero-width joiner inside a Malayalam name', () => {
    const name = 'ന്\u200d';
    const parsed = patientInputSchema.parse({ ...basePatient, givenNames: `${name}റ`, familyName: 'x' });
    expect(parsed.givenNames).toBe(`${name}റ`);
  });

  it('stores names in NFC, so the same name typed two ways is one name', () => {
    const decomposed = 'Jose\u0301';
    expect(patientInputSchema.parse({ ...basePatient, givenNames: decomposed, familyName: 'x' }).givenNames).toBe(
      'José',
    );
  });

  it('keeps line breaks and tabs in notes but refuses them in a name', () => {
    expect(patientInputSchema.parse({ ...basePatient, givenNames: 'Ana', notes: 'line 1\r\n\tline 2' }).notes).toBe(
      'line 1\n\tline 2',
    );
    expect(firstMessage(patientInputSchema.safeParse({ ...basePatient, givenNames: 'Ana\nBob' }))).toMatch(
      /line break/,
    );
  });
});
