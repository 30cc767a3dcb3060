import { z } from 'zod';
import { auditEntrySchema, auditFilterSchema } from './domain/audit';
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
 * The IPC contract: every channel the renderer may invoke, with its input and output schemas.
 * Main validates inputs against it; the preload refuses channels not listed here.
 */
export const contract = {
  'app.status': {
    input: empty,
    output: z.object({
      setupRequired: z.boolean(),
      clinicName: z.string().nullable(),
      /** The clinic's IANA time zone: "today" (and so a patient's age) is the clinic's day. */
      clinicTimeZone: z.string().nullable(),
      session: sessionInfoSchema.nullable(),
      locked: z.boolean(),
      lockedUsername: z.string().nullable(),
    }),
  },
  'setup.complete': {
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
    input: z.strictObject({
      username: z.string().trim().min(1, { message: 'Enter your user name' }).max(40),
      password: z.string().min(1, { message: 'Enter your password' }).max(200),
    }),
    output: sessionInfoSchema,
  },
  'auth.signOut': { input: empty, output: z.null() },
  'session.touch': { input: empty, output: z.null() },
  'session.lock': { input: empty, output: z.null() },

  'users.list': { input: empty, output: z.array(userSchema) },
  'users.create': { input: userCreateSchema, output: userSchema },
  'users.update': { input: userUpdateSchema, output: userSchema },
  'users.resetPassword': { input: userResetPasswordSchema, output: z.null() },
  'users.setDisabled': { input: userSetDisabledSchema, output: userSchema },

  'settings.get': { input: empty, output: clinicSettingsSchema },
  'settings.update': { input: clinicSettingsSchema, output: clinicSettingsSchema },

  'patients.search': { input: patientSearchSchema, output: z.array(patientSummarySchema) },
  'patients.get': { input: z.strictObject({ id: idSchema }), output: patientSchema },
  'patients.checkDuplicates': { input: duplicateCheckSchema, output: z.array(duplicateCandidateSchema) },
  'patients.register': { input: patientRegisterSchema, output: patientSchema },
  'patients.update': { input: patientUpdateSchema, output: patientSchema },
  'patients.history': { input: z.strictObject({ id: idSchema }), output: z.array(patientHistoryEntrySchema) },

  'audit.list': {
    input: auditFilterSchema,
    output: z.object({ entries: z.array(auditEntrySchema), total: z.number().int() }),
  },
  'audit.exportCsv': {
    input: auditFilterSchema,
    output: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() }),
  },

  // Appointment book: doctors' hours, days off, clinic holidays.
  'providers.list': { input: empty, output: z.array(providerScheduleSchema) },
  'providers.setSchedule': { input: scheduleUpdateSchema, output: providerScheduleSchema },
  'providers.daysOff': { input: daysOffQuerySchema, output: z.array(dayOffSchema) },
  'providers.addDayOff': { input: dayOffInputSchema, output: dayOffSchema },
  'providers.removeDayOff': { input: z.strictObject({ id: idSchema }), output: z.null() },
  'holidays.list': { input: dateRangeSchema, output: z.array(holidaySchema) },
  'holidays.add': { input: holidayInputSchema, output: holidaySchema },
  'holidays.remove': { input: z.strictObject({ id: idSchema }), output: z.null() },

  // Appointment book: booking and changes.
  'appointments.day': { input: z.strictObject({ date: isoDateSchema }), output: dayViewSchema },
  'appointments.week': {
    input: z.strictObject({ providerId: idSchema, startDate: isoDateSchema }),
    output: weekViewSchema,
  },
  'appointments.get': { input: z.strictObject({ id: idSchema }), output: appointmentSchema },
  'appointments.history': { input: z.strictObject({ id: idSchema }), output: z.array(appointmentHistoryEntrySchema) },
  'appointments.book': { input: bookInputSchema, output: appointmentSchema },
  'appointments.bookSeries': {
    input: bookSeriesInputSchema,
    output: z.object({ seriesId: z.string(), appointments: z.array(appointmentSchema) }),
  },
  'appointments.walkIn': { input: walkInInputSchema, output: appointmentSchema },
  'appointments.reschedule': { input: rescheduleInputSchema, output: appointmentListSchema },
  'appointments.update': { input: updateInputSchema, output: appointmentSchema },
  'appointments.cancel': { input: cancelInputSchema, output: appointmentListSchema },
  'appointments.markNoShow': { input: statusChangeInputSchema, output: appointmentSchema },
  'appointments.checkIn': { input: statusChangeInputSchema, output: appointmentSchema },
  'appointments.advance': { input: advanceInputSchema, output: appointmentSchema },
  'appointments.callNext': { input: empty, output: appointmentSchema.nullable() },
  'appointments.queue': {
    input: z.strictObject({ providerId: idSchema, date: isoDateSchema.optional() }),
    output: queueSchema,
  },
  'appointments.today': { input: todayInputSchema, output: todaySchema },
  'appointments.reminders': { input: z.strictObject({ date: isoDateSchema }), output: z.array(reminderSchema) },
  'appointments.remindersCsv': {
    input: z.strictObject({ date: isoDateSchema }),
    output: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() }),
  },

  // Printing: a doctor's day list and an appointment slip, as a PDF to preview or save, or sent to a printer.
  'print.dayList': { input: printDayListInput, output: printedPdfSchema },
  'print.slip': { input: printSlipInput, output: printedPdfSchema },
  // 'cancelled': the person closed the print dialog without printing.
  'print.toPrinter': {
    input: printToPrinterInput,
    output: z.object({ outcome: z.enum(['printed', 'cancelled']) }).strict(),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

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
export const EVENTS = ['session.locked', 'menu.command'] as const;
export type AppEvent = (typeof EVENTS)[number];

/** What the preload exposes on `window.chartbook`; the e2e harness provides the same shape. */
export interface ChartbookBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: AppEvent, listener: (payload: unknown) => void): () => void;
}
