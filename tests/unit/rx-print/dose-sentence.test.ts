import { describe, expect, it } from 'vitest';
import {
  prescriptionItemInputSchema,
  type DoseLineInput,
  type PrescriptionItemInput,
} from '../../../shared/domain/prescription';
import { doseSentence, hindiDoseSentence, quantityIn } from '../../../shared/rx-print/dose-sentence';
import { PRESCRIPTION_WORDS, PRINT_LANGUAGES, printWord } from '../../../shared/rx-print/print-language';

function tablets(...lines: Partial<DoseLineInput>[]): PrescriptionItemInput {
  return prescriptionItemInputSchema.parse({
    kind: 'structured',
    name: 'Paracetamol 500 mg tablet',
    form: 'tablet',
    route: 'oral',
    lines: lines.map((l) => ({ amount: 1, unit: 'tablet', frequency: 'bd', ...l })),
  });
}

function of(form: string, route: string, line: Partial<DoseLineInput>): PrescriptionItemInput {
  return prescriptionItemInputSchema.parse({ kind: 'structured', name: 'X', form, route, lines: [line] });
}

const both = (item: PrescriptionItemInput) => PRINT_LANGUAGES.map((lang) => doseSentence(item, lang));

describe('the dose sentence per printout language', () => {
  it('every frequency kind, in English (rx-core’s sentence) and in Hindi (its own word order)', () => {
    const cases: [Partial<DoseLineInput>, string, string][] = [
      [{ frequency: 'once' }, '1 tablet once', 'एक बार 1 गोली लें'],
      [{ frequency: 'od' }, '1 tablet once a day', 'दिन में एक बार 1 गोली लें'],
      [{ frequency: 'bd' }, '1 tablet twice a day', 'दिन में दो बार 1 गोली लें'],
      [{ frequency: 'tds' }, '1 tablet three times a day', 'दिन में तीन बार 1 गोली लें'],
      [{ frequency: 'qid' }, '1 tablet four times a day', 'दिन में चार बार 1 गोली लें'],
      [{ frequency: 'every 1 hour' }, '1 tablet every hour', 'हर घंटे 1 गोली लें'],
      [{ frequency: 'every 8 hours' }, '1 tablet every 8 hours', 'हर 8 घंटे में 1 गोली लें'],
      [{ frequency: 'weekly' }, '1 tablet once a week', 'हफ़्ते में एक बार 1 गोली लें'],
      [{ frequency: 'prn pain' }, '1 tablet when needed for pain', 'pain होने पर ज़रूरत के अनुसार 1 गोली लें'],
      [
        { frequency: { kind: 'as-needed', reason: 'बुखार', maxPerDay: 3 } },
        '1 tablet when needed for बुखार, at most 3 times a day',
        'बुखार होने पर ज़रूरत के अनुसार, दिन में अधिक से अधिक 3 बार 1 गोली लें',
      ],
    ];
    for (const [line, en, hi] of cases) expect(both(tablets(line)), JSON.stringify(line)).toEqual([en, hi]);
  });

  it('every timing and duration kind', () => {
    const cases: [Partial<DoseLineInput>, string, string][] = [
      [{ timing: 'none' }, '1 tablet twice a day', 'दिन में दो बार 1 गोली लें'],
      [{ timing: 'before-food' }, '1 tablet twice a day before food', 'दिन में दो बार खाने से पहले 1 गोली लें'],
      [{ timing: 'after-food' }, '1 tablet twice a day after food', 'दिन में दो बार खाने के बाद 1 गोली लें'],
      [{ timing: 'bedtime', frequency: 'od' }, '1 tablet once a day at bedtime', 'दिन में एक बार सोते समय 1 गोली लें'],
      [{ duration: null }, '1 tablet twice a day', 'दिन में दो बार 1 गोली लें'],
      [{ duration: { value: 1, unit: 'days' } }, '1 tablet twice a day for 1 day', '1 दिन तक, दिन में दो बार 1 गोली लें'],
      [
        { duration: { value: 5, unit: 'days' }, timing: 'after-food' },
        '1 tablet twice a day after food for 5 days',
        '5 दिन तक, दिन में दो बार खाने के बाद 1 गोली लें',
      ],
      [{ duration: { value: 1, unit: 'weeks' } }, '1 tablet twice a day for 1 week', '1 हफ़्ते तक, दिन में दो बार 1 गोली लें'],
      [
        { duration: { value: 2, unit: 'weeks' } },
        '1 tablet twice a day for 2 weeks',
        '2 हफ़्ते तक, दिन में दो बार 1 गोली लें',
      ],
      [
        { duration: { value: 3, unit: 'months' } },
        '1 tablet twice a day for 3 months',
        '3 महीने तक, दिन में दो बार 1 गोली लें',
      ],
    ];
    for (const [line, en, hi] of cases) expect(both(tablets(line)), JSON.stringify(line)).toEqual([en, hi]);
  });

  it('numbers: Hindi takes the plural from 2 and writes halves as ½; English the plural for all but 1', () => {
    expect(both(tablets({ amount: 0.5 }))).toEqual(['0.5 tablets twice a day', 'दिन में दो बार ½ गोली लें']);
    expect(both(tablets({ amount: 1.5 }))).toEqual(['1.5 tablets twice a day', 'दिन में दो बार 1½ गोली लें']);
    expect(both(tablets({ amount: 2 }))).toEqual(['2 tablets twice a day', 'दिन में दो बार 2 गोलियाँ लें']);
    expect(both(tablets({ amount: 0.25 }))[1]).toBe('दिन में दो बार ¼ गोली लें');
    // Liquids keep decimals.
    expect(both(of('syrup', 'oral', { amount: 2.5, unit: 'mL', frequency: 'tds' }))).toEqual([
      '2.5 mL three times a day',
      'दिन में तीन बार 2.5 मि.ली. लें',
    ]);
    // A folder may choose Devanagari digits: only the builder's numbers change, not the doctor's words.
    const item = tablets({
      amount: 2,
      frequency: { kind: 'as-needed', reason: 'pain after 6 pm', maxPerDay: 4 },
      duration: { value: 10, unit: 'days' },
    });
    expect(hindiDoseSentence(item, 'devanagari')).toBe(
      '१० दिन तक, pain after 6 pm होने पर ज़रूरत के अनुसार, दिन में अधिक से अधिक ४ बार २ गोलियाँ लें',
    );
  });

  it('Hindi writes the units in Hindi, in the dose and in the quantity; a word the doctor typed stays as typed', () => {
    expect(both(of('injection', 'intramuscular', { amount: 40, unit: 'mg', frequency: 'once' }))).toEqual([
      '40 mg once',
      'एक बार 40 मि.ग्रा. लें',
    ]);
    expect(both(of('powder', 'oral', { amount: 5, unit: 'g', frequency: 'od' }))[1]).toBe('दिन में एक बार 5 ग्राम लें');
    const q = (value: number, unit: string) => PRINT_LANGUAGES.map((lang) => quantityIn({ value, unit }, lang));
    expect(q(15, 'tablets')).toEqual(['15 tablets', '15 गोलियाँ']);
    expect(q(1, 'tablet')).toEqual(['1 tablet', '1 गोली']);
    expect(q(60, 'mL')).toEqual(['60 mL', '60 मि.ली.']);
    expect(q(60, 'ml')).toEqual(['60 ml', '60 मि.ली.']);
    expect(q(6, 'Sachets')).toEqual(['6 Sachets', '6 पाउच']);
    expect(q(10, 'capsules')).toEqual(['10 capsules', '10 कैप्सूल']);
    expect(q(1, 'bottle')).toEqual(['1 bottle', '1 बोतल']);
    expect(q(2, 'bottles')).toEqual(['2 bottles', '2 बोतलें']);
    expect(q(3, 'strips')).toEqual(['3 strips', '3 पत्ते']);
    expect(q(1, 'inhaler')).toEqual(['1 inhaler', '1 इनहेलर']);
    expect(q(2.25, 'kits')).toEqual(['2.3 kits', '2.3 kits']);
  });

  it('the verb and unit follow the form: drops are put in, creams and patches applied, sprays sprayed', () => {
    expect(both(of('drops', 'ophthalmic', { amount: 2, unit: 'drop', frequency: 'qid' }))).toEqual([
      '2 drops four times a day',
      'दिन में चार बार 2 बूँदें डालें',
    ]);
    expect(both(of('cream', 'topical', { amount: 1, unit: 'application', frequency: 'bd' }))[1]).toBe(
      'दिन में दो बार 1 परत लगाएँ',
    );
    expect(both(of('patch', 'transdermal', { amount: 1, unit: 'patch', frequency: 'weekly' }))[1]).toBe(
      'हफ़्ते में एक बार 1 पैच लगाएँ',
    );
    expect(both(of('spray', 'nasal', { amount: 2, unit: 'spray', frequency: 'od' }))[1]).toBe('दिन में एक बार 2 स्प्रे करें');
    expect(both(of('inhaler', 'inhaled', { amount: 2, unit: 'puff', frequency: 'prn wheeze' }))).toEqual([
      '2 puffs when needed for wheeze',
      'wheeze होने पर ज़रूरत के अनुसार 2 पफ़ लें',
    ]);
  });

  it('a taper is its steps joined with "then" / "फिर"; free text is printed as written', () => {
    const taper = tablets(
      { amount: 2, frequency: 'od', duration: { value: 3, unit: 'days' } },
      { amount: 1, frequency: 'od', duration: { value: 3, unit: 'days' } },
    );
    expect(both(taper)).toEqual([
      '2 tablets once a day for 3 days, then 1 tablet once a day for 3 days',
      '3 दिन तक, दिन में एक बार 2 गोलियाँ लें, फिर 3 दिन तक, दिन में एक बार 1 गोली लें',
    ]);
    const free = prescriptionItemInputSchema.parse({
      kind: 'free',
      name: 'ORS sachet',
      directions: 'Dissolve 1 sachet in 1 L of water; sip after each loose stool',
    });
    expect(both(free)).toEqual([
      'Dissolve 1 sachet in 1 L of water; sip after each loose stool',
      'Dissolve 1 sachet in 1 L of water; sip after each loose stool',
    ]);
  });

  it('every language folder has every fixed word of the printout', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === 'object' && !Array.isArray(v) ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    const english = keys(PRESCRIPTION_WORDS.en).sort();
    for (const lang of PRINT_LANGUAGES) {
      expect(
        keys(PRESCRIPTION_WORDS[lang])
          .filter((k) => !k.startsWith('dose.'))
          .sort(),
        lang,
      ).toEqual(english);
    }
    expect(printWord('hi', 'registration', { number: 'MMC 1234' })).toBe('पंजीकरण सं. MMC 1234');
    expect(printWord('en', 'repeats', { n: 2 })).toBe('Repeats: 2');
  });
});
