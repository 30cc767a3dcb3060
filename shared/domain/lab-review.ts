import { z } from 'zod';
import { idSchema, optionalText, versionSchema } from './common';
import { LAB_FLAGS, LAB_RESULT_STATUSES, LAB_SOURCES, LAB_VALUE_TYPES, labResultViewSchema, type LabFlag } from './lab';

/**
 * Reviewing lab results (issue 11, parts 5-7): the doctor's inbox, acknowledgement, the patient's
 * reports, trends, the cumulative view and the printed results. Channels: shared/lab-contract/review.ts;
 * service: electron/main/labs/review/.
 */

/** How urgently a report asks to be read: any critical value, else any value out of range, else normal. */
export const LAB_PRIORITIES = ['critical', 'abnormal', 'normal'] as const;
export type LabPriority = (typeof LAB_PRIORITIES)[number];

/** Flags that mean "beyond a critical limit" (HL7 table 0078: LL, HH, AA). */
export const CRITICAL_FLAGS: readonly LabFlag[] = ['LL', 'HH', 'AA'];

/** A result's place in the inbox's order: the lab's critical mark or a critical flag, else a flag other than normal. */
export function resultPriority(result: { flag: LabFlag | null; critical: boolean }): LabPriority {
  if (result.critical || (result.flag !== null && CRITICAL_FLAGS.includes(result.flag))) return 'critical';
  if (result.flag !== null && result.flag !== 'N') return 'abnormal';
  return 'normal';
}

/** The most urgent of a report's results (a report with no results is normal). */
export function reportPriority(results: readonly { flag: LabFlag | null; critical: boolean }[]): LabPriority {
  let best: LabPriority = 'normal';
  for (const r of results) {
    const p = resultPriority(r);
    if (p === 'critical') return p;
    if (p === 'abnormal') best = p;
  }
  return best;
}

/** A stored number as people read it: no binary noise (0.1 + 0.2), no trailing zeros added. */
export function labNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** A result's value as printed and shown: "<0.5 mg/dL", "7.2 %", or the text result. */
export function labValueText(result: {
  valueNum: number | null;
  comparator: string | null;
  unit: string | null;
  valueText: string;
}): string {
  if (result.valueNum === null) return result.valueText;
  const unit = result.unit && result.unit !== '1' ? ` ${result.unit}` : '';
  return `${result.comparator ?? ''}${labNumber(result.valueNum)}${unit}`;
}

/**
 * A result's reference range as printed and shown: "3.5–5.1", "up to 5.2", "at least 60", the lab's
 * text, or ''. Words rather than ≤ and ≥, which the printed fonts do not all draw and patients misread.
 */
export function labRangeText(result: { refLow: number | null; refHigh: number | null; refText: string }): string {
  const { refLow: low, refHigh: high } = result;
  if (low !== null && high !== null) return `${labNumber(low)}–${labNumber(high)}`;
  if (high !== null) return `up to ${labNumber(high)}`;
  if (low !== null) return `at least ${labNumber(low)}`;
  return result.refText;
}

/** One report waiting in a doctor's inbox. */
export const labInboxItemSchema = z.object({
  reportId: z.string(),
  version: z.number().int(),
  patientId: z.string(),
  patientName: z.string(),
  patientMrn: z.string(),
  code: z.string(),
  name: z.string(),
  performer: z.string(),
  source: z.enum(LAB_SOURCES),
  status: z.enum(LAB_RESULT_STATUSES),
  observedAt: z.string(),
  priority: z.enum(LAB_PRIORITIES),
  resultCount: z.number().int(),
  abnormalCount: z.number().int(),
  criticalCount: z.number().int(),
});
export type LabInboxItem = z.infer<typeof labInboxItemSchema>;

export const labInboxCountsSchema = z.object({
  critical: z.number().int(),
  abnormal: z.number().int(),
  normal: z.number().int(),
  total: z.number().int(),
});
export type LabInboxCounts = z.infer<typeof labInboxCountsSchema>;

/** The inbox shows the first 100 (a screen's worth and more); the counts say how many wait in all. */
export const labInboxInputSchema = z.strictObject({
  limit: z.number().int().min(1).max(500).default(100),
});
export const labInboxSchema = z.object({ items: z.array(labInboxItemSchema), counts: labInboxCountsSchema });
export type LabInbox = z.infer<typeof labInboxSchema>;

/** What a review comment may hold; the limit refuses, it never cuts. */
export const REVIEW_COMMENT_MAX = 1000;

export const labAcknowledgeInputSchema = z.strictObject({
  reports: z
    .array(z.strictObject({ id: idSchema, version: versionSchema }))
    .min(1, { message: 'Choose at least one report to acknowledge' })
    .max(200, { message: 'Acknowledge at most 200 reports at a time' }),
  comment: optionalText(REVIEW_COMMENT_MAX, 'Comment', { multiline: true }),
});
export type LabAcknowledgeInput = z.infer<typeof labAcknowledgeInputSchema>;
export const labAcknowledgeResultSchema = z.object({
  acknowledged: z.number().int(),
  reviewedAt: z.string(),
});

