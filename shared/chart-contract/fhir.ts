import { z } from 'zod';
import { DOCTOR } from '../access';
import type { ChannelSpecs } from '../contract';
import { idSchema } from '../domain/common';

/**
 * A patient's chart as a FHIR R4 Bundle (type collection): the JSON text, ready to save as a file
 * (text crosses IPC like the CSV exports; the renderer need not parse it), its suggested file
 * name, and how many resources it holds.
 */
export const fhirPatientExportSchema = z.object({
  filename: z.string(),
  json: z.string(),
  resources: z.number().int(),
});
export type FhirPatientExport = z.infer<typeof fhirPatientExportSchema>;

/** The chart's channels for: FHIR R4 export of a patient's record. Clinical: doctors only (DOCTOR in shared/access.ts). */
export const fhirChannels = {
  /** Audited as fhir.export naming the patient; an unknown or deleted patient is NOT_FOUND. */
  'fhir.exportPatient': {
    access: DOCTOR,
    input: z.strictObject({ patientId: idSchema }),
    output: fhirPatientExportSchema,
  },
} as const satisfies ChannelSpecs;
