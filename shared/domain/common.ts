import { z } from 'zod';
import { parseIsoDate } from '../dates';
import { lineText, multilineText } from '../plain-text';

export const idSchema = z.string().uuid({ message: 'Not a valid record id' });

/** Years a clinic date can fall in: wide enough for any birth or booking, narrow enough that date arithmetic stays exact. */
export const EARLIEST_YEAR = 1800;
export const LATEST_YEAR = 2199;

/** A real calendar date as YYYY-MM-DD, any year; fields with their own bounds (birth dates) start here. */
export const calendarDateSchema = z
  .string()
  .max(10, { message: 'Enter a real date as YYYY-MM-DD' })
  .refine((s) => parseIsoDate(s) !== null, { message: 'Enter a real date as YYYY-MM-DD' });

/** A real calendar date within the years a clinic works in. */
export const isoDateSchema = calendarDateSchema.refine(
  (s) => {
    const year = Number(s.slice(0, 4));
    return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
  },
  { message: `Enter a date between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}` },
);

export const isoDateTimeSchema = z.string();

export const versionSchema = z.number().int().min(1);

/** A trimmed optional text field: empty strings become ''. Controls and invisible tricks are refused (plain-text.ts). */
export function optionalText(max: number, label: string, options: { multiline?: boolean } = {}) {
  return (options.multiline ? multilineText(label) : lineText(label))
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

/**
 * Which draft of a kind: '' for the one new record of that kind a person is typing (the registration
 * form), a record's id for edits of that record, a short name for another form of the same kind (the
 * registration opened from the booking dialog is 'booking'). Here, not in draft.ts, because registration
 * and booking inputs name their draft and draft.ts imports from their modules.
 */
export const draftKeySchema = z
  .string()
  .max(64, { message: 'A draft key is at most 64 characters' })
  .regex(/^[A-Za-z0-9._:-]*$/, { message: 'A draft key uses only letters, digits and . _ : -' });
