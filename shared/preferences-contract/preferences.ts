import { z } from 'zod';
import type { ChannelSpecs } from '../contract';
import { preferenceSetSchema, preferencesSchema } from '../domain/preferences';

/**
 * A person's own preferences (shared/domain/preferences.ts): anyone signed in, and only their own:
 * neither channel takes a user id, main uses the session's.
 */
export const preferenceChannels = {
  'preferences.get': { access: 'signed-in', input: z.strictObject({}), output: preferencesSchema },
  /** Sets one preference and answers with all of them. */
  'preferences.set': { access: 'signed-in', input: preferenceSetSchema, output: preferencesSchema },
} as const satisfies ChannelSpecs;
