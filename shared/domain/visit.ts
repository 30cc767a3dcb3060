import { z } from 'zod';
import { idSchema, optionalText, recordMetaSchema, versionSchema } from './common';
import { noteWithAddendaSchema } from './note';

/**
 * A visit (FHIR Encounter): a doctor seeing a patient, started from today's appointment or queue
 * entry when there is one, or on its own; in progress until the doctor finishes it, which also
 * marks its appointment done (issue 9, part 1). Encounter.status "in-progress" and "finished".
 */
export const VISIT_STATUSES = ['in_progress', 'finished'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const visitStartSchema = z.strictObject({
  patientId: idSchema,
  /** Today's appointment or walk-in to link; omitted: the patient's own for today, if there is one. */
  appointmentId: idSchema.optional(),
  reason: optionalText(200, 'Reason for the visit'),
});
export type VisitStartInput = z.infer<typeof visitStartSchema>;

export const visitFinishSchema = z.strictObject({ id: idSchema, version: versionSchema });
/** How many visits the chart shows first; "Show older visits" asks for more. */
export const VISITS_PAGE = 20;

/** The newest `limit` visits with their notes: a chart of ten years opens as fast as a new one. */
export const visitListInputSchema = z.strictObject({
  patientId: idSchema,
  limit: z.number().int().min(1).max(1000).default(VISITS_PAGE),
});

export const visitSchema = recordMetaSchema.extend({
  patientId: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  appointmentId: z.string().nullable(),
  status: z.enum(VISIT_STATUSES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  reason: z.string(),
});
export type Visit = z.infer<typeof visitSchema>;

/** A visit with its notes (oldest first), each with its addenda. */
export const visitWithNotesSchema = visitSchema.extend({ notes: z.array(noteWithAddendaSchema) });
export type VisitWithNotes = z.infer<typeof visitWithNotesSchema>;
