import { describe, expect, it } from 'vitest';
import {
  computeQuantity,
  doseSentence,
  frequencyWords,
  parseFrequency,
  prescriptionItemInputSchema,
  type PrescriptionItemFormInput,
  type StructuredItem,
} from '../../../shared/domain/prescription';

function item(overrides: Partial<Extract<PrescriptionItemFormInput, { kind: 'structured' }>> = {}) {
  return {
    kind: 'structured' as const,
    productId: 'cat:amoxicillin-500-cap',
    name: 'Amoxicillin 500 mg capsule',
    form: 'capsule' as const,
    route: 'oral' as const,
    lines: [
      {
        amount: 1,
        unit: 'capsule' as const,
        frequency: 'tds',
        timing: 'after-food' as const,
        duration: { value: 5, unit: 'days' as const },
      },
    ],
    ...overrides,
  };
}

function parsed(input: unknown): StructuredItem {
  const r = prescriptionItemInputSchema.parse(input);
  if (r.kind !== 'structured') throw new Error('expected structured');
  return r;
}

function messages(input: unknown): string[] {
  const r = prescriptionItemInputSchema.safeParse(input);
  expect(r.success).toBe(false);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('prescription dose model', () => {
  it('reads the dose back as plain words', () => {
    const amox = parsed(item());
    expect(doseSentence(amox)).toBe('1 capsule three times a day after food for 5 days');
    const para = parsed({
      ...item(),
      name: 'Paracetamol 500 mg tablet',
      form: 'tablet',
      lines: [
        {
          amount: 1,
          unit: 'tablet',
          frequency: { kind: 'daily', times: 2 },
          timing: 'after-food',
          duration: { value: 5, unit: 'days' },
        },
      ],
    });
    expect(doseSentence(para)).toBe('1 tablet twice a day after food for 5 days');
    const syrup = parsed({
      ...item(),
      form: 'syrup',
      lines: [{ amount: 2.5, unit: 'mL', frequency: 'every 8 hours', duration: { value: 1, unit: 'weeks' } }],
    });
    expect(doseSentence(syrup)).toBe('2.5 mL every 8 hours for 1 week');
    const prn = parsed({
      ...item(),
      form: 'inhaler',
      route: 'inhaled',
      lines: [{ amount: 2, unit: 'puff', frequency: 'prn wheeze' }],
    });
    expect(doseSentence(prn)).toBe('2 puffs when needed for wheeze');
    const bedtime = parsed({
      ...item(),
      form: 'tablet',
      lines: [{ amount: 1, unit: 'tablet', frequency: 'od', timing: 'bedtime' }],
    });
    expect(doseSentence(bedtime)).toBe('1 tablet once a day at bedtime');
  });

  it('reads a taper as its steps in order', () => {
    const taper = parsed({
      ...item(),
      name: 'Prednisolone 5 mg tablet',
      form: 'tablet',
      lines: [
        {
          amount: 8,
          unit: 'tablet',
          frequency: 'once a day',
          timing: 'after-food',
          duration: { value: 3, unit: 'days' },
        },
        {
          amount: 4,
          unit: 'tablet',
          frequency: 'once a day',
          timing: 'after-food',
          duration: { value: 3, unit: 'days' },
        },
        {
          amount: 2,
          unit: 'tablet',
          frequency: 'once a day',
          timing: 'after-food',
          duration: { value: 3, unit: 'days' },
        },
      ],
    });
    expect(doseSentence(taper)).toBe(
      '8 tablets once a day after food for 3 days, then 4 tablets once a day after food for 3 days, then 2 tablets once a day after food for 3 days',
    );
    expect(computeQuantity(taper)).toEqual({ value: 42, unit: 'tablets' });
  });

  it('computes the quantity where it can and says null where it cannot', () => {
    expect(computeQuantity(parsed(item()))).toEqual({ value: 15, unit: 'capsules' });
    expect(
      computeQuantity(
        parsed({
          ...item(),
          form: 'tablet',
          lines: [{ amount: 0.5, unit: 'tablet', frequency: 'bd', duration: { value: 5, unit: 'days' } }],
        }),
      ),
    ).toEqual({ value: 5, unit: 'tablets' });
    expect(
      computeQuantity(
        parsed({
          ...item(),
          form: 'tablet',
          lines: [{ amount: 1, unit: 'tablet', frequency: 'od', duration: { value: 1, unit: 'months' } }],
        }),
      ),
    ).toEqual({ value: 30, unit: 'tablets' });
    expect(
      computeQuantity(
        parsed({
          ...item(),
          form: 'syrup',
          lines: [{ amount: 5, unit: 'mL', frequency: 'q6h', duration: { value: 3, unit: 'days' } }],
        }),
      ),
    ).toEqual({ value: 60, unit: 'mL' });
    expect(
      computeQuantity(
        parsed({
          ...item(),
          form: 'tablet',
          lines: [{ amount: 1, unit: 'tablet', frequency: 'weekly', duration: { value: 4, unit: 'weeks' } }],
        }),
      ),
    ).toEqual({ value: 4, unit: 'tablets' });
    expect(
      computeQuantity(parsed({ ...item(), form: 'tablet', lines: [{ amount: 2, unit: 'tablet', frequency: 'once' }] })),
    ).toEqual({
      value: 2,
      unit: 'tablets',
    });
    // No duration, as needed without a most-per-day, puffs: the doctor writes the quantity.
    expect(computeQuantity(parsed({ ...item(), lines: [{ amount: 1, unit: 'capsule', frequency: 'bd' }] }))).toBeNull();
    expect(
      computeQuantity(
        parsed({
          ...item(),
          lines: [
            { amount: 1, unit: 'capsule', frequency: 'as needed for pain', duration: { value: 5, unit: 'days' } },
          ],
        }),
      ),
    ).toBeNull();
    expect(
      computeQuantity(
        parsed({
          ...item(),
          lines: [
            {
              amount: 1,
              unit: 'capsule',
              frequency: { kind: 'as-needed', reason: 'pain', maxPerDay: 4 },
              duration: { value: 5, unit: 'days' },
            },
          ],
        }),
      ),
    ).toEqual({ value: 20, unit: 'capsules' });
    expect(
      computeQuantity(
        parsed({
          ...item(),
          form: 'inhaler',
          route: 'inhaled',
          lines: [{ amount: 2, unit: 'puff', frequency: 'bd', duration: { value: 5, unit: 'days' } }],
        }),
      ),
    ).toBeNull();
  });

  it('reads the frequencies doctors type', () => {
    expect(parseFrequency('BD')).toEqual({ ok: true, value: { kind: 'daily', times: 2 } });
    expect(parseFrequency('three times a day')).toEqual({ ok: true, value: { kind: 'daily', times: 3 } });
    expect(parseFrequency('4 times a day')).toEqual({ ok: true, value: { kind: 'daily', times: 4 } });
    expect(parseFrequency('q8h')).toEqual({ ok: true, value: { kind: 'every-hours', hours: 8 } });
    expect(parseFrequency('every 12 hours')).toEqual({ ok: true, value: { kind: 'every-hours', hours: 12 } });
    expect(parseFrequency('weekly')).toEqual({ ok: true, value: { kind: 'weekly' } });
    expect(parseFrequency('stat')).toEqual({ ok: true, value: { kind: 'once' } });
    expect(parseFrequency('as needed for pain')).toEqual({
      ok: true,
      value: { kind: 'as-needed', reason: 'pain', maxPerDay: null },
    }); // The most doses a day of a PRN, as frequencyWords writes it and as doctors type it.
    for (const text of [
      'as needed for pain, at most 4 times a day',
      'when needed for pain, at most 4 times a day',
      'prn pain max 4/day',
      'as needed for pain, max 4 a day',
      'sos pain not more than 4 per day',
    ]) {
      expect(parseFrequency(text), text).toEqual({
        ok: true,
        value: { kind: 'as-needed', reason: 'pain', maxPerDay: 4 },
      });
    }
    const prn = { kind: 'as-needed' as const, reason: 'fever', maxPerDay: 3 };
    expect(parseFrequency(frequencyWords(prn))).toEqual({ ok: true, value: prn });
    expect(parseFrequency('as needed for pain, at most 30 times a day')).toEqual({
      ok: false,
      message: 'Most doses a day must be 1 to 24',
    });
  });

  it('refuses a frequency it cannot read, with the forms it understands', () => {
    const r = parseFrequency('thrice on Tuesdays');
    expect(r).toEqual({
      ok: false,
      message: expect.stringContaining('Could not read the frequency "thrice on Tuesdays"'),
    });
    expect(parseFrequency('6 times a day')).toEqual({
      ok: false,
      message: expect.stringContaining('at most 4 times a day'),
    });
    expect(parseFrequency('prn')).toEqual({ ok: false, message: expect.stringContaining('needed for') });
    expect(messages(item({ lines: [{ amount: 1, unit: 'capsule', frequency: 'whenever' }] }))).toEqual([
      expect.stringMatching(/^lines\.0\.frequency: Could not read the frequency "whenever"/),
    ]);
    expect(messages(item({ lines: [{ amount: 1, unit: 'capsule', frequency: { kind: 'daily', times: 6 } }] }))).toEqual(
      [expect.stringMatching(/Times a day must be 1 to 4/)],
    );
  });

  it('refuses a zero or negative dose', () => {
    expect(messages(item({ lines: [{ amount: 0, unit: 'capsule', frequency: 'bd' }] }))).toEqual([
      'lines.0.amount: The dose must be more than 0',
    ]);
    expect(messages(item({ lines: [{ amount: -1, unit: 'capsule', frequency: 'bd' }] }))).toEqual([
      'lines.0.amount: The dose must be more than 0',
    ]);
  });

  it('refuses a unit that does not fit the form', () => {
    expect(messages(item({ lines: [{ amount: 5, unit: 'mL', frequency: 'bd' }] }))).toEqual([
      'lines.0.unit: A capsule is dosed in capsules, not mL',
    ]);
    expect(messages(item({ form: 'inhaler', lines: [{ amount: 1, unit: 'tablet', frequency: 'bd' }] }))).toEqual([
      'lines.0.unit: An inhaler is dosed in puffs, not tablets',
    ]);
  });

  it('refuses a zero duration', () => {
    expect(
      messages(
        item({ lines: [{ amount: 1, unit: 'capsule', frequency: 'bd', duration: { value: 0, unit: 'days' } }] }),
      ),
    ).toEqual([expect.stringMatching(/^lines\.0\.duration\.value: The duration must be at least 1/)]);
  });

  it('keeps free text when the structure does not fit', () => {
    const free = prescriptionItemInputSchema.parse({
      kind: 'free',
      name: 'Magistral cream',
      directions: 'Apply thinly to the rash on alternate days',
    });
    expect(doseSentence(free)).toBe('Apply thinly to the rash on alternate days');
    expect(messages({ kind: 'free', name: 'X', directions: '  ' })).toEqual(['directions: Write the directions']);
  });
});
