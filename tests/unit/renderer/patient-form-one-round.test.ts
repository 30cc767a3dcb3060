import { describe, expect, it } from 'vitest';
import { checkPatientForm, emptyPatientForm } from '../../../renderer/src/features/patients/patient-form-model';
import { dateInputPattern } from '../../../renderer/src/format/date-input-pattern';

// Issue 12, point 14: registration shows all its errors in one round, the birth date in the field's format.
describe('registration errors in one round', () => {
  it('a blank form names the missing name together with sex and birth date', () => {
    const check = checkPatientForm(emptyPatientForm());
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(['birth.date', 'givenNames', 'sex']);
    expect(check.errors.givenNames).toBe('Enter the patient’s given name or family name');
  });

  it('a name of spaces counts as missing even when other fields fail', () => {
    const check = checkPatientForm({ ...emptyPatientForm(), givenNames: '   ', sex: 'female' });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.errors).sort()).toEqual(['birth.date', 'givenNames']);
  });

  it('a named patient is not told to enter a name', () => {
    const check = checkPatientForm({ ...emptyPatientForm(), familyName: 'Okello' });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors.givenNames).toBeUndefined();
  });

  it('names the date control’s own format per locale', () => {
    expect(dateInputPattern('en-US')).toBe('mm/dd/yyyy');
    expect(dateInputPattern('en-GB')).toBe('dd/mm/yyyy');
    expect(dateInputPattern('de-DE')).toBe('dd.mm.yyyy');
    expect(dateInputPattern('ja-JP')).toBe('yyyy/mm/dd');
  });
});
