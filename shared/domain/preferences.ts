import { z } from 'zod';
import { UNIT_SYSTEMS } from './vitals-units';

/**
 * A person's own preferences, kept in main per user (table user_preferences): display choices that
 * follow the person from computer to computer, never patient data. Each key has its own schema; a
 * stored value that no longer fits its schema (an older release's) reads as unset.
 */
export const PREFERENCE_SCHEMAS = {
  /** The units the person types and reads vitals in (shared/domain/vitals-units.ts). */
  'vitals.units': z.enum(UNIT_SYSTEMS, { message: 'Choose metric or US units' }),
  /** An administrator put away a new clinic's "What to do next" (a solo doctor has nobody to add). */
  'setup.nextStepsHidden': z.boolean({ message: 'Choose shown or hidden' }),
} as const;

export type PreferenceKey = keyof typeof PREFERENCE_SCHEMAS;
export const PREFERENCE_KEYS = Object.keys(PREFERENCE_SCHEMAS) as PreferenceKey[];
export type PreferenceValue<K extends PreferenceKey> = z.infer<(typeof PREFERENCE_SCHEMAS)[K]>;

/** The signed-in person's preferences: a key is absent until they choose. */
export const preferencesSchema = z
  .object({
    'vitals.units': PREFERENCE_SCHEMAS['vitals.units'].optional(),
    'setup.nextStepsHidden': PREFERENCE_SCHEMAS['setup.nextStepsHidden'].optional(),
  })
  .strict() satisfies z.ZodType<{ [K in PreferenceKey]?: PreferenceValue<K> }>;
export type Preferences = z.infer<typeof preferencesSchema>;

/** One preference set: the key and its value, checked by that key's schema. */
export const preferenceSetSchema = z.discriminatedUnion('key', [
  z.strictObject({ key: z.literal('vitals.units'), value: PREFERENCE_SCHEMAS['vitals.units'] }),
  z.strictObject({ key: z.literal('setup.nextStepsHidden'), value: PREFERENCE_SCHEMAS['setup.nextStepsHidden'] }),
]);
export type PreferenceSet = z.infer<typeof preferenceSetSchema>;
