import type { ChannelSpecs } from '../contract';

/** Lab orders, the test catalogue and results entered by hand (issue 11, parts 1-3, 7-8). Clinical: doctors only (DOCTOR in shared/access.ts). */
export const labOrderChannels = {} as const satisfies ChannelSpecs;
