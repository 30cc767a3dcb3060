import { z } from 'zod';
import { isoDateSchema } from './common';

export const AUDIT_ACTIONS = [
  'setup.complete',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.lockout',
  'auth.idle_lock',
  'auth.password_change',
  'user.create',
  'user.update',
  'user.own_roles',
  'user.password_reset',
  'user.disable',
  'user.enable',
  'settings.update',
  'security.recovery_key_view',
  'backup.folder',
  'backup.create',
  'backup.restore',
  'patient.view',
  'patient.create',
  'patient.update',
  'patient.history_view',
  'audit.export',
  'audit.verify',
  'appointment.view',
  'appointment.book',
  'appointment.walk_in',
  'appointment.reschedule',
  'appointment.update',
  'appointment.cancel',
  'appointment.no_show',
  'appointment.check_in',
  'appointment.status',
  'appointment.history_view',
  'appointment.reminders_export',
  'provider.schedule_update',
  'provider.day_off',
  'clinic.holiday',
  'print.day_list',
  'print.slip',
  // The chart (doctors only).
  'chart.view',
  'chart.summary_view',
  'visit.start',
  'visit.update',
  'visit.finish',
  'note.create',
  'note.update',
  'note.sign',
  'note.addendum',
  'note_template.save',
  'note_snippet.save',
  'vitals.record',
  'vitals.update',
  'problem.add',
  'problem.update',
  'icd10.import',
  'allergy.add',
  'allergy.update',
  'allergy.nka',
  'medication.add',
  'medication.update',
  'medication.stop',
  'medication.reconcile',
  'immunization.add',
  'immunization.update',
  'history.save',
  'print.visit_summary',
  // The printed prescription (issue 10, rx-print): preview, printer, reprints (copies).
  'print.prescription',
  'fhir.export',
  // Prescriptions (issue 10, rx-core).
  'prescription.create',
  'prescription.view',
  'prescription.item_add',
  'prescription.item_update',
  'prescription.item_remove',
  'prescription.override',
  'prescription.sign',
  'prescription.cancel',
  'prescription.favourite_save',
  'prescription.favourite_remove',
  'rx_report.view',
  // Prescriptions: the clinic's formulary and favourites (electron/main/rx/formulary/).
  'formulary.add',
  'formulary.update',
  'formulary.remove',
  'formulary.import',
  'drug.favourite',
  // Lab orders and results (issue 11, electron/main/labs/).
  'lab.test_add',
  'lab.test_update',
  'lab.order_create',
  'lab.order_view',
  'lab.order_collect',
  'lab.order_cancel',
  'lab.result_enter',
  'lab.result_view',
  'lab.import',
  'lab.unmatched_view',
  'lab.unmatched_assign',
  'lab.unmatched_dismiss',
  'lab.inbox_view',
  'lab.review',
  'lab.trend_view',
  'print.lab_requisition',
  'print.lab_results',
  // Lists that show patients, and refused calls (buffered; see electron/main/audit/read-audit.ts).
  'patient.search',
  'patient.duplicate_check',
  'appointment.day_view',
  'appointment.week_view',
  'appointment.queue_view',
  'appointment.today_view',
  'appointment.reminders_view',
  'audit.view',
  'access.refused',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const auditFilterSchema = z
  .strictObject({
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    userId: z.string().uuid().optional(),
    patientId: z.string().uuid().optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: '“To” must be on or after “From”' });
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  patientId: z.string().nullable(),
  patientLabel: z.string(),
  outcome: z.enum(AUDIT_OUTCOMES),
  details: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** What a broken audit chain shows (docs/ARCHITECTURE.md, "Audit chain"). */
export const AUDIT_CHAIN_BREAKS = ['edited', 'deleted', 'inserted', 'reordered', 'tail-cut', 'anchor-forged'] as const;
export type AuditChainBreak = (typeof AUDIT_CHAIN_BREAKS)[number];

export const auditChainResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), rows: z.number().int(), checkedAt: z.string() }),
  z.object({
    ok: z.literal(false),
    /** The first entry that is not as it was written (null when only the anchor file was altered). */
    firstBrokenSeq: z.number().int().nullable(),
    reason: z.enum(AUDIT_CHAIN_BREAKS),
    /** That entry as it now reads, when it is still there. */
    entry: z.object({ at: z.string(), username: z.string(), action: z.string() }).nullable(),
    message: z.string(),
    /** Entries checked before the break. */
    rows: z.number().int(),
    checkedAt: z.string(),
  }),
]);
export type AuditChainResult = z.infer<typeof auditChainResultSchema>;

/** The last check of the audit chain; `checking` while the check at start is still running. */
export const auditIntegritySchema = z.object({
  checking: z.boolean(),
  result: auditChainResultSchema.nullable(),
});
export type AuditIntegrity = z.infer<typeof auditIntegritySchema>;
