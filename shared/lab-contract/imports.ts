import { z } from 'zod';
import { DOCTOR } from '../access';
import type { ChannelSpecs } from '../contract';
import {
  labImportInputSchema,
  labImportProgressSchema,
  labImportSummarySchema,
  labUnmatchedAssignSchema,
  labUnmatchedDismissSchema,
  labUnmatchedListInputSchema,
  labUnmatchedSchema,
} from '../domain/lab-import';

/** Importing lab results (HL7 v2 ORU^R01, FHIR R4) and the reconciliation list (issue 11, part 4). Clinical: doctors only (DOCTOR in shared/access.ts). */
export const labImportChannels = {
  /**
   * Imports an ORU^R01 file or a FHIR R4 Bundle the doctor chose: what was imported, what was
   * there already, what waits on the reconciliation list, and each message that could not be read
   * (file, message, segment, why). Each report audited lab.import.
   */
  'labs.import': { access: DOCTOR, input: labImportInputSchema, output: labImportSummarySchema },
  /** How far the person's running import is (polled by the screen while `labs.import` runs). */
  'labs.import.progress': { access: DOCTOR, input: z.strictObject({}), output: labImportProgressSchema },
  /** The reconciliation list; audited lab.unmatched_view with the candidate patients shown. */
  'labs.unmatched.list': { access: DOCTOR, input: labUnmatchedListInputSchema, output: z.array(labUnmatchedSchema) },
  /** The doctor chose the patient: the report is written on them; audited lab.unmatched_assign. */
  'labs.unmatched.assign': { access: DOCTOR, input: labUnmatchedAssignSchema, output: labUnmatchedSchema },
  /** Set aside with a reason; audited lab.unmatched_dismiss. */
  'labs.unmatched.dismiss': { access: DOCTOR, input: labUnmatchedDismissSchema, output: labUnmatchedSchema },
} as const satisfies ChannelSpecs;
