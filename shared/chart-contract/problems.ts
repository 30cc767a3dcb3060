import type { ChannelSpecs } from '../contract';

/** The chart's channels for: Problems, diagnoses (ICD-10-CM) and allergies. Clinical: doctors only (DOCTOR in shared/access.ts). */
export const problemChannels = {} as const satisfies ChannelSpecs;
