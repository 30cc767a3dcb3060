import { z } from 'zod';
import { DOCTOR } from '../access';
import type { ChannelSpecs } from '../contract';
import { ownCredentialsUpdateSchema, userSchema } from '../domain/user';

/**
 * The printed prescription's channels (issue 10, part 5) and the doctor's own printed credentials
 * (qualifications and registration number, printed under the name). Spread into shared/contract.ts.
 */
export const rxPrintChannels = {
  /** The signed-in person's own account (for editing their own printed credentials). */
  'users.own': { access: 'signed-in', input: z.strictObject({}), output: userSchema },
  /** A doctor sets their own qualifications and registration number (administrators may too, on Users). */
  'users.updateOwnCredentials': { access: DOCTOR, input: ownCredentialsUpdateSchema, output: userSchema },
} as const satisfies ChannelSpecs;
