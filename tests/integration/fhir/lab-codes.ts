import { UcumLhcUtils } from '@lhncbc/ucum-lhc';

/** A unit UCUM accepts, by the NLM's UCUM library (@lhncbc/ucum-lhc, as the lab units are converted). */
export function isUcumUnit(unit: string): boolean {
  return UcumLhcUtils.getInstance().validateUnitString(unit).status === 'valid';
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
