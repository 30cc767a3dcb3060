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
});
export type UserCreate = z.infer<typeof userCreateSchema>;

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
