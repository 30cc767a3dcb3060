import { z } from 'zod';
import { compareIsoDates, todayIn } from '../dates';
import { isPlausiblePhone } from '../phone';
import { calendarDateSchema, draftKeySchema, idSchema, optionalText, versionSchema } from './common';
import { lineText } from '../plain-text';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const; // FHIR AdministrativeGender
export const PHONE_KINDS = ['mobile', 'home', 'work', 'other'] as const;
export const EARLIEST_BIRTH_DATE = '1900-01-01';
export const MAX_ESTIMATED_AGE = 120;

const phoneNumberSchema = z.string().trim().refine(isPlausiblePhone, {
  message: 'Enter 6 to 15 digits; spaces, dashes, brackets and a leading + are fine',
});

export const phoneSchema = z.strictObject({
  kind: z.enum(PHONE_KINDS).default('mobile'),
  number: phoneNumberSchema,
});

export const identifierSchema = z.strictObject({
  system: lineText('Identifier type')
    .trim()
    .min(1, { message: 'Say what kind of identifier this is, e.g. National ID' })
    .max(60, { message: 'Identifier type must be at most 60 characters' }),
  value: lineText('Identifier')
    .trim()
    .min(1, { message: 'Enter the identifier' })
    .max(60, { message: 'Identifier must be at most 60 characters' }),
});

export const addressSchema = z.strictObject({
  line: optionalText(200, 'Street address'),
  city: optionalText(100, 'City'),
  region: optionalText(100, 'Region'),
  postalCode: optionalText(20, 'Postal code'),
  country: optionalText(60, 'Country'),
});

export const emergencyContactSchema = z.strictObject({
  name: optionalText(100, 'Emergency contact name'),
  relationship: optionalText(60, 'Relationship'),
  phone: z
    .string()
    .trim()
    .refine((s) => s === '' || isPlausiblePhone(s), {
      message: 'Enter 6 to 15 digits; spaces, dashes, brackets and a leading + are fine',
    })
    .default(''),
});

/** Birth is a real date of birth, or an age in years when the patient does not know it. */
export const birthSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('date'),
    date: calendarDateSchema
      .refine((d) => compareIsoDates(d, EARLIEST_BIRTH_DATE) >= 0, {
        message: 'Date of birth cannot be before 1900',
      })
      .refine((d) => compareIsoDates(d, todayIn()) <= 0, {
        message: 'Date of birth cannot be in the future',
      }),
  }),
  z.strictObject({
    kind: z.literal('estimatedAge'),
    years: z
      .number({ message: 'Enter the estimated age in whole years' })
      .int({ message: 'Enter the estimated age in whole years' })
      .min(0, { message: 'Estimated age cannot be negative' })
      .max(MAX_ESTIMATED_AGE, { message: `Estimated age must be at most ${MAX_ESTIMATED_AGE} years` }),
  }),
]);

export const patientInputSchema = z
  .strictObject({
    givenNames: optionalText(100, 'Given names'),
    familyName: optionalText(100, 'Family name'),
    /** The name in Latin letters, for a patient whose names are in another script; search finds it. */
    latinName: optionalText(200, 'Name in Latin letters'),
    sex: z.enum(SEXES, { message: 'Choose female, male, other or unknown' }),
    genderIdentity: optionalText(60, 'Gender identity'),
    birth: birthSchema,
    phones: z.array(phoneSchema).max(5, { message: 'At most 5 phone numbers' }).default([]),
    address: addressSchema.default({ line: '', city: '', region: '', postalCode: '', country: '' }),
    identifiers: z.array(identifierSchema).max(10, { message: 'At most 10 identifiers' }).default([]),
    emergencyContact: emergencyContactSchema.default({ name: '', relationship: '', phone: '' }),
    notes: optionalText(2000, 'Notes', { multiline: true }),
  })
  // A missing name is said in the same round as every other mistake (issue 12, point 14): this check
  // runs even when other fields failed, so it reads the raw values defensively.
  .superRefine(
    (p, ctx) => {
      const blank = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim() === '');
      if (blank(p.givenNames) && blank(p.familyName)) {
        ctx.addIssue({
          code: 'custom',
          path: ['givenNames'],
          message: 'Enter the patient’s given name or family name',
        });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.identifiers.forEach((id, i) => {
      const key = `${id.system.toLowerCase()}|${id.value.toLowerCase()}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['identifiers', i, 'value'], message: 'This identifier is listed twice' });
      }
      seen.add(key);
    });
  });
export type PatientInput = z.infer<typeof patientInputSchema>;
export type PatientFormInput = z.input<typeof patientInputSchema>;

export const patientSchema = z.object({
  id: z.string(),
  mrn: z.string(),
  givenNames: z.string(),
  familyName: z.string(),
  latinName: z.string(),
  sex: z.enum(SEXES),
  genderIdentity: z.string(),
  birthDate: z.string(),
  birthDateEstimated: z.boolean(),
  phones: z.array(z.object({ kind: z.enum(PHONE_KINDS), number: z.string() })),
  address: z.object({
    line: z.string(),
    city: z.string(),
    region: z.string(),
    postalCode: z.string(),
    country: z.string(),
  }),
  identifiers: z.array(z.object({ system: z.string(), value: z.string() })),
  emergencyContact: z.object({ name: z.string(), relationship: z.string(), phone: z.string() }),
  notes: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string(),
  updatedBy: z.string(),
});
export type Patient = z.infer<typeof patientSchema>;

export const patientSummarySchema = z.object({
  id: z.string(),
  mrn: z.string(),
  givenNames: z.string(),
  familyName: z.string(),
  sex: z.enum(SEXES),
  birthDate: z.string(),
  birthDateEstimated: z.boolean(),
  phone: z.string(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

export const patientSearchSchema = z.strictObject({
  text: z.string().max(200, { message: 'Search text is too long' }),
  limit: z.number().int().min(1).max(100).default(25),
});

export const patientRegisterSchema = z.strictObject({
  patient: patientInputSchema,
  /** The user saw the possible duplicates and chose to register a new patient anyway. */
  confirmedNotDuplicate: z.boolean().default(false),
  /** The registration draft this form was typed in: main removes it in the registration's transaction. */
  draftKey: draftKeySchema.optional(),
});

export const patientUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  patient: patientInputSchema,
  /** The user saw that the edited record looks like another patient and saved anyway. */
  confirmedNotDuplicate: z.boolean().default(false),
});

export const patientHistoryEntrySchema = z.object({
  version: z.number().int(),
  changedAt: z.string(),
  changedBy: z.string(),
  changedByName: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
});
export type PatientHistoryEntry = z.infer<typeof patientHistoryEntrySchema>;

export const duplicateCheckSchema = z.strictObject({
  givenNames: z.string().max(100).default(''),
  familyName: z.string().max(100).default(''),
  birthDate: z.string().max(10).default(''),
  phones: z.array(z.string().max(40)).max(5).default([]),
  excludeId: idSchema.optional(),
});

export const duplicateCandidateSchema = patientSummarySchema.extend({
  reason: z.enum(['name-and-birth-date', 'phone']),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;
