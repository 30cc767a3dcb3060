import { describe, expect, it } from 'vitest';
import type { SafetyAlert, SafetyContext, SafetyItem } from '../../../shared/domain/drug';
import { shippedCatalogue } from '../../../electron/main/rx/catalogue/catalogue';
import { SafetyEngine } from '../../../electron/main/rx/safety/safety-engine';
import { checkItem, resolveDrugText } from '../../../electron/main/rx/safety';

/** The offline safety checks (issue 10, part 3) against the shipped rule tables. */

const engine = new SafetyEngine(shippedCatalogue());

function item(
  ingredientIds: string[],
  name?: string,
  dailyMg?: Record<string, number>,
  route?: SafetyItem['route'],
): SafetyItem {
  return { ingredientIds, name: name ?? ingredientIds.join(' + '), dailyMgByIngredient: dailyMg ?? null, route };
}

function ctx(over: Partial<SafetyContext> = {}): SafetyContext {
  return {
    currentMedications: [],
    allergies: [],
    allergiesRecorded: true,
    otherItems: [],
    weightKg: 70,
    ageYears: 40,
    ...over,
  };
}

const brief = (alerts: SafetyAlert[]): string[] => alerts.map((a) => `${a.severity} ${a.kind} ${a.ruleId}`);

describe('allergy', () => {
  it('an allergy to the ingredient interrupts', () => {
    const alerts = engine.checkItem(
      item(['amoxicillin'], 'Amoxicillin 500 mg capsule'),
      ctx({ allergies: [{ substance: 'Amoxicillin' }] }),
    );
    expect(brief(alerts)).toEqual(['interrupt allergy allergy-ingredient']);
    expect(alerts[0]!.against).toBe('Amoxicillin');
    expect(alerts[0]!.message).toContain('Amoxicillin 500 mg capsule');
  });

  it('an allergy written as a class name interrupts every member ("penicillin" -> amoxicillin)', () => {
    for (const substance of ['penicillin', 'Penicillins', 'PCN', 'allergic to penicillin - rash']) {
      const alerts = engine.checkItem(
        item(['amoxicillin', 'clavulanate'], 'Co-amoxiclav'),
        ctx({ allergies: [{ substance }] }),
      );
      expect(brief(alerts), substance).toEqual(['interrupt allergy allergy-class']);
    }
    expect(brief(engine.checkItem(item(['ibuprofen']), ctx({ allergies: [{ substance: 'NSAIDs' }] })))).toEqual([
      'interrupt allergy allergy-class',
    ]);
    expect(
      brief(
        engine.checkItem(
          item(['sulfamethoxazole', 'trimethoprim']),
          ctx({ allergies: [{ substance: 'Sulfa drugs' }] }),
        ),
      ),
    ).toEqual(['interrupt allergy allergy-class']);
  });

  it('matches other names of the ingredient (acetaminophen is paracetamol, albuterol is salbutamol)', () => {
    expect(
      brief(engine.checkItem(item(['paracetamol']), ctx({ allergies: [{ substance: 'acetaminophen' }] }))),
    ).toEqual(['interrupt allergy allergy-ingredient']);
    expect(brief(engine.checkItem(item(['salbutamol']), ctx({ allergies: [{ substance: 'Albuterol' }] })))).toEqual([
      'interrupt allergy allergy-ingredient',
    ]);
  });

  it('class cross-reactivity warns without interrupting (penicillin allergy, cephalexin)', () => {
    const alerts = engine.checkItem(
      item(['cephalexin'], 'Cefalexin 500 mg capsule'),
      ctx({ allergies: [{ substance: 'Penicillin' }] }),
    );
    expect(brief(alerts)).toEqual(['warn allergy-cross xr-penicillin-cephalosporin']);
    expect(alerts[0]!.source).toMatch(/practice parameter/);
  });

  it('an allergy to one member warns for another member of a cross-reacting class', () => {
    expect(brief(engine.checkItem(item(['naproxen']), ctx({ allergies: [{ substance: 'Ibuprofen' }] })))).toEqual([
      'warn allergy-cross xr-nsaid',
    ]);
    expect(brief(engine.checkItem(item(['ampicillin']), ctx({ allergies: [{ substance: 'amoxicillin' }] })))).toEqual([
      'warn allergy-cross xr-penicillin-penicillin',
    ]);
    expect(brief(engine.checkItem(item(['phenytoin']), ctx({ allergies: [{ substance: 'carbamazepine' }] })))).toEqual([
      'warn allergy-cross xr-aromatic-antiepileptic',
    ]);
  });

  it('does not fire for unrelated allergies, unknown substances or drugs outside the class', () => {
    const allergies = [
      { substance: 'Peanuts' },
      { substance: 'Latex' },
      { substance: 'Penicillin' },
      { substance: 'codeine' },
    ];
    expect(engine.checkItem(item(['azithromycin']), ctx({ allergies }))).toEqual([]);
    expect(engine.checkItem(item(['paracetamol']), ctx({ allergies }))).toEqual([]);
    // Cephalosporin allergy says nothing about a macrolide; NSAID allergy nothing about paracetamol.
    expect(engine.checkItem(item(['clarithromycin']), ctx({ allergies: [{ substance: 'cefuroxime' }] }))).toEqual([]);
    expect(engine.checkItem(item(['paracetamol']), ctx({ allergies: [{ substance: 'NSAIDs' }] }))).toEqual([]);
    // A "mechanism" class is never read as an allergy.
    expect(engine.checkItem(item(['citalopram']), ctx({ allergies: [{ substance: 'QT prolonging' }] }))).toEqual([]);
  });

  it('says when allergies are not recorded yet, as a note', () => {
    expect(brief(engine.checkItem(item(['paracetamol']), ctx({ allergiesRecorded: false })))).toEqual([
      'note allergies-unrecorded allergies-unrecorded',
    ]);
    expect(engine.checkItem(item(['paracetamol']), ctx({ allergiesRecorded: true }))).toEqual([]);
  });
});

