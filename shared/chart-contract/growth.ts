import { DOCTOR } from '../access';
import type { ChannelSpecs } from '../contract';
import { growthChartSchema, growthInputSchema } from '../domain/growth';

/** The chart's channels for: Growth charts (children). Clinical: doctors only (DOCTOR in shared/access.ts). */
export const growthChannels = {
  /**
   * One growth chart: CDC's centile curves for the child's sex and the child's own measurements
   * with their centiles (audited as a chart view, like vitals.trend).
   */
  'vitals.growth': { access: DOCTOR, input: growthInputSchema, output: growthChartSchema },
} as const satisfies ChannelSpecs;
