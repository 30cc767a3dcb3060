import { z } from 'zod';
import { parseIsoDate } from '../dates';

export const idSchema = z.string().uuid({ message: 'Not a valid record id' });

export const isoDateSchema = z
  .string()
  .refine((s) => parseIsoDate(s) !== null, { message: 'Enter a real date as YYYY-MM-DD' });

export const isoDateTimeSchema = z.string();

export const versionSchema = z.number().int().min(1);

/** A trimmed optional text field: empty strings become ''. */
export function optionalText(max: number, label: string) {
  return z
    .string()
    .trim()
    .max(max, { message: `${label} must be at most ${max} characters` })
    .default('');
}

export const recordMetaSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string(),
  updatedBy: z.string(),
});
