import type { ChannelSpecs } from '../contract';

/** The chart's channels for: Vital signs. Clinical: doctors only (DOCTOR in shared/access.ts). */
export const vitalsChannels = {} as const satisfies ChannelSpecs;
