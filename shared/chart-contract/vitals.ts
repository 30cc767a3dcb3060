import { DOCTOR } from '../access';
import type { ChannelSpecs } from '../contract';
import {
  vitalsListInputSchema,
  vitalsListSchema,
  vitalsRecordSchema,
  vitalsSetSchema,
  vitalsTrendInputSchema,
  vitalsTrendSchema,
  vitalsUpdateSchema,
} from '../domain/vitals';

/** The chart's channels for: Vital signs. Clinical: doctors only (DOCTOR in shared/access.ts). */
export const vitalsChannels = {
  /** Records one set of vitals taken at one moment; values typed in metric or US units. */
  'vitals.record': { access: DOCTOR, input: vitalsRecordSchema, output: vitalsSetSchema },
  /** Corrects a set from the version the doctor saw (CONFLICT when someone changed it since). */
  'vitals.update': { access: DOCTOR, input: vitalsUpdateSchema, output: vitalsSetSchema },
  /** The patient's sets, newest first, a page at a time (audited as a chart view). */
  'vitals.list': { access: DOCTOR, input: vitalsListInputSchema, output: vitalsListSchema },
  /** One measure over time, up to 1,000 points, oldest first (audited as a chart view). */
  'vitals.trend': { access: DOCTOR, input: vitalsTrendInputSchema, output: vitalsTrendSchema },
} as const satisfies ChannelSpecs;
