import { z } from 'zod';
import { ADMIN } from '../access';
import type { ChannelSpecs } from '../contract';
import { lineText } from '../plain-text';

/**
 * A patient the audit screen may filter by. The name only for a reader who may see names
 * (AUDIT_NAMES_ROLES); an administrator who is not clinical staff gets the record number alone,
 * as in the audit rows themselves.
 */
export const auditPatientChoiceSchema = z.object({
  patientId: z.string(),
  mrn: z.string(),
  name: z.string().nullable(),
});
export type AuditPatientChoice = z.infer<typeof auditPatientChoiceSchema>;

/** The audit screen's patient filter: find the patient by name, MRN or phone, as on the Patients screen. */
export const auditFindPatientChannels = {
  /** Audited as audit.view naming the patients found (the administrator saw that they exist). */
  'audit.findPatient': {
    access: ADMIN,
    shows: { action: 'audit.view', idKey: 'patientId' },
    input: z.strictObject({
      text: lineText('Patient').trim().min(1, { message: 'Type a name, MRN or phone' }).max(100, {
        message: 'Search text must be at most 100 characters',
      }),
    }),
    output: z.array(auditPatientChoiceSchema),
  },
} as const satisfies ChannelSpecs;
