import type { ChannelSpecs } from '../contract';

/** The chart's channels for: FHIR R4 export of a patient's record. Clinical: doctors only (DOCTOR in shared/access.ts). */
export const fhirChannels = {} as const satisfies ChannelSpecs;
