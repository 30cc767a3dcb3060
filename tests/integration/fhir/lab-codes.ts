/**
 * UCUM units of common lab results, each checked by hand against UCUM's grammar
 * (https://ucum.org/ucum, "The Unified Code for Units of Measure"): concentrations, counts and
 * ratios. @lhncbc/ucum-lhc is not yet a dependency of Chartbook; once the manual entry's unit
 * conversion adds it, this list should give way to its validateUnitString.
 */
const LAB_UCUM_UNITS = new Set([
  'mmol/L',
  'umol/L',
  'mg/dL',
  'g/dL',
  'g/L',
  'mg/L',
  'U/L',
  '%',
  '10*3/uL',
  '10*6/uL',
  'fL',
  'pg',
  'mL/min/{1.73_m2}',
  'mIU/L',
  'pmol/L',
  'ng/mL',
]);

/** A unit of a lab result that UCUM accepts. */
export function isUcumUnit(unit: string): boolean {
  return LAB_UCUM_UNITS.has(unit);
}

/**
 * A LOINC code in its form "NNNNN-C" whose check digit C is right: LOINC's mod 10 check digit is
 * the Luhn digit of the number before the dash (loinc.org, "LOINC Users' Guide", section on LOINC
 * codes). A typo in a code fails it.
 */
export function isLoincCode(code: string): boolean {
  const match = /^(\d{1,7})-(\d)$/.exec(code);
  if (!match) return false;
  const digits = match[1]!;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(match[2]);
}