/** A report with its review, as the report view shows it. */
export const labReportViewSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  patientId: z.string(),
  patientName: z.string(),
  patientMrn: z.string(),
  orderNumber: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  source: z.enum(LAB_SOURCES),
  performer: z.string(),
  status: z.enum(LAB_RESULT_STATUSES),
  observedAt: z.string(),
  issuedAt: z.string().nullable(),
  comment: z.string(),
  doctorId: z.string().nullable(),
  doctorName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewComment: z.string(),
  priority: z.enum(LAB_PRIORITIES),
});
export type LabReportView = z.infer<typeof labReportViewSchema>;

export const labReportInputSchema = z.strictObject({ reportId: idSchema });
export const labReportDetailSchema = z.object({ report: labReportViewSchema, results: z.array(labResultViewSchema) });
export type LabReportDetail = z.infer<typeof labReportDetailSchema>;

/** A result that is out of range, shown with its report on the chart. */
export const labFlaggedResultSchema = z.object({
  code: z.string(),
  name: z.string(),
  value: z.string(),
  flag: z.enum(LAB_FLAGS).nullable(),
  critical: z.boolean(),
});

/** One of a patient's reports in the chart's list (newest first). */
export const labPatientReportSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  code: z.string(),
  name: z.string(),
  performer: z.string(),
  status: z.enum(LAB_RESULT_STATUSES),
  observedAt: z.string(),
  reviewed: z.boolean(),
  priority: z.enum(LAB_PRIORITIES),
  resultCount: z.number().int(),
  /** Out-of-range results, most urgent first (at most 6). */
  flagged: z.array(labFlaggedResultSchema),
  /** The codes with numbers in this report, for opening a trend. */
  numericCodes: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type LabPatientReport = z.infer<typeof labPatientReportSchema>;

/** The reports the chart's Lab results panel lists (and the chart overview reads first). */
export const LAB_REPORTS_PAGE = 100;

export const labPatientReportsInputSchema = z.strictObject({
  patientId: idSchema,
  limit: z.number().int().min(1).max(500).default(LAB_REPORTS_PAGE),
});
export const labPatientReportsSchema = z.object({
  reports: z.array(labPatientReportSchema),
  unreviewed: z.number().int(),
  total: z.number().int(),
});
export type LabPatientReports = z.infer<typeof labPatientReportsSchema>;

const codeSchema = z.string().trim().min(1, { message: 'Choose a test' }).max(64, { message: 'Not a test code' });

export const labTrendInputSchema = z.strictObject({
  patientId: idSchema,
  code: codeSchema,
  limit: z.number().int().min(1).max(1000).default(1000),
});
export const labTrendPointSchema = z.object({
  resultId: z.string(),
  reportId: z.string(),
  observedAt: z.string(),
  valueNum: z.number().nullable(),
  comparator: z.string().nullable(),
  valueText: z.string(),
  unit: z.string().nullable(),
  refLow: z.number().nullable(),
  refHigh: z.number().nullable(),
  refText: z.string(),
  flag: z.enum(LAB_FLAGS).nullable(),
  critical: z.boolean(),
});
export type LabTrendPoint = z.infer<typeof labTrendPointSchema>;
export const labTrendSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** The unit most points are in (the test's UCUM unit); null for text results. */
  unit: z.string().nullable(),
  valueType: z.enum(LAB_VALUE_TYPES),
  /** Oldest first. */
  points: z.array(labTrendPointSchema),
});
export type LabTrend = z.infer<typeof labTrendSchema>;

export const labCumulativeInputSchema = z.strictObject({
  patientId: idSchema,
  /** The panel's (report's) code: every report of the patient with it, one column each. */
  reportCode: codeSchema,
  limit: z.number().int().min(1).max(60).default(12),
});
export const labCumulativeCellSchema = z.object({
  value: z.string(),
  flag: z.enum(LAB_FLAGS).nullable(),
  critical: z.boolean(),
});
export const labCumulativeSchema = z.object({
  reportCode: z.string(),
  name: z.string(),
  /** Oldest first, one per report. */
  columns: z.array(z.object({ reportId: z.string(), observedAt: z.string() })),
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      range: z.string(),
      cells: z.array(labCumulativeCellSchema.nullable()),
    }),
  ),
});
export type LabCumulative = z.infer<typeof labCumulativeSchema>;

export const printLabResultsInputSchema = z.strictObject({
  patientId: idSchema,
  reportIds: z
    .array(idSchema)
    .min(1, { message: 'Choose at least one report to print' })
    .max(50, { message: 'Print at most 50 reports at a time' }),
});
export type PrintLabResultsInput = z.infer<typeof printLabResultsInputSchema>;
