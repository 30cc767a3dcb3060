import { z } from 'zod';

/**
 * The shared vocabulary of lab orders and results (issue 11). Tables: electron/main/db/schema.ts
 * (lab_tests, lab_orders, lab_order_tests, lab_reports, lab_results, lab_unmatched); services:
 * electron/main/labs/. Each area adds its own input and output schemas in its own file
 * (shared/domain/lab-*.ts) and channels in shared/lab-contract/*.ts; what every area relies on is
 * here.
 */

export const LAB_ORDER_STATUSES = ['ordered', 'collected', 'partial', 'resulted', 'reviewed', 'cancelled'] as const;
export type LabOrderStatus = (typeof LAB_ORDER_STATUSES)[number];

export const LAB_RESULT_STATUSES = ['preliminary', 'final', 'corrected', 'cancelled'] as const;
export type LabResultStatus = (typeof LAB_RESULT_STATUSES)[number];

export const LAB_SOURCES = ['manual', 'hl7v2', 'fhir'] as const;
export type LabSource = (typeof LAB_SOURCES)[number];

export const LAB_VALUE_TYPES = ['numeric', 'text', 'coded'] as const;
export type LabValueType = (typeof LAB_VALUE_TYPES)[number];

/**
 * How a value reads against its range (HL7 table 0078 subset, FHIR v3 ObservationInterpretation):
 * N normal, L/H low/high, LL/HH critically low/high, A/AA abnormal/critically abnormal (text results).
 */
export const LAB_FLAGS = ['N', 'L', 'H', 'LL', 'HH', 'A', 'AA'] as const;
export type LabFlag = (typeof LAB_FLAGS)[number];

export const LAB_SEXES = ['male', 'female', 'any'] as const;

export const LAB_COMPARATORS = ['<', '<=', '>', '>='] as const;
export type LabComparator = (typeof LAB_COMPARATORS)[number];

/**
 * One reference range of a test, for a sex and an age band (ages in days, so newborn ranges fit),
 * in the test's UCUM unit. Critical limits, when known, make a result critical. `source` names where
 * the numbers come from (a textbook, a guideline, the clinic's lab) — every range names its source.
 */
export const labRangeSchema = z.object({
  sex: z.enum(LAB_SEXES),
  ageFromDays: z.number().int().min(0).nullable(),
  /** Exclusive. */
  ageToDays: z.number().int().min(1).nullable(),
  low: z.number().finite().nullable(),
  high: z.number().finite().nullable(),
  criticalLow: z.number().finite().nullable(),
  criticalHigh: z.number().finite().nullable(),
  source: z.string().max(300),
});
export type LabRange = z.infer<typeof labRangeSchema>;

/**
 * A test or panel as the app knows it: the shipped catalogue (resources/labs/) with the clinic's
 * lab_tests rows laid over it by code.
 */
export const labTestSchema = z.object({
  code: z.string(),
  /** 'http://loinc.org' for LOINC codes; local codes start with "X". */
  system: z.string(),
  name: z.string(),
  kind: z.enum(['test', 'panel']),
  /** UCUM unit of the stored value (tests with numeric values). */
  unit: z.string().nullable(),
  valueType: z.enum(LAB_VALUE_TYPES).nullable(),
  ranges: z.array(labRangeSchema),
  /** Panels: member test codes in report order. */
  members: z.array(z.string()),
  /** Percentage change from the previous value that earns a delta note (null: no delta check). */
  deltaPercent: z.number().positive().nullable(),
  /**
   * Molar mass in g/mol of what is measured (glucose 180.16), so a value sent in mass units converts
   * to amount of substance and back (mg/dL to mmol/L). Absent when the test needs no such conversion.
   */
  molarMass: z.number().positive().nullable().optional(),
  /** 'catalogue' (shipped, unchanged) | 'edited' (shipped, changed by the clinic) | 'clinic' (added). */
  origin: z.enum(['catalogue', 'edited', 'clinic']),
  hidden: z.boolean(),
});
export type LabTest = z.infer<typeof labTestSchema>;

/**
 * A lab report as an import reads it, before it is put on a patient: what every importer (HL7 v2
 * ORU^R01, FHIR DiagnosticReport/Observation) produces and the matcher and the reconciliation list
 * consume. Stored as JSON in lab_unmatched.payload_json while it waits for a doctor.
 */
export const incomingLabResultSchema = z.object({
  /** OBX-4 / position in the report. */
  setId: z.string(),
  code: z.string(),
  codeSystem: z.string(),
  name: z.string(),
  valueType: z.enum(LAB_VALUE_TYPES),
  /** Numbers as sent (before unit conversion). */
  valueNum: z.number().finite().nullable(),
  comparator: z.enum(['<', '<=', '>', '>=']).nullable(),
  valueText: z.string(),
  unit: z.string(),
  refLow: z.number().finite().nullable(),
  refHigh: z.number().finite().nullable(),
  refText: z.string(),
  /** The lab's own flag, mapped to ours, if it sent one. */
  flag: z.enum(LAB_FLAGS).nullable(),
  status: z.enum(LAB_RESULT_STATUSES),
  observedAt: z.string().nullable(),
  comment: z.string(),
});
export type IncomingLabResult = z.infer<typeof incomingLabResultSchema>;

export const incomingLabReportSchema = z.object({
  source: z.enum(['hl7v2', 'fhir']),
  /** Unique per report: importing it again finds it (lab_reports/lab_unmatched.source_key). */
  sourceKey: z.string(),
  fileName: z.string(),
  /** Where it sits in its file, for messages: "message 3 (control id 0042)". */
  location: z.string(),
  /** Our order number if the lab echoed it (ORC-2/OBR-2 placer number, ServiceRequest identifier). */
  orderNumber: z.string().nullable(),
  patient: z.object({
    /** Identifiers as sent: MRN and others ({ value, system or assigning authority }). */
    identifiers: z.array(z.object({ value: z.string(), system: z.string() })),
    familyName: z.string(),
    givenName: z.string(),
    birthDate: z.string().nullable(),
    sex: z.string().nullable(),
  }),
  code: z.string(),
  codeSystem: z.string(),
  name: z.string(),
  performer: z.string(),
  status: z.enum(LAB_RESULT_STATUSES),
  observedAt: z.string(),
  issuedAt: z.string().nullable(),
  comment: z.string(),
  results: z.array(incomingLabResultSchema),
});
export type IncomingLabReport = z.infer<typeof incomingLabReportSchema>;

/** One result as the chart, the inbox and the trend read it. */
export const labResultViewSchema = z.object({
  id: z.string(),
  reportId: z.string(),
  code: z.string(),
  name: z.string(),
  valueType: z.enum(LAB_VALUE_TYPES),
  valueNum: z.number().nullable(),
  comparator: z.string().nullable(),
  unit: z.string().nullable(),
  valueText: z.string(),
  originalValue: z.string(),
  originalUnit: z.string(),
  refLow: z.number().nullable(),
  refHigh: z.number().nullable(),
  refText: z.string(),
  flag: z.enum(LAB_FLAGS).nullable(),
  critical: z.boolean(),
  deltaNote: z.string(),
  status: z.enum(LAB_RESULT_STATUSES),
  observedAt: z.string(),
  comment: z.string(),
});
export type LabResultView = z.infer<typeof labResultViewSchema>;
