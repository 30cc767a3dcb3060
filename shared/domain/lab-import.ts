import { z } from 'zod';
import { idSchema } from './common';
import { incomingLabReportSchema } from './lab';
import { multilineText } from '../plain-text';

/**
 * Importing lab results (issue 11, part 4): the file a doctor chose, what came of it, and the
 * reconciliation list. Channels: shared/lab-contract/imports.ts; service:
 * electron/main/labs/imports/lab-import-service.ts.
 */

/** 50 MB of text: some 50,000 messages of ten results; larger files are refused whole, never cut. */
export const LAB_IMPORT_MAX_CHARS = 50_000_000;

export const labImportInputSchema = z.strictObject({
  fileName: z.string().min(1).max(255),
  content: z.string().min(1).max(LAB_IMPORT_MAX_CHARS),
});
export type LabImportInput = z.infer<typeof labImportInputSchema>;

/** One message or resource that was not imported: where it is and what is wrong, in words. */
export const labImportProblemSchema = z.object({
  fileName: z.string(),
  /** "message 3 (control id 0042)", "entry 5 (DiagnosticReport/abc)". */
  location: z.string(),
  /** The segment or element at fault: "OBX 7 (OBX-5)", "Observation.valueQuantity". */
  segment: z.string(),
  message: z.string(),
});
export type LabImportProblem = z.infer<typeof labImportProblemSchema>;

export const labImportSummarySchema = z.object({
  fileName: z.string(),
  format: z.enum(['hl7v2', 'fhir']),
  /** Reports read from the file (an ORU message with two OBR groups is two reports). */
  reports: z.number().int(),
  /** Put on a patient (by order number or by a certain patient match). */
  imported: z.number().int(),
  results: z.number().int(),
  /** Imported before: nothing changed. */
  alreadyThere: z.number().int(),
  /** Waiting on the reconciliation list. */
  toReconcile: z.number().int(),
  problems: z.array(labImportProblemSchema),
});
export type LabImportSummary = z.infer<typeof labImportSummarySchema>;

export const labImportProgressSchema = z.object({
  running: z.boolean(),
  fileName: z.string(),
  done: z.number().int(),
  total: z.number().int(),
});
export type LabImportProgress = z.infer<typeof labImportProgressSchema>;

export const LAB_UNMATCHED_STATUSES = ['pending', 'assigned', 'dismissed'] as const;

export const labUnmatchedListInputSchema = z.strictObject({
  status: z.enum(LAB_UNMATCHED_STATUSES).default('pending'),
});

export const labCandidatePatientSchema = z.object({
  id: z.string(),
  mrn: z.string(),
  name: z.string(),
  birthDate: z.string(),
  sex: z.string(),
});

export const labUnmatchedSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(LAB_UNMATCHED_STATUSES),
  fileName: z.string(),
  receivedAt: z.string(),
  /** Why it was not put on a patient (or, once dismissed, the doctor's reason). */
  reason: z.string(),
  report: incomingLabReportSchema,
  candidates: z.array(labCandidatePatientSchema),
  patientId: z.string().nullable(),
  reportId: z.string().nullable(),
});
export type LabUnmatched = z.infer<typeof labUnmatchedSchema>;

export const labUnmatchedAssignSchema = z.strictObject({
  id: idSchema,
  version: z.number().int().min(1),
  patientId: idSchema,
});

export const labUnmatchedDismissSchema = z.strictObject({
  id: idSchema,
  version: z.number().int().min(1),
  reason: multilineText('Reason')
    .trim()
    .min(1, { message: 'Say why it is dismissed' })
    .max(500, { message: 'Reason must be at most 500 characters' }),
});
