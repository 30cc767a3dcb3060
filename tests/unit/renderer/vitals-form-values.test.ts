import { describe, expect, it } from 'vitest';
import {
  convertForm,
  formValuesOf,
  keptAsStored,
  parseNumber,
} from '../../../renderer/src/features/chart/vitals/vitals-form-values';
import { toCanonical, type VitalsSet } from '../../../shared/domain/vitals';

describe('the vitals form’s values', () => {
  it('reads numbers as typed, with a decimal comma, and tells empty from wrong', () => {
    expect(parseNumber('37,5')).toBe(37.5);
    expect(parseNumber(' 120 ')).toBe(120);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber(undefined)).toBeNull();
    expect(parseNumber('abc')).toBe('invalid');
  });

  it('moves what is typed to the other unit system when the switch changes, keeping what was meant', () => {
    const us = convertForm(
      { weight: '70', height: '170', temperature: '37', systolic: '120', pulse: 'x' },
      'metric',
      'us',
    );
    expect(us).toMatchObject({
      weight: '154.3',
      height: '',
      heightFeet: '5',
      heightInches: '6.9',
      temperature: '98.6',
      systolic: '120',
      pulse: 'x',
    });
    const metric = convertForm(
      { weight: '154.3', heightFeet: '5', heightInches: '7', temperature: '101.3' },
      'us',
      'metric',
    );
    expect(metric).toMatchObject({
      weight: '70',
      height: '170.2',
      heightFeet: '',
      heightInches: '',
      temperature: '38.5',
    });
    // A feet field that is not a number is left for the person to fix, not turned into "NaN".
    expect(convertForm({ heightFeet: 'five', heightInches: '7' }, 'us', 'metric')).toEqual({
      heightFeet: 'five',
      heightInches: '7',
    });
  });

  it('fills a correction with the stored set in the units chosen, on the clinic’s clock', () => {
    const set: VitalsSet = {
      id: 'v1',
      version: 1,
      patientId: 'p1',
      visitId: null,
      takenAt: '2026-03-10T07:30:00.000Z',
      recordedByName: 'Dr Amara Okafor',
      updatedAt: '2026-03-10T07:31:00.000Z',
      values: {
        systolic: 142,
        diastolic: 91,
        pulse: null,
        temperature: 37,
        respiratoryRate: null,
        spo2: null,
        weight: 68.039,
        height: 177.8,
        bmi: 21.5,
        pain: null,
        headCircumference: null,
        muac: null,
      },
      flags: { systolic: 'high' },
    };
    expect(formValuesOf(set, 'us', 'Europe/Berlin')).toEqual({
      systolic: '142',
      diastolic: '91',
      temperature: '98.6',
      weight: '150',
      heightFeet: '5',
      heightInches: '10',
      date: '2026-03-10',
      time: '08:30',
    });
    expect(formValuesOf(set, 'metric', 'UTC')).toMatchObject({ weight: '68', height: '177.8', time: '07:30' });
  });

  it('sends a correction’s untouched values so that they are stored unchanged, in either system', () => {
    const set = {
      values: { weight: 70, height: 170, temperature: 37.25, systolic: 142 },
    } as unknown as VitalsSet;
    for (const units of ['us', 'metric'] as const) {
      const sent = keptAsStored(
        { systolic: 150, weight: 1, height: 1, temperature: 1 },
        set,
        new Set(['systolic']),
        units,
      );
      expect(sent.systolic).toBe(150);
      expect(toCanonical('weight', sent.weight!, units)).toBe(70);
      expect(toCanonical('height', sent.height!, units)).toBe(170);
      expect(toCanonical('temperature', sent.temperature!, units)).toBe(37.25);
    }
  });
});
