import { describe, expect, it } from 'vitest';
import {
  bodyMassIndex,
  feetAndInches,
  formatVital,
  fromCanonical,
  roundTo,
  shownValue,
  toCanonical,
  toFeetAndInches,
  unitIn,
} from '../../../shared/domain/vitals-units';

describe('vital signs units', () => {
  it('converts US entries with the exact definitions (1 lb = 0.45359237 kg, 1 in = 2.54 cm)', () => {
    expect(toCanonical('weight', 150, 'us')).toBe(68.039);
    expect(toCanonical('weight', 1, 'us')).toBe(0.454);
    expect(toCanonical('height', 70, 'us')).toBe(177.8);
    expect(toCanonical('headCircumference', 18, 'us')).toBe(45.72);
    expect(toCanonical('temperature', 98.6, 'us')).toBe(37);
    expect(toCanonical('temperature', 212, 'us')).toBe(100);
    expect(toCanonical('temperature', 32, 'us')).toBe(0);
    expect(toCanonical('temperature', 101.3, 'us')).toBe(38.5);
  });

  it('leaves metric entries and unit-free measures as typed', () => {
    expect(toCanonical('weight', 72.5, 'metric')).toBe(72.5);
    expect(toCanonical('temperature', 37.25, 'metric')).toBe(37.25);
    expect(toCanonical('systolic', 120, 'us')).toBe(120);
    expect(toCanonical('spo2', 97, 'us')).toBe(97);
    // MUAC stays in centimetres in both systems (WHO cut-offs are in cm).
    expect(toCanonical('muac', 12.3, 'us')).toBe(12.3);
    expect(unitIn('muac', 'us')).toBe('cm');
  });

  it('names UCUM units per system', () => {
    expect(unitIn('weight', 'us')).toBe('[lb_av]');
    expect(unitIn('weight', 'metric')).toBe('kg');
    expect(unitIn('height', 'us')).toBe('[in_i]');
    expect(unitIn('temperature', 'us')).toBe('[degF]');
    expect(unitIn('temperature', 'metric')).toBe('Cel');
    expect(unitIn('systolic', 'us')).toBe('mm[Hg]');
  });

  it('reads back every US value as typed after one conversion each way', () => {
    for (let tenths = 5; tenths <= 14000; tenths++) {
      const lb = tenths / 10;
      expect(shownValue('weight', toCanonical('weight', lb, 'us'), 'us')).toBe(lb);
    }
    for (let tenths = 80; tenths <= 1080; tenths++) {
      const inches = tenths / 10;
      expect(shownValue('height', toCanonical('height', inches, 'us'), 'us')).toBe(inches);
    }
    for (let tenths = 770; tenths <= 1130; tenths++) {
      const f = tenths / 10;
      expect(shownValue('temperature', toCanonical('temperature', f, 'us'), 'us')).toBe(f);
    }
  });

  it('reads back every metric value as typed, also after showing it in US units and back', () => {
    for (let tenths = 2; tenths <= 6500; tenths++) {
      const kg = tenths / 10;
      const stored = toCanonical('weight', kg, 'metric');
      expect(shownValue('weight', stored, 'metric')).toBe(kg);
      expect(fromCanonical('weight', fromCanonical('weight', stored, 'us') * 0.45359237, 'metric')).toBeCloseTo(kg, 9);
    }
  });

  it('rounds half away from zero without binary noise', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(36.95, 1)).toBe(37);
  });

  it('takes feet and inches', () => {
    expect(feetAndInches(5, 7.5)).toBe(67.5);
    expect(toFeetAndInches(67.5)).toEqual({ feet: 5, inches: 7.5 });
    expect(toFeetAndInches(71.96)).toEqual({ feet: 6, inches: 0 });
    expect(toCanonical('height', feetAndInches(6, 0), 'us')).toBe(182.88);
  });

  it('computes BMI as weight / height² (WHO)', () => {
    expect(bodyMassIndex(70, 175)).toBe(22.9);
    expect(bodyMassIndex(100, 180)).toBe(30.9);
    expect(bodyMassIndex(3.5, 50)).toBe(14);
  });

  it('formats values with their unit in either system', () => {
    expect(formatVital('temperature', 37, 'us')).toBe('98.6 °F');
    expect(formatVital('temperature', 37, 'metric')).toBe('37.0 °C');
    expect(formatVital('weight', 68.039, 'us')).toBe('150.0 lb');
    expect(formatVital('systolic', 120, 'metric')).toBe('120 mmHg');
    expect(formatVital('spo2', 97, 'metric')).toBe('97%');
    expect(formatVital('bmi', 22.9, 'us')).toBe('22.9 kg/m²');
    expect(formatVital('height', 170.18, 'us')).toBe('5 ft 7.0 in');
    expect(formatVital('height', 170.18, 'metric')).toBe('170.2 cm');
    expect(formatVital('pain', 7, 'metric')).toBe('7 /10');
  });
});
