import type { ChannelSpecs } from '../contract';

/** The chart's channels for: Visits and notes. Clinical: doctors only (DOCTOR in shared/access.ts). */
export const visitChannels = {} as const satisfies ChannelSpecs;