describe('interactions', () => {
  it('an ONC high-priority pair against a current medication interrupts (either order)', () => {
    const a = engine.checkItem(
      item(['sildenafil'], 'Sildenafil 50 mg tablet'),
      ctx({ currentMedications: [{ name: 'Isosorbide mononitrate 30mg' }] }),
    );
    expect(brief(a)).toEqual(['interrupt interaction onc-pde5-nitrate']);
    expect(a[0]!.against).toBe('Isosorbide mononitrate 30mg');
    expect(a[0]!.source).toContain('Phansalkar');
    const b = engine.checkItem(item(['glyceryl-trinitrate']), ctx({ currentMedications: [{ name: 'tadalafil' }] }));
    expect(brief(b)).toEqual(['interrupt interaction onc-pde5-nitrate']);
  });

  it('each of the 15 ONC rules fires for one example pair', () => {
    const pairs: [string, string, string][] = [
      ['atazanavir', 'omeprazole', 'onc-atazanavir-ppi'],
      ['bosentan', 'glibenclamide', 'onc-bosentan-glyburide'],
      ['cisapride', 'clarithromycin', 'onc-cisapride-qt'],
      ['ergotamine', 'clarithromycin', 'onc-ergot-cyp3a4'],
      ['irinotecan', 'rifampicin', 'onc-irinotecan-cyp3a4-inducer'],
      ['methotrexate', 'trimethoprim', 'onc-methotrexate-trimethoprim'],
      ['phenelzine', 'sertraline', 'onc-maoi-serotonergic'],
      ['tranylcypromine', 'pseudoephedrine', 'onc-maoi-sympathomimetic'],
      ['sildenafil', 'glyceryl-trinitrate', 'onc-pde5-nitrate'],
      ['pimozide', 'clarithromycin', 'onc-pimozide-cyp3a4'],
      ['ramelteon', 'fluvoxamine', 'onc-ramelteon-fluvoxamine'],
      ['rifampicin', 'ritonavir', 'onc-rifampin-protease-inhibitor'],
      ['simvastatin', 'clarithromycin', 'onc-statin-cyp3a4'],
      ['thioridazine', 'fluoxetine', 'onc-thioridazine-qt'],
      ['tizanidine', 'ciprofloxacin', 'onc-tizanidine-cyp1a2'],
    ];
    expect(new Set(pairs.map((p) => p[2])).size).toBe(15);
    for (const [x, y, rule] of pairs) {
      const alerts = engine.checkItem(item([x]), ctx({ currentMedications: [{ name: y, ingredientIds: [y] }] }));
      expect(
        alerts.filter((al) => al.severity === 'interrupt').map((al) => al.ruleId),
        `${x} + ${y}`,
      ).toContain(rule);
    }
  });

  it('checks against the other items of the same prescription too', () => {
    const alerts = engine.checkItem(
      item(['methotrexate']),
      ctx({ otherItems: [item(['sulfamethoxazole', 'trimethoprim'], 'Co-trimoxazole 960 mg tablet')] }),
    );
    expect(brief(alerts)).toEqual(['interrupt interaction onc-methotrexate-trimethoprim']);
    expect(alerts[0]!.against).toBe('Co-trimoxazole 960 mg tablet');
  });

  it('a moderate interaction is a note that does not interrupt', () => {
    const alerts = engine.checkItem(
      item(['ibuprofen'], 'Ibuprofen 400 mg tablet'),
      ctx({ currentMedications: [{ name: 'Warfarin 5 mg' }] }),
    );
    expect(brief(alerts)).toEqual(['note interaction mod-anticoagulant-nsaid']);
  });

  it('no interaction for safe pairs, unknown medication names, or the same ingredient twice', () => {
    expect(
      engine.checkItem(
        item(['paracetamol']),
        ctx({ currentMedications: [{ name: 'Warfarin' }, { name: 'Amlodipine' }] }),
      ),
    ).toEqual([]);
    expect(
      engine.checkItem(
        item(['sildenafil']),
        ctx({ currentMedications: [{ name: 'Herbal tea' }, { name: 'xyz 10 mg' }] }),
      ),
    ).toEqual([]);
    // Citalopram twice: a duplicate, not a QT interaction with itself.
    expect(
      brief(engine.checkItem(item(['citalopram']), ctx({ currentMedications: [{ name: 'citalopram 20mg' }] }))),
    ).toEqual(['warn duplicate-ingredient duplicate-ingredient']);
    // Pravastatin is not a CYP3A4 substrate rule member.
    expect(engine.checkItem(item(['pravastatin']), ctx({ currentMedications: [{ name: 'clarithromycin' }] }))).toEqual(
      [],
    );
  });

  it('resolves medication names through the formulary brands', () => {
    const local = new SafetyEngine(shippedCatalogue());
    expect(local.checkItem(item(['sildenafil']), ctx({ currentMedications: [{ name: 'Angised 0.5mg' }] }))).toEqual([]);
    local.setLocalNames([{ name: 'Angised', ingredientIds: ['glyceryl-trinitrate'] }]);
    expect(
      brief(local.checkItem(item(['sildenafil']), ctx({ currentMedications: [{ name: 'Angised 0.5mg' }] }))),
    ).toEqual(['interrupt interaction onc-pde5-nitrate']);
    expect(local.resolveText('ANGISED').ingredients).toEqual(new Set(['glyceryl-trinitrate']));
    local.setLocalNames([]);
    expect(local.resolveText('Angised').ingredients.size).toBe(0);
  });
});

