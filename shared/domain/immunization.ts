import { z } from 'zod';
import { lineText } from '../plain-text';
import { idSchema, isoDateSchema, optionalText, versionSchema } from './common';

/**
 * Routes of administration (HL7 v2 table 0162 abbreviations, as CDC's IIS guide uses them): intramuscular,
 * subcutaneous, intradermal, oral, intranasal; '' when not known (a dose recorded from a card).
 */
export const IMMUNIZATION_ROUTES = ['IM', 'SC', 'ID', 'PO', 'IN', ''] as const;
export type ImmunizationRoute = (typeof IMMUNIZATION_ROUTES)[number];

/** CDC's CVX statuses (resources/cvx/SOURCE.md). */
export const CVX_STATUSES = ['Active', 'Inactive', 'Non-US', 'Never Active'] as const;

export const MAX_DOSE_NUMBER = 20;

export const immunizationInputSchema = z.strictObject({
  cvxCode: lineText('Vaccine')
    .trim()
    .min(1, { message: 'Choose the vaccine' })
    .max(10, { message: 'A CVX code is at most 10 characters' }),
  givenDate: isoDateSchema,
  doseNumber: z
    .number({ message: 'The dose number is a whole number' })
    .int({ message: 'The dose number is a whole number' })
    .min(1, { message: 'The dose number starts at 1' })
    .max(MAX_DOSE_NUMBER, { message: `The dose number is at most ${MAX_DOSE_NUMBER}` })
    .nullable()
    .default(null),
  lot: optionalText(40, 'Lot number'),
  site: optionalText(60, 'Site'),
  route: z.enum(IMMUNIZATION_ROUTES, { message: 'Choose IM, SC, ID, PO, IN or not known' }).default(''),
  /** True: given at this clinic; false: recorded from a card or another clinic's record. */
  givenHere: z.boolean(),
  note: optionalText(1000, 'Note', { multiline: true }),
});
export type ImmunizationInput = z.output<typeof immunizationInputSchema>;
export type ImmunizationFormInput = z.input<typeof immunizationInputSchema>;

export const immunizationSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  patientId: z.string(),
  cvxCode: z.string(),
  vaccine: z.string(),
  givenDate: z.string(),
  doseNumber: z.number().int().nullable(),
  lot: z.string(),
  site: z.string(),
  route: z.enum(IMMUNIZATION_ROUTES),
  givenHere: z.boolean(),
  note: z.string(),
  recordedByName: z.string(),
  updatedAt: z.string(),
});
export type Immunization = z.infer<typeof immunizationSchema>;

export const cvxVaccineSchema = z.object({
  code: z.string(),
  shortName: z.string(),
  fullName: z.string(),
  status: z.enum(CVX_STATUSES),
  /** May be recorded only as a dose given elsewhere (no longer available, or never used). */
  historicalOnly: z.boolean(),
});
export type CvxVaccine = z.infer<typeof cvxVaccineSchema>;

export const immunizationAddSchema = z.strictObject({ patientId: idSchema, immunization: immunizationInputSchema });
export const immunizationUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  immunization: immunizationInputSchema,
});
export const vaccineSearchSchema = z.strictObject({
  text: lineText('Search').trim().max(100, { message: 'Search for at most 100 characters' }),
  limit: z.number().int().min(1).max(50).default(20),
});
