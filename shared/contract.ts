import { z } from 'zod';
import { ADMIN, DOCTOR, FRONT_DESK_AND_DOCTOR, mayCall, type Access } from './access';
import type { Role } from './domain/roles';
import type { AuditAction } from './domain/audit';

/**
 * A channel whose answer shows patients: main records who saw which patients (the audit action,
 * and the field that holds each shown patient's id in the answer).
 */
export interface ShowsPatients {
  action: AuditAction;
  idKey: 'id' | 'patientId';
}

/** One channel: who may call it, its input and output schemas, and what else the dispatcher must know. */
export interface ChannelSpec {
  access: Access;
  input: z.ZodType;
  output: z.ZodType;
  whileLocked?: true;
  beforePasswordChange?: true;
  shows?: ShowsPatients;
}
export type ChannelSpecs = Record<string, ChannelSpec>;
import { lineText } from './plain-text';
import { overviewChannels } from './chart-contract/overview';
import { visitChannels } from './chart-contract/visits';
import { vitalsChannels } from './chart-contract/vitals';
import { growthChannels } from './chart-contract/growth';
import { preferenceChannels } from './preferences-contract/preferences';
import { problemChannels } from './chart-contract/problems';
import { medicationChannels } from './chart-contract/medications';
import { fhirChannels } from './chart-contract/fhir';
import { auditFindPatientChannels } from './audit-contract/find-patient';
import { prescriptionChannels } from './rx-contract/prescriptions';
import { rxPrintChannels } from './rx-contract/print';
import { drugChannels } from './rx-contract/drugs';
import { labOrderChannels } from './lab-contract/orders';
import { labImportChannels } from './lab-contract/imports';
import { labReviewChannels } from './lab-contract/review';
import { auditChainResultSchema, auditEntrySchema, auditFilterSchema, auditIntegritySchema } from './domain/audit';
import {
  duplicateCandidateSchema,
  duplicateCheckSchema,
  patientHistoryEntrySchema,
  patientRegisterSchema,
  patientSchema,
  patientSearchSchema,
  patientSummarySchema,
  patientUpdateSchema,
} from './domain/patient';
import { clinicSettingsSchema } from './domain/settings';
import {
  backupFolderInputSchema,
  backupInfoSchema,
  backupListSchema,
  backupRestoreInputSchema,
  backupRestoreResultSchema,
  backupStatusSchema,
} from './domain/backup';
import {
  changeOwnPasswordSchema,
  displayNameSchema,
  passwordSchema,
  sessionInfoSchema,
  userCreateSchema,
  userResetPasswordSchema,
  userSchema,
  userSetDisabledSchema,
  userUpdateSchema,
  usernameSchema,
} from './domain/user';
import { idSchema, isoDateSchema } from './domain/common';
import { draftInfoSchema, draftListInputSchema, draftRefSchema, draftSaveSchema, draftSchema } from './domain/draft';
import {
  advanceInputSchema,
  appointmentHistoryEntrySchema,
  appointmentListSchema,
  appointmentSchema,
  bookInputSchema,
  bookSeriesInputSchema,
  cancelInputSchema,
  dateRangeSchema,
  dayOffInputSchema,
  daysOffQuerySchema,
  dayOffSchema,
  dayViewSchema,
  holidayInputSchema,
  holidaySchema,
  providerScheduleSchema,
  queueSchema,
  reminderSchema,
  rescheduleInputSchema,
  scheduleUpdateSchema,
  statusChangeInputSchema,
  todayInputSchema,
  todaySchema,
  updateInputSchema,
  walkInInputSchema,
  weekViewSchema,
} from './domain/appointment';

const empty = z.strictObject({});

// Printing: main builds the PDF; the renderer previews it, saves it, or asks main to print it.
const printDayListInput = z.strictObject({ providerId: idSchema, date: isoDateSchema });
const printSlipInput = z.strictObject({ appointmentId: idSchema });
const printVisitSummaryInput = z.strictObject({ visitId: idSchema });
const printedPdfSchema = z.object({
  filename: z.string(),
  /** The PDF's bytes, base64: binary crosses IPC as text, like the CSV exports. */
  pdfBase64: z.string(),
  pages: z.number().int(),
});
const printToPrinterInput = z.discriminatedUnion('kind', [
  printDayListInput.extend({ kind: z.literal('dayList') }),
  printSlipInput.extend({ kind: z.literal('slip') }),
]);

/**
 * The IPC contract: every channel the renderer may invoke, who may call it (`access`, see
 * shared/access.ts), whether a locked session may still call it, and its input and output schemas.
 * Main validates inputs and enforces access against it; the renderer shows only what the signed-in
 * person's roles may use; the preload refuses channels not listed here.
 */
