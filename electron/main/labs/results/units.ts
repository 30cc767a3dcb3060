import { UcumLhcUtils } from '@lhncbc/ucum-lhc';
import { t } from '../../i18n/translate';

/**
 * Lab units (issue 11, part 3): values are kept in the test's UCUM unit and converted with NLM's
 * UCUM library (@lhncbc/ucum-lhc), which also converts between mass and amount of substance when
 * the test names its molar mass (glucose mg/dL to mmol/L).
 *
 * Labs and people do not always write UCUM: `toUcum` rewrites the common spellings (listed below,
 * each an unambiguous synonym) before the library sees them; anything else the library does not
 * know is refused, never guessed.
 */
const ucum = UcumLhcUtils.getInstance();

/** Common lab spellings and their UCUM codes. Whole-unit matches, compared without case. */
const SPELLINGS: Record<string, string> = {
  'k/ul': '10*3/uL',
  'k/µl': '10*3/uL',
  'thou/ul': '10*3/uL',
  'x10e3/ul': '10*3/uL',
  'x10^3/ul': '10*3/uL',
  '10^3/ul': '10*3/uL',
  '10e3/ul': '10*3/uL',
  'x10e9/l': '10*9/L',
  'x10^9/l': '10*9/L',
  '10^9/l': '10*9/L',
  '10e9/l': '10*9/L',
  'm/ul': '10*6/uL',
  'mil/ul': '10*6/uL',
  'x10e6/ul': '10*6/uL',
  'x10^6/ul': '10*6/uL',
  '10^6/ul': '10*6/uL',
  'x10e12/l': '10*12/L',
  'x10^12/l': '10*12/L',
  '10^12/l': '10*12/L',
  'iu/l': '[IU]/L',
  'iu/ml': '[IU]/mL',
  'miu/l': 'm[IU]/L',
  'miu/ml': 'm[IU]/mL',
  'uiu/ml': 'u[IU]/mL',
  'µiu/ml': 'u[IU]/mL',
  'meq/l': 'meq/L',
  'mmol/l': 'mmol/L',
  'umol/l': 'umol/L',
  'µmol/l': 'umol/L',
  'nmol/l': 'nmol/L',
  'pmol/l': 'pmol/L',
  'mg/dl': 'mg/dL',
  'g/dl': 'g/dL',
  'g/l': 'g/L',
  'mg/l': 'mg/L',
  'ng/ml': 'ng/mL',
  'pg/ml': 'pg/mL',
  'ug/dl': 'ug/dL',
  'µg/dl': 'ug/dL',
  'ug/l': 'ug/L',
  fl: 'fL',
  pg: 'pg',
  'u/l': 'U/L',
  'mm/hr': 'mm/h',
  'mm/h': 'mm/h',
  sec: 's',
  secs: 's',
  seconds: 's',
  'ml/min/1.73m2': 'mL/min/{1.73_m2}',
  'ml/min/1.73 m2': 'mL/min/{1.73_m2}',
  'ml/min/{1.73_m2}': 'mL/min/{1.73_m2}',
};

export type UnitProblem =
  { code: 'unitUnknown'; unit: string } | { code: 'unitNotConvertible'; unit: string; to: string };

/** The UCUM code for a unit as written, or null when neither the list above nor UCUM knows it. */
export function toUcum(unit: string): string | null {
  const written = unit.trim();
  if (written === '') return null;
  const known = SPELLINGS[written.toLowerCase()];
  if (known) return known;
  // UCUM has no spaces; asking the library would only make it log.
  if (/\s/.test(written)) return null;
  return ucum.validateUnitString(written).status === 'valid' ? written : null;
}

/** Whether the two UCUM units are the same unit (so no arithmetic is needed). */
function sameUnit(a: string, b: string): boolean {
  return a === b;
}

/**
 * `value` in `from` (as written) expressed in `to` (UCUM). Molar mass (g/mol) lets mass and amount
 * of substance convert into each other.
 */
export function convertLabValue(
  value: number,
  from: string,
  to: string,
  molarMass: number | null = null,
): { ok: true; value: number; ucum: string } | { ok: false; problem: UnitProblem } {
  const fromUcum = toUcum(from);
  if (fromUcum === null) return { ok: false, problem: { code: 'unitUnknown', unit: from } };
  if (sameUnit(fromUcum, to)) return { ok: true, value, ucum: fromUcum };
  const factor = factorFor(fromUcum, to, molarMass);
  if (factor === null) return { ok: false, problem: { code: 'unitNotConvertible', unit: from, to } };
  return { ok: true, value: value * factor, ucum: fromUcum };
}

/**
 * What one `from` is in `to`, asked of the UCUM library once per pair (an import converts thousands
 * of values between the same few units). Every unit a lab value is kept in is a ratio scale, so the
 * factor converts any value; a pair that is not (degrees Celsius to Fahrenheit) would convert 0 to
 * something other than 0, and is refused rather than cached wrongly.
 */
const factors = new Map<string, number | null>();
function factorFor(from: string, to: string, molarMass: number | null): number | null {
  const key = `${from}\u0000${to}\u0000${molarMass ?? ''}`;
  let factor = factors.get(key);
  if (factor === undefined) {
    const options = molarMass ? { molecularWeight: molarMass } : {};
    const one = ucum.convertUnitTo(from, 1, to, options);
    const zero = ucum.convertUnitTo(from, 0, to, options);
    const ratio = one.status === 'succeeded' && zero.status === 'succeeded' && zero.toVal === 0;
    factor = ratio && one.toVal !== null && Number.isFinite(one.toVal) && one.toVal !== 0 ? one.toVal : null;
    factors.set(key, factor);
  }
  return factor;
}

/** A unit problem in words for the person who typed or imported the value. */
export function unitProblemMessage(problem: UnitProblem): string {
  return problem.code === 'unitUnknown'
    ? t('errors.labs.unitUnknown', { unit: problem.unit })
    : t('errors.labs.unitNotConvertible', { unit: problem.unit, to: problem.to });
}