describe('duplicate therapy', () => {
  it('the same ingredient on a current medication or another item warns', () => {
    const alerts = engine.checkItem(
      item(['paracetamol', 'codeine'], 'Paracetamol + Codeine 500 mg + 30 mg tablet'),
      ctx({ otherItems: [item(['paracetamol'], 'Paracetamol 500 mg tablet')] }),
    );
    expect(brief(alerts)).toEqual(['warn duplicate-ingredient duplicate-ingredient']);
    expect(alerts[0]!.message).toContain('Paracetamol');
  });

  it('two members of one therapeutic class warn (two SSRIs, two ACE inhibitors)', () => {
    const ssri = engine.checkItem(item(['sertraline']), ctx({ currentMedications: [{ name: 'Fluoxetine 20 mg' }] }));
    expect(brief(ssri)).toContain('warn duplicate-class duplicate-class-ssri');
    const ace = engine.checkItem(item(['ramipril']), ctx({ currentMedications: [{ name: 'Lisinopril' }] }));
    expect(brief(ace)).toEqual(['warn duplicate-class duplicate-class-ace-inhibitor']);
  });

  it('no duplicate for classes that are not duplicate therapy, or unrelated drugs', () => {
    // Two drugs that share only a mechanism class (QT) are an interaction note, not a duplicate.
    expect(
      brief(engine.checkItem(item(['azithromycin']), ctx({ currentMedications: [{ name: 'ondansetron' }] }))),
    ).toEqual(['note interaction mod-qt-pair']);
    expect(
      engine.checkItem(
        item(['amlodipine']),
        ctx({ currentMedications: [{ name: 'atorvastatin' }, { name: 'metformin' }] }),
      ),
    ).toEqual([]);
  });
});

