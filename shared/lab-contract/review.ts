import { z } from 'zod';
import { DOCTOR } from '../access';
import type { ChannelSpecs } from '../contract';
import {
  labAcknowledgeInputSchema,
  labAcknowledgeResultSchema,
  labCumulativeInputSchema,
  labCumulativeSchema,
  labInboxCountsSchema,
  labInboxInputSchema,
  labInboxSchema,
  labPatientReportsInputSchema,
  labPatientReportsSchema,
  labReportDetailSchema,
  labReportInputSchema,
  labTrendInputSchema,
  labTrendSchema,
  printLabResultsInputSchema,
} from '../domain/lab-review';

/** The same shape as the other printouts' answer (shared/contract.ts): the PDF's bytes as base64. */
const printedPdfSchema = z.object({ filename: z.string(), pdfBase64: z.string(), pages: z.number().int() });

/**
 * The results inbox, acknowledgement, the patient's reports, trends, the cumulative view and the
 * printed results (issue 11, parts 5-7). Clinical: doctors only (DOCTOR in shared/access.ts). Every
 * read of patient data is audited (electron/main/labs/review/lab-review-service.ts).
 */
export const labReviewChannels = {
  /** The signed-in doctor's unreviewed reports: critical first, then abnormal, then the rest, newest first within. */
  'labs.review.inbox': {
    access: DOCTOR,
    input: labInboxInputSchema,
    output: labInboxSchema,
    shows: { action: 'lab.inbox_view', idKey: 'patientId' },
  },
  /** How many reports wait in the signed-in doctor's inbox, by priority (the navigation's badge; no patient shown). */
  'labs.review.counts': { access: DOCTOR, input: z.strictObject({}), output: labInboxCountsSchema },
  /** Acknowledges one or several reports with one comment (audited; each report's order follows). */
  'labs.review.acknowledge': { access: DOCTOR, input: labAcknowledgeInputSchema, output: labAcknowledgeResultSchema },
  /** One report with its results and its review (a record view, audited in its own transaction). */
  'labs.review.report': { access: DOCTOR, input: labReportInputSchema, output: labReportDetailSchema },
  /** The patient's reports, newest first, new (unreviewed) ones marked, flagged values listed (audited). */
  'labs.review.patientReports': {
    access: DOCTOR,
    input: labPatientReportsInputSchema,
    output: labPatientReportsSchema,
  },
  /** One test of the patient over time with its reference band, oldest first, up to 1,000 points (audited). */
  'labs.review.trend': { access: DOCTOR, input: labTrendInputSchema, output: labTrendSchema },
  /** A panel's tests by dates: one column per report with the panel's code (audited). */
  'labs.review.cumulative': { access: DOCTOR, input: labCumulativeInputSchema, output: labCumulativeSchema },
  /** The patient's chosen reports as a PDF to preview or save; audited (print.lab_results). */
  'print.labResults': { access: DOCTOR, input: printLabResultsInputSchema, output: printedPdfSchema },
  /** The same to the printer; audited with the outcome. */
  'print.labResultsToPrinter': {
    access: DOCTOR,
    input: printLabResultsInputSchema,
    output: z.object({ outcome: z.enum(['printed', 'cancelled']) }).strict(),
  },
} as const satisfies ChannelSpecs;
