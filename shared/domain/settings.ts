import { z } from 'zod';
import { lineText, multilineText } from '../plain-text';
import { canonicalTimeZone } from '../time-zones';
import { PRINT_LANGUAGES } from '../rx-print/print-language';

export const PAPER_SIZES = ['A4', 'LETTER', 'A5'] as const;
/**
 * The page an appointment slip prints on: an A6 card, an 80 mm or 58 mm receipt roll (as long as the
 * slip), or the clinic's paper size. A slip is a few lines: never a whole A4 sheet by default.
 */
export const SLIP_SIZES = ['A6', 'RECEIPT_80', 'RECEIPT_58', 'PAPER'] as const;
export const PRESCRIPTION_PAPER_SIZES = ['A5', 'A4'] as const;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const clinicSettingsSchema = z.strictObject({
  clinicName: lineText('Clinic name')
    .trim()
    .min(1, { message: 'Enter the clinic’s name' })
    .max(120, { message: 'Clinic name must be at most 120 characters' }),
  address: multilineText('Address').trim().max(300, { message: 'Address must be at most 300 characters' }).default(''),
  phone: lineText('Phone').trim().max(40, { message: 'Phone must be at most 40 characters' }).default(''),
  // Kept under its canonical name, whichever alias the computer or an old list used.
  timeZone: z
    .string()
    .refine(isTimeZone, { message: 'Choose a time zone from the list, e.g. Europe/Berlin' })
    .transform(canonicalTimeZone),
  letterhead: multilineText('Letterhead')
    .trim()
    .max(500, { message: 'Letterhead text must be at most 500 characters' })
    .default(''),
  idleLockMinutes: z
    .number({ message: 'Enter the idle time in whole minutes' })
    .int({ message: 'Enter the idle time in whole minutes' })
    .min(1, { message: 'Idle lock must be between 1 and 240 minutes' })
    .max(240, { message: 'Idle lock must be between 1 and 240 minutes' })
    .default(10),
  paperSize: z.enum(['A4', 'LETTER', 'A5']).default('A4'),
  slipSize: z.enum(SLIP_SIZES, { message: 'Choose A6, an 80 mm or 58 mm receipt, or the paper size' }).default('A6'),
  /** The printed prescription (issue 10): its paper, A5 (the usual pad) or A4. */
  prescriptionPaperSize: z.enum(PRESCRIPTION_PAPER_SIZES, { message: 'Choose A5 or A4' }).default('A5'),
  /** The language of the prescription's fixed words and dose sentences (shared/i18n/<code>/prescription.json). */
  printLanguage: z.enum(PRINT_LANGUAGES, { message: 'Choose a printout language from the list' }).default('en'),
});
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;
export type ClinicSettingsInput = z.input<typeof clinicSettingsSchema>;