describe('dose', () => {
  it('above the adult maximum daily dose interrupts; at the maximum it does not', () => {
    const over = engine.checkItem(item(['paracetamol'], 'Paracetamol 500 mg tablet', { paracetamol: 6000 }), ctx());
    expect(brief(over)).toEqual(['interrupt max-daily-dose max-paracetamol']);
    expect(over[0]!.message).toBe('Paracetamol 6 g a day is above the maximum of 4 g a day');
    expect(engine.checkItem(item(['paracetamol'], 'Paracetamol', { paracetamol: 4000 }), ctx())).toEqual([]);
    expect(engine.checkItem(item(['paracetamol'], 'Paracetamol', null), ctx())).toEqual([]);
  });

  it('counts the same ingredient on the other items of the prescription', () => {
    const alerts = engine.checkItem(
      item(['paracetamol', 'codeine'], 'Paracetamol + Codeine', { paracetamol: 2000, codeine: 120 }),
      ctx({ otherItems: [item(['paracetamol'], 'Paracetamol 500 mg', { paracetamol: 3000 })] }),
    );
    expect(brief(alerts)).toEqual([
      'interrupt max-daily-dose max-paracetamol',
      'warn duplicate-ingredient duplicate-ingredient',
    ]);
    expect(alerts[0]!.message).toContain('with the other items');
  });

  it('does not apply a systemic limit to a topical product', () => {
    expect(engine.checkItem(item(['diclofenac'], 'Diclofenac gel', { diclofenac: 400 }, 'topical'), ctx())).toEqual([]);
    expect(
      brief(engine.checkItem(item(['diclofenac'], 'Diclofenac 50 mg', { diclofenac: 200 }, 'oral'), ctx())),
    ).toEqual(['interrupt max-daily-dose max-diclofenac']);
  });

  it('above the paediatric mg/kg/day maximum interrupts for a child with a weight', () => {
    const child = ctx({ ageYears: 4, weightKg: 16 });
    // 75 mg/kg/day x 16 kg = 1200 mg.
    const over = engine.checkItem(item(['paracetamol'], 'Paracetamol 120 mg/5 mL syrup', { paracetamol: 1440 }), child);
    expect(brief(over)).toEqual(['interrupt paediatric-dose paed-paracetamol']);
    expect(over[0]!.message).toContain('90 mg/kg/day for 16 kg');
    expect(engine.checkItem(item(['paracetamol'], 'Paracetamol syrup', { paracetamol: 960 }), child)).toEqual([]);
    // Amoxicillin 90 mg/kg/day x 10 kg = 900 mg.
    expect(
      brief(
        engine.checkItem(
          item(['amoxicillin'], 'Amoxicillin syrup', { amoxicillin: 1200 }),
          ctx({ ageYears: 1, weightKg: 10 }),
        ),
      ),
    ).toEqual(['interrupt paediatric-dose paed-amoxicillin']);
  });

  it('no paediatric check for adults or without a weight', () => {
    expect(
      engine.checkItem(
        item(['amoxicillin'], 'Amoxicillin', { amoxicillin: 1500 }),
        ctx({ ageYears: 30, weightKg: 10 }),
      ),
    ).toEqual([]);
    expect(
      engine.checkItem(
        item(['amoxicillin'], 'Amoxicillin', { amoxicillin: 1500 }),
        ctx({ ageYears: 3, weightKg: null }),
      ),
    ).toEqual([]);
  });
});

describe('order and the facade', () => {
  it('puts interrupts first, then warnings, then notes, the same way every time', () => {
    const context = ctx({
      allergiesRecorded: false,
      currentMedications: [{ name: 'Warfarin 3 mg' }, { name: 'Naproxen 250 mg' }, { name: 'Clarithromycin 500 mg' }],
      otherItems: [item(['ibuprofen'], 'Ibuprofen 200 mg tablet')],
    });
    const one = engine.checkItem(item(['simvastatin'], 'Simvastatin 40 mg', { simvastatin: 120 }), context);
    const two = engine.checkItem(item(['simvastatin'], 'Simvastatin 40 mg', { simvastatin: 120 }), context);
    expect(one).toEqual(two);
    expect(brief(one)).toEqual([
      'interrupt interaction onc-statin-cyp3a4',
      'interrupt max-daily-dose max-simvastatin',
      'note allergies-unrecorded allergies-unrecorded',
    ]);
    const nsaid = brief(engine.checkItem(item(['diclofenac'], 'Diclofenac'), context));
    expect(nsaid).toEqual([
      'warn duplicate-class duplicate-class-nsaid',
      'warn duplicate-class duplicate-class-nsaid',
      'note allergies-unrecorded allergies-unrecorded',
      'note interaction mod-anticoagulant-nsaid',
    ]);
  });

  it('checkItem and resolveDrugText work on the shipped catalogue', () => {
    expect(brief(checkItem(item(['amoxicillin']), ctx({ allergies: [{ substance: 'penicillin' }] })))).toEqual([
      'interrupt allergy allergy-class',
    ]);
    expect(
      [...resolveDrugText('Augmentin / co-amoxiclav? no: Amoxicillin + clavulanic acid 625').ingredients].sort(),
    ).toEqual(['amoxicillin', 'clavulanate']);
  });
});
