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

export const userUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  displayName: displayNameSchema,
  roles: rolesSchema,
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
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
