import type { ChannelSpecs } from '../contract';

/** Importing lab results (HL7 v2 ORU^R01, FHIR R4) and the reconciliation list (issue 11, part 4). Clinical: doctors only (DOCTOR in shared/access.ts). */
export const labImportChannels = {} as const satisfies ChannelSpecs;
