import type { ChannelSpecs } from '../contract';

/** The results inbox, acknowledgement, trends and the cumulative view (issue 11, parts 5-6). Clinical: doctors only (DOCTOR in shared/access.ts). */
export const labReviewChannels = {} as const satisfies ChannelSpecs;
