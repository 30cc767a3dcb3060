import type { ChannelSpecs } from '../contract';

/** The chart's channels for: Medications, immunizations and history. Clinical: doctors only (DOCTOR in shared/access.ts). */
export const medicationChannels = {} as const satisfies ChannelSpecs;
