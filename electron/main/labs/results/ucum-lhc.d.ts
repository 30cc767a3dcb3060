/** The part of @lhncbc/ucum-lhc (NLM's UCUM library; it ships no types) that units.ts uses. */
declare module '@lhncbc/ucum-lhc' {
  interface ConversionResult {
    status: 'succeeded' | 'failed' | 'error';
    toVal: number | null;
    msg: string[];
  }
  interface ValidationResult {
    status: 'valid' | 'invalid' | 'error';
    ucumCode: string | null;
    msg: string[];
  }
  interface UcumLhcUtilsInstance {
    convertUnitTo(
      fromUnitCode: string,
      fromVal: number,
      toUnitCode: string,
      options?: { suggest?: boolean; molecularWeight?: number | null },
    ): ConversionResult;
    validateUnitString(unit: string, suggest?: boolean): ValidationResult;
  }
  export const UcumLhcUtils: { getInstance(): UcumLhcUtilsInstance };
}