export const contract = {
  'app.status': {
    access: 'public',
    whileLocked: true,
    input: empty,
    output: z.object({
      setupRequired: z.boolean(),
      /** The clinic's data is encrypted and this computer has no key for it: the recovery key is needed. */
      recoveryRequired: z.boolean(),
      clinicName: z.string().nullable(),
      /** The clinic's IANA time zone: "today" (and so a patient's age) is the clinic's day. */
      clinicTimeZone: z.string().nullable(),
      session: sessionInfoSchema.nullable(),
      locked: z.boolean(),
      lockedUsername: z.string().nullable(),
    }),
  },
  'recovery.unlock': {
    access: 'public',
    whileLocked: true,
    input: z.strictObject({ recoveryKey: z.string().max(200, { message: 'A recovery key is 55 characters long' }) }),
    output: z.null(),
  },
  'setup.complete': {
    access: 'public',
    input: z.strictObject({
      clinic: clinicSettingsSchema,
      admin: z.strictObject({
        username: usernameSchema,
        displayName: displayNameSchema,
        password: passwordSchema,
        alsoDoctor: z.boolean().default(false),
      }),
    }),
    output: sessionInfoSchema,
  },
  'auth.signIn': {
    access: 'public',
    whileLocked: true,
    input: z.strictObject({
      username: lineText('User name').trim().min(1, { message: 'Enter your user name' }).max(40),
      password: z.string().min(1, { message: 'Enter your password' }).max(200),
    }),
    output: sessionInfoSchema,
  },
  'auth.signOut': {
    access: 'signed-in',
    whileLocked: true,
    beforePasswordChange: true,
    input: empty,
    output: z.null(),
  },
  // Changing one's own password ends one's other sessions (other windows, other laptops' copies).
  'auth.changePassword': {
    access: 'signed-in',
    beforePasswordChange: true,
    input: changeOwnPasswordSchema,
    output: sessionInfoSchema,
  },
  'session.touch': { access: 'signed-in', beforePasswordChange: true, input: empty, output: z.null() },
  'session.lock': { access: 'signed-in', beforePasswordChange: true, input: empty, output: z.null() },

  'users.list': { access: ADMIN, input: empty, output: z.array(userSchema) },
  'users.create': { access: ADMIN, input: userCreateSchema, output: userSchema },
  'users.update': { access: ADMIN, input: userUpdateSchema, output: userSchema },
  'users.resetPassword': { access: ADMIN, input: userResetPasswordSchema, output: z.null() },
  'users.setDisabled': { access: ADMIN, input: userSetDisabledSchema, output: userSchema },

  'settings.get': { access: 'signed-in', input: empty, output: clinicSettingsSchema },
  'security.recoveryKey': {
    access: ADMIN,
    input: z.strictObject({ password: z.string().min(1, { message: 'Enter your password' }).max(200) }),
    output: z.object({ recoveryKey: z.string() }),
  },
  'settings.update': { access: ADMIN, input: clinicSettingsSchema, output: clinicSettingsSchema },

  // Backups: everyone signed in sees whether they are up to date; only administrators act on them.
  'backups.status': { access: 'signed-in', input: empty, output: backupStatusSchema },
  'backups.list': { access: ADMIN, input: empty, output: backupListSchema },
  'backups.setFolder': { access: ADMIN, input: backupFolderInputSchema, output: backupStatusSchema },
  'backups.run': { access: ADMIN, input: empty, output: backupInfoSchema },
  'backups.restore': { access: ADMIN, input: backupRestoreInputSchema, output: backupRestoreResultSchema },

  'patients.search': {
    access: FRONT_DESK_AND_DOCTOR,
    shows: { action: 'patient.search', idKey: 'id' },
    input: patientSearchSchema,
    output: z.array(patientSummarySchema),
  },
  'patients.get': { access: FRONT_DESK_AND_DOCTOR, input: z.strictObject({ id: idSchema }), output: patientSchema },
  'patients.checkDuplicates': {
    access: FRONT_DESK_AND_DOCTOR,
    shows: { action: 'patient.duplicate_check', idKey: 'id' },
    input: duplicateCheckSchema,
    output: z.array(duplicateCandidateSchema),
  },
  'patients.register': { access: FRONT_DESK_AND_DOCTOR, input: patientRegisterSchema, output: patientSchema },
  'patients.update': { access: FRONT_DESK_AND_DOCTOR, input: patientUpdateSchema, output: patientSchema },
  'patients.history': {
    access: FRONT_DESK_AND_DOCTOR,
    input: z.strictObject({ id: idSchema }),
    output: z.array(patientHistoryEntrySchema),
  },

  'audit.list': {
    access: ADMIN,
    shows: { action: 'audit.view', idKey: 'patientId' },
    input: auditFilterSchema,
    output: z.object({ entries: z.array(auditEntrySchema), total: z.number().int() }),
  },
  'audit.exportCsv': {
    access: ADMIN,
    input: auditFilterSchema,
    output: z.object({
      filename: z.string(),
      csv: z.string(),
      rows: z.number().int(),
      /** The chain is checked before every export; the CSV ends with the result. */
      integrity: auditChainResultSchema,
    }),
  },
  /** The last check of the audit chain (at start, or on demand): the alarm administrators see. */
  'audit.integrity': { access: ADMIN, input: empty, output: auditIntegritySchema },
  /** Checks the whole chain now (audited). */
  'audit.verify': { access: ADMIN, input: empty, output: auditChainResultSchema },

  // Appointment book: doctors' hours, days off, clinic holidays. Set by administrators, read by
  // everyone who books or is booked.
  'providers.list': { access: 'signed-in', input: empty, output: z.array(providerScheduleSchema) },
  'providers.setSchedule': { access: ADMIN, input: scheduleUpdateSchema, output: providerScheduleSchema },
  'providers.daysOff': { access: 'signed-in', input: daysOffQuerySchema, output: z.array(dayOffSchema) },
  'providers.addDayOff': { access: ADMIN, input: dayOffInputSchema, output: dayOffSchema },
  'providers.removeDayOff': { access: ADMIN, input: z.strictObject({ id: idSchema }), output: z.null() },
  'holidays.list': { access: 'signed-in', input: dateRangeSchema, output: z.array(holidaySchema) },
  'holidays.add': { access: ADMIN, input: holidayInputSchema, output: holidaySchema },
  'holidays.remove': { access: ADMIN, input: z.strictObject({ id: idSchema }), output: z.null() },

  // Appointment book: booking and changes. Overbooking is further limited to OVERBOOK_ROLES by the booking rules.
  'appointments.day': {
    access: FRONT_DESK_AND_DOCTOR,
    shows: { action: 'appointment.day_view', idKey: 'patientId' },
    input: z.strictObject({ date: isoDateSchema }),
    output: dayViewSchema,
  },
  'appointments.week': {
    access: FRONT_DESK_AND_DOCTOR,
    shows: { action: 'appointment.week_view', idKey: 'patientId' },
    input: z.strictObject({ providerId: idSchema, startDate: isoDateSchema }),
    output: weekViewSchema,
  },
  'appointments.get': {
    access: FRONT_DESK_AND_DOCTOR,
    input: z.strictObject({ id: idSchema }),
    output: appointmentSchema,
  },
  'appointments.history': {
    access: FRONT_DESK_AND_DOCTOR,
    input: z.strictObject({ id: idSchema }),
    output: z.array(appointmentHistoryEntrySchema),
  },
  /** The patient's appointments from now on (booked or checked in), soonest first: the chart's Upcoming panel. */
  'appointments.upcomingForPatient': {
    access: FRONT_DESK_AND_DOCTOR,
    input: z.strictObject({ patientId: idSchema }),
    output: z.array(appointmentSchema),
  },
  'appointments.book': { access: FRONT_DESK_AND_DOCTOR, input: bookInputSchema, output: appointmentSchema },
  'appointments.bookSeries': {
    access: FRONT_DESK_AND_DOCTOR,
    input: bookSeriesInputSchema,
    output: z.object({ seriesId: z.string(), appointments: z.array(appointmentSchema) }),
  },
  'appointments.walkIn': { access: FRONT_DESK_AND_DOCTOR, input: walkInInputSchema, output: appointmentSchema },
  'appointments.reschedule': {
    access: FRONT_DESK_AND_DOCTOR,
    input: rescheduleInputSchema,
    output: appointmentListSchema,
  },
  'appointments.update': { access: FRONT_DESK_AND_DOCTOR, input: updateInputSchema, output: appointmentSchema },
  'appointments.cancel': { access: FRONT_DESK_AND_DOCTOR, input: cancelInputSchema, output: appointmentListSchema },
  'appointments.markNoShow': {
    access: FRONT_DESK_AND_DOCTOR,
    input: statusChangeInputSchema,
    output: appointmentSchema,
  },
  'appointments.checkIn': { access: FRONT_DESK_AND_DOCTOR, input: statusChangeInputSchema, output: appointmentSchema },
  // Calling a patient in and finishing the visit are the doctor's; the front desk checks patients in.
  'appointments.advance': { access: DOCTOR, input: advanceInputSchema, output: appointmentSchema },
  'appointments.callNext': { access: DOCTOR, input: empty, output: appointmentSchema.nullable() },
  'appointments.queue': {
    access: FRONT_DESK_AND_DOCTOR,
    shows: { action: 'appointment.queue_view', idKey: 'patientId' },
    input: z.strictObject({ providerId: idSchema, date: isoDateSchema.optional() }),
    output: queueSchema,
  },
  'appointments.today': {
    access: FRONT_DESK_AND_DOCTOR,
    shows: { action: 'appointment.today_view', idKey: 'patientId' },
    input: todayInputSchema,
    output: todaySchema,
  },
  'appointments.reminders': {
    access: FRONT_DESK_AND_DOCTOR,
    shows: { action: 'appointment.reminders_view', idKey: 'patientId' },
    input: z.strictObject({ date: isoDateSchema }),
    output: z.array(reminderSchema),
  },
  'appointments.remindersCsv': {
    access: FRONT_DESK_AND_DOCTOR,
    input: z.strictObject({ date: isoDateSchema }),
    output: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() }),
  },

  // Drafts: each person's unsaved forms, kept in the database (never the browser profile). Any
  // signed-in person may call these; each kind is further limited to those who may do what it is
  // for (DRAFT_ACCESS in shared/access.ts), checked by the drafts service.
  'drafts.save': {
    access: 'signed-in',
    input: draftSaveSchema,
    output: z.object({ updatedAt: z.string() }),
  },
  'drafts.get': { access: 'signed-in', input: draftRefSchema, output: draftSchema.nullable() },
  'drafts.list': { access: 'signed-in', input: draftListInputSchema, output: z.array(draftInfoSchema) },
  'drafts.discard': { access: 'signed-in', input: draftRefSchema, output: z.null() },

  // Printing: a doctor's day list and an appointment slip, as a PDF to preview or save, or sent to a printer.
  // Printouts show patients' names and times, so they are limited (and audited) like the lists they print.
  'print.dayList': { access: FRONT_DESK_AND_DOCTOR, input: printDayListInput, output: printedPdfSchema },
  'print.slip': { access: FRONT_DESK_AND_DOCTOR, input: printSlipInput, output: printedPdfSchema },
  // 'cancelled': the person closed the print dialog without printing.
  'print.toPrinter': {
    access: FRONT_DESK_AND_DOCTOR,
    input: printToPrinterInput,
    output: z.object({ outcome: z.enum(['printed', 'cancelled']) }).strict(),
  },
  // A visit's summary (clinical: doctors only), to preview, save, or send to the printer.
  'print.visitSummary': { access: DOCTOR, input: printVisitSummaryInput, output: printedPdfSchema },
  'print.visitSummaryToPrinter': {
    access: DOCTOR,
    input: printVisitSummaryInput,
    output: z.object({ outcome: z.enum(['printed', 'cancelled']) }).strict(),
  },
  // The chart (doctors only): one file per area, in shared/chart-contract/.
  ...overviewChannels,
  ...visitChannels,
  ...vitalsChannels,
  ...growthChannels,
  ...problemChannels,
  ...medicationChannels,
  ...fhirChannels,
  // The audit screen's patient filter (administrators), shared/audit-contract/.
  ...auditFindPatientChannels,
  // Prescriptions (issue 10, rx-core).
  ...prescriptionChannels,
  // The printed prescription (issue 10): shared/rx-contract/print.ts.
  ...rxPrintChannels,
  // Prescriptions: the drug catalogue and the clinic's formulary (shared/rx-contract/drugs.ts).
  ...drugChannels,
  // Lab orders and results (issue 11): one file per area in shared/lab-contract/.
  ...labOrderChannels,
  ...labImportChannels,
  ...labReviewChannels,
  // A person's own preferences (any signed-in user): shared/preferences-contract/.
  ...preferenceChannels,
} as const satisfies ChannelSpecs;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events main pushes to the renderer. */
/** session.signedOut: a restore replaced the clinic's data (backups/restore-service.ts); every window signs in again. */
export const EVENTS = ['session.locked', 'session.signedOut', 'menu.command'] as const;
export type AppEvent = (typeof EVENTS)[number];

/** What the preload exposes on `window.chartbook`; the e2e harness provides the same shape. */
export interface ChartbookBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: AppEvent, listener: (payload: unknown) => void): () => void;
}

/** Whether someone with these roles may call the channel: the rule main enforces, for the renderer to show or hide. */
export function mayUse(channel: Channel, roles: readonly Role[]): boolean {
  return mayCall(contract[channel].access, roles);
}

/**
 * Channels a session signed in with an administrator-set password may call before choosing its own
 * (change it, sign out, keep the session alive or lock it); every other non-public channel answers
 * PASSWORD_CHANGE_REQUIRED.
 */
export function allowedBeforePasswordChange(channel: Channel): boolean {
  return 'beforePasswordChange' in contract[channel];
}

/** Channels a locked session may still call (to see that it is locked, sign in again, or sign out). */
export function allowedWhileLocked(channel: Channel): boolean {
  return 'whileLocked' in contract[channel];
}
