import { z } from 'zod';
import { idSchema, versionSchema } from './common';
import { roleSchema } from './roles';
import { lineText } from '../plain-text';

export const PASSWORD_MIN_LENGTH = 10;

export const usernameSchema = z
  .string()
  .trim()
  .min(2, { message: 'User name needs at least 2 characters' })
  .max(40, { message: 'User name must be at most 40 characters' })
  .regex(/^[\p{L}\p{N}._-]+$/u, { message: 'User name may use letters, digits, dot, dash and underscore only' });

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `Password needs at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(200, { message: 'Password must be at most 200 characters' });

export const displayNameSchema = lineText('Name')
  .trim()
  .min(1, { message: 'Enter the person’s name' })
  .max(100, { message: 'Name must be at most 100 characters' });

/**
 * A doctor's qualifications as the prescription prints them under the name, e.g. "MBBS, MD (Medicine)".
 * Optional ('' for none); refused, never cut, when too long.
 */
export const qualificationsSchema = lineText('Qualifications')
  .trim()
  .max(120, { message: 'Qualifications must be at most 120 characters' });

/** A doctor's registration number with the medical council, e.g. "MMC 2011/04/1234"; '' for none. */
export const registrationNumberSchema = lineText('Registration number')
  .trim()
  .max(40, { message: 'Registration number must be at most 40 characters' })
  .regex(/^[\p{L}\p{N} ./()-]*$/u, {
    message: 'Registration number may use letters, digits, spaces and . / ( ) - only',
  });

/** What a prescription prints under a doctor's name (issue 10): both optional. */
export const credentialsSchema = {
  qualifications: qualificationsSchema.default(''),
  registrationNumber: registrationNumberSchema.default(''),
};

export const rolesSchema = z
  .array(roleSchema)
  .min(1, { message: 'Choose at least one role' })
  .transform((roles) => [...new Set(roles)]);

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  /** The password was set by an administrator: the person chooses their own at the next sign-in. */
  mustChangePassword: z.boolean(),
  /** Printed on prescriptions under the doctor's name; '' when none. */
  qualifications: z.string(),
  registrationNumber: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
  roles: rolesSchema,
  ...credentialsSchema,
});
export type UserCreate = z.input<typeof userCreateSchema>;

/** A password typed to prove who is at the keyboard (never checked for length: it is the current one). */
export const currentPasswordSchema = z
  .string()
  .min(1, { message: 'Enter your current password' })
  .max(200, { message: 'Password must be at most 200 characters' });

export const userUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  displayName: displayNameSchema,
  roles: rolesSchema,
  /** Absent: unchanged (older callers edit only the name and roles). */
  qualifications: qualificationsSchema.optional(),
  registrationNumber: registrationNumberSchema.optional(),
  /** Needed only when administrators change their own roles: main asks for the password again. */
  currentPassword: currentPasswordSchema.optional(),
});

export const changeOwnPasswordSchema = z.strictObject({
  currentPassword: currentPasswordSchema,
  newPassword: passwordSchema,
});

export const userResetPasswordSchema = z.strictObject({
  id: idSchema,
  newPassword: passwordSchema,
});

export const userSetDisabledSchema = z.strictObject({
  id: idSchema,
  disabled: z.boolean(),
});

export const sessionInfoSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  idleLockMinutes: z.number().int(),
  /** Signed in with a password an administrator set: only choosing a new one (or signing out) is allowed. */
  mustChangePassword: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** People edit their own printed credentials (a doctor's qualifications and registration number). */
export const ownCredentialsUpdateSchema = z.strictObject({
  version: versionSchema,
  qualifications: qualificationsSchema,
  registrationNumber: registrationNumberSchema,
});
export type OwnCredentialsUpdate = z.infer<typeof ownCredentialsUpdateSchema>;
