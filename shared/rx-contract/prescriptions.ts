import { z } from 'zod';
import { ADMIN, DOCTOR } from '../access';
import type { ChannelSpecs } from '../contract';
import { idSchema, isoDateSchema, versionSchema } from '../domain/common';
import { lineText } from '../plain-text';
import {
  FAVOURITE_LABEL_MAX,
  alertReportRowSchema,
  cancelReasonSchema,
  favouriteSchema,
  itemWriteResultSchema,
  overrideInputSchema,
  prescriptionItemInputSchema,
  prescriptionSchema,
  prescriptionSummarySchema,
  rxPatientContextSchema,
  signOverrideInputSchema,
} from '../domain/prescription';

const overrides = z.array(overrideInputSchema).max(50).default([]);

/**
 * The prescription record (issue 10): writing, safety alerts with override reasons, signing,
 * cancelling, repeat/renew, favourites. Clinical: doctors only. Every view, change and override is
 * audited. The admin report is counts per rule, no patient data.
 */
export const prescriptionChannels = {
  /** A new draft in a visit (the visit's live patient); the draft is its author's. */
  'prescriptions.createDraft': {
    access: DOCTOR,
    input: z.strictObject({ visitId: idSchema }),
    output: prescriptionSchema,
  },
  'prescriptions.get': { access: DOCTOR, input: z.strictObject({ id: idSchema }), output: prescriptionSchema },
  /** The patient's prescriptions, newest first (audited as chart.view, section prescriptions). */
  'prescriptions.list': {
    access: DOCTOR,
    input: z.strictObject({ patientId: idSchema }),
    output: z.array(prescriptionSummarySchema),
  },
  'prescriptions.patientContext': {
    access: DOCTOR,
    input: z.strictObject({ patientId: idSchema }),
    output: rxPatientContextSchema,
  },
  /** Adds a line (safety-checked; alerts returned; overrides for interrupting alerts may come with it). */
  'prescriptions.addItem': {
    access: DOCTOR,
    input: z.strictObject({ prescriptionId: idSchema, item: prescriptionItemInputSchema, overrides }),
    output: itemWriteResultSchema,
  },
  'prescriptions.updateItem': {
    access: DOCTOR,
    input: z.strictObject({ itemId: idSchema, version: versionSchema, item: prescriptionItemInputSchema, overrides }),
    output: itemWriteResultSchema,
  },
  'prescriptions.removeItem': {
    access: DOCTOR,
    input: z.strictObject({ itemId: idSchema, version: versionSchema }),
    output: prescriptionSchema,
  },
  /** Keeps the reason for going on despite an interrupting (or any) alert of a draft's item. */
  'prescriptions.overrideAlert': {
    access: DOCTOR,
    input: z.strictObject({
      itemId: idSchema,
      ruleId: z.string().min(1).max(120),
      reason: overrideInputSchema.shape.reason,
    }),
    output: prescriptionSchema,
  },
  /** Re-checks every item; every interrupting alert needs a reason; then immutable, and the medication list is updated. */
  'prescriptions.sign': {
    access: DOCTOR,
    input: z.strictObject({
      id: idSchema,
      version: versionSchema,
      overrides: z.array(signOverrideInputSchema).max(200).default([]),
    }),
    output: prescriptionSchema,
  },
  /** A draft is discarded; a signed one is cancelled and the medicines it started are stopped with the reason. */
  'prescriptions.cancel': {
    access: DOCTOR,
    input: z.strictObject({ id: idSchema, version: versionSchema, reason: cancelReasonSchema }),
    output: prescriptionSchema,
  },
  /** Cancels a signed prescription with the reason and returns a new draft pre-filled with its items. */
  'prescriptions.change': {
    access: DOCTOR,
    input: z.strictObject({ id: idSchema, version: versionSchema, reason: cancelReasonSchema }),
    output: prescriptionSchema,
  },
  /** A new draft in this visit from the patient's last signed prescription. */
  'prescriptions.repeatLast': {
    access: DOCTOR,
    input: z.strictObject({ visitId: idSchema }),
    output: prescriptionSchema,
  },
  /** A new draft in this visit from the patient's active medicines prescribed here. */
  'prescriptions.renewChronic': {
    access: DOCTOR,
    input: z.strictObject({ visitId: idSchema }),
    output: prescriptionSchema,
  },

  /** The signed-in doctor's own favourite regimens. */
  'prescriptions.favourites': { access: DOCTOR, input: z.strictObject({}), output: z.array(favouriteSchema) },
  'prescriptions.saveFavourite': {
    access: DOCTOR,
    input: z.strictObject({
      label: lineText('Name')
        .trim()
        .min(1, { message: 'Name the favourite' })
        .max(FAVOURITE_LABEL_MAX, { message: `The name must be at most ${FAVOURITE_LABEL_MAX} characters` }),
      item: prescriptionItemInputSchema,
    }),
    output: favouriteSchema,
  },
  'prescriptions.removeFavourite': {
    access: DOCTOR,
    input: z.strictObject({ id: idSchema, version: versionSchema }),
    output: z.null(),
  },

  /** Alerts shown and overridden per rule over a period (administrators; counts only). */
  'rxReport.alerts': {
    access: ADMIN,
    input: z
      .strictObject({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
      .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: '“To” must be on or after “From”' }),
    output: z.array(alertReportRowSchema),
  },
} as const satisfies ChannelSpecs;
