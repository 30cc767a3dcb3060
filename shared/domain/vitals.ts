import { z } from 'zod';
import { idSchema, versionSchema } from './common';
import { ENTERED_MEASURES, UNIT_SYSTEMS, VITAL_MEASURES, type EnteredMeasure, type VitalMeasure } from './vitals-units';

export * from './vitals-units';
export {
  POSSIBLE_RANGE,
  REFERENCE_RANGES,
  ageInMonths,
  flagAgainst,
  flagOf,
  referenceRange,
  type ReferenceRange,
  type VitalFlag,
} from './vitals-ranges';

/** An instant as UTC ISO-8601 ("2026-03-10T08:30:00.000Z"), as the renderer sends it from the clinic's wall clock. */
export const instantSchema = z
  .string()
  .max(30, { message: 'Enter the time the vitals were taken' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/, { message: 'Enter the time the vitals were taken' })
  // Date.parse rolls 30 February over into March: a real date reads back as written.
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 10) === s.slice(0, 10), {
    message: 'Enter a real date and time',
  })
  .transform((s) => new Date(s).toISOString());

/** A measurement as typed: a number, or null / absent when it was not measured. Ranges are main's (vitals-ranges.ts). */
const measurementSchema = z
  .number({ message: 'Enter a number' })
  .refine((n) => Number.isFinite(n), { message: 'Enter a number' })
  .nullable()
  .optional();

const measurementsShape = Object.fromEntries(ENTERED_MEASURES.map((m) => [m, measurementSchema])) as Record<
  EnteredMeasure,
  typeof measurementSchema
>;

/** What the record form sends: the values in the unit system chosen, converted to canonical units by main. */
export const vitalsRecordSchema = z.strictObject({
  patientId: idSchema,
  visitId: idSchema.nullable().optional(),
  takenAt: instantSchema,
  units: z.enum(UNIT_SYSTEMS),
  ...measurementsShape,
});
export type VitalsRecordInput = z.input<typeof vitalsRecordSchema>;
export type VitalsRecord = z.output<typeof vitalsRecordSchema>;

/** A correction of a set: every value as it should now read (an absent one is cleared). */
export const vitalsUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  takenAt: instantSchema,
  units: z.enum(UNIT_SYSTEMS),
  ...measurementsShape,
});
export type VitalsUpdateInput = z.input<typeof vitalsUpdateSchema>;
export type VitalsUpdate = z.output<typeof vitalsUpdateSchema>;

const flagSchema = z.enum(['low', 'high']);

/** Stored values in canonical units (vitals-units.ts CANONICAL_UNIT); null: not measured. */
export const vitalsValuesSchema = z.object(
  Object.fromEntries(VITAL_MEASURES.map((m) => [m, z.number().nullable()])) as Record<
    VitalMeasure,
    z.ZodNullable<z.ZodNumber>
  >,
);
export type VitalsValues = z.infer<typeof vitalsValuesSchema>;

/** One set of vitals as read: values, and the flags of those outside the normal band for the patient's age then. */
export const vitalsSetSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  patientId: z.string(),
  visitId: z.string().nullable(),
  takenAt: z.string(),
  recordedByName: z.string(),
  updatedAt: z.string(),
  values: vitalsValuesSchema,
  flags: z.partialRecord(z.enum(VITAL_MEASURES), flagSchema),
});
export type VitalsSet = z.infer<typeof vitalsSetSchema>;

/** The sets the chart's Vitals panel shows per page (and the chart overview reads first). */
export const VITALS_PAGE = 10;

export const vitalsListInputSchema = z.strictObject({
  patientId: idSchema,
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).default(0),
});

export const vitalsListSchema = z.object({
  /** Newest first. */
  sets: z.array(vitalsSetSchema),
  total: z.number().int(),
});
export type VitalsList = z.infer<typeof vitalsListSchema>;

/** The most points a trend holds: a patient's last thousand readings of one measure. */
export const TREND_MAX_POINTS = 1000;

export const vitalsTrendInputSchema = z.strictObject({
  patientId: idSchema,
  measure: z.enum(VITAL_MEASURES),
  limit: z.number().int().min(1).max(TREND_MAX_POINTS).default(TREND_MAX_POINTS),
});

export const trendPointSchema = z.object({
  takenAt: z.string(),
  value: z.number(),
  flag: flagSchema.nullable(),
  /** The normal band at the patient's age then, in the canonical unit; null where none is held. */
  low: z.number().nullable(),
  high: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const vitalsTrendSchema = z.object({
  measure: z.enum(VITAL_MEASURES),
  /** Oldest first, as plotted. */
  points: z.array(trendPointSchema),
});
export type VitalsTrend = z.infer<typeof vitalsTrendSchema>;
