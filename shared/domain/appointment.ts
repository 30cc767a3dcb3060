import { z } from 'zod';
import { isClockTime, minutesOfDay } from '../zoned-time';
import { draftKeySchema, idSchema, isoDateSchema, versionSchema } from './common';
import { lineText, multilineText } from '../plain-text';

/** Inputs and outputs of the appointment book. Wire dates are clinic-local; instants are UTC ISO. */

export const APPOINTMENT_STATUSES = ['booked', 'arrived', 'with_doctor', 'done', 'no_show', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Where each status may go next; anything else is refused. */
export const STATUS_TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['arrived', 'no_show', 'cancelled'],
  arrived: ['with_doctor', 'cancelled'],
  with_doctor: ['done'],
  done: [],
  no_show: [],
  cancelled: [],
};

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'booked',
  arrived: 'arrived',
  with_doctor: 'with the doctor',
  done: 'done',
  no_show: 'a no-show',
  cancelled: 'cancelled',
};

export const MIN_LENGTH_MINUTES = 5;
export const MAX_LENGTH_MINUTES = 480;

export const clockTimeSchema = z
  .string()
  .refine(isClockTime, { message: 'Enter a time as HH:MM on a 24-hour clock, e.g. 09:30' });

export const lengthMinutesSchema = z
  .number({ message: 'Enter the length in whole minutes' })
  .int({ message: 'Enter the length in whole minutes' })
  .min(MIN_LENGTH_MINUTES, {
    message: `The length must be at least ${MIN_LENGTH_MINUTES} minutes (it cannot be zero or negative)`,
  })
  .max(MAX_LENGTH_MINUTES, { message: `The length must be at most ${MAX_LENGTH_MINUTES} minutes` });

const reasonText = (label: string) =>
  lineText(label)
    .trim()
    .min(3, { message: `${label}: say why, in a few words` })
    .max(300, { message: `${label} must be at most 300 characters` });

export const dstChoiceSchema = z.enum(['earlier', 'later'], { message: 'Choose the earlier or the later time' });

// ---- providers, hours, days off, holidays -------------------------------------------------

export const workingBlockSchema = z
  .strictObject({
    weekday: z
      .number({ message: 'Choose a weekday' })
      .int()
      .min(1, { message: 'Weekday is 1 (Monday) to 7 (Sunday)' })
      .max(7, { message: 'Weekday is 1 (Monday) to 7 (Sunday)' }),
    start: clockTimeSchema,
    end: clockTimeSchema,
  })
  .refine((b) => !isClockTime(b.start) || !isClockTime(b.end) || minutesOfDay(b.end) > minutesOfDay(b.start), {
    path: ['end'],
    message: 'The block must end after it starts',
  });
export type WorkingBlock = z.infer<typeof workingBlockSchema>;

export const scheduleUpdateSchema = z
  .strictObject({
    providerId: idSchema,
    /** The version you loaded, or null when the doctor has no hours yet. */
    version: versionSchema.nullable(),
    defaultLengthMinutes: lengthMinutesSchema,
    weeklyHours: z.array(workingBlockSchema).max(50, { message: 'At most 50 working blocks a week' }),
  })
  .superRefine((s, ctx) => {
    s.weeklyHours.forEach((b, i) => {
      const clash = s.weeklyHours.findIndex(
        (o, j) =>
          j < i &&
          o.weekday === b.weekday &&
          minutesOfDay(o.start) < minutesOfDay(b.end) &&
          minutesOfDay(b.start) < minutesOfDay(o.end),
      );
      if (clash >= 0)
        ctx.addIssue({
          code: 'custom',
          path: ['weeklyHours', i, 'start'],
          message: `This block overlaps block ${clash + 1} on the same day`,
        });
    });
  });

export const providerScheduleSchema = z.object({
  providerId: z.string(),
  displayName: z.string(),
  defaultLengthMinutes: z.number().int(),
  weeklyHours: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
  /** null while the doctor has no hours recorded. */
  version: z.number().int().nullable(),
});
export type ProviderSchedule = z.infer<typeof providerScheduleSchema>;

export const dayOffInputSchema = z.strictObject({
  providerId: idSchema,
  date: isoDateSchema,
  reason: lineText('Reason').trim().max(200, { message: 'Reason must be at most 200 characters' }).default(''),
});
export const dayOffSchema = z.object({ id: z.string(), providerId: z.string(), date: z.string(), reason: z.string() });
export type DayOff = z.infer<typeof dayOffSchema>;

export const dateRangeSchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((r) => r.from <= r.to, { path: ['to'], message: '“To” must be on or after “From”' });

export const daysOffQuerySchema = z
  .strictObject({ providerId: idSchema, from: isoDateSchema, to: isoDateSchema })
  .refine((r) => r.from <= r.to, { path: ['to'], message: '“To” must be on or after “From”' });

export const holidayInputSchema = z.strictObject({
  date: isoDateSchema,
  name: lineText('Holiday name')
    .trim()
    .min(1, { message: 'Name the holiday' })
    .max(100, { message: 'Name must be at most 100 characters' }),
});
export const holidaySchema = z.object({ id: z.string(), date: z.string(), name: z.string() });
export type Holiday = z.infer<typeof holidaySchema>;

// ---- booking -------------------------------------------------------------------------------

const bookingFields = {
  patientId: idSchema,
  providerId: idSchema,
  date: isoDateSchema,
  time: clockTimeSchema,
  /** Defaults to the doctor's default length. Give this or endTime, not both. */
  lengthMinutes: lengthMinutesSchema.optional(),
  endTime: clockTimeSchema.optional(),
  reason: lineText('Visit type or reason')
    .trim()
    .max(200, { message: 'Visit type or reason must be at most 200 characters' })
    .default(''),
  note: multilineText('Note').trim().max(1000, { message: 'Note must be at most 1000 characters' }).default(''),
  /** Book on top of another appointment on purpose (doctors and administrators only). */
  overbookReason: reasonText('Overbooking reason').optional(),
  /** Book outside working hours, on a day off or on a holiday on purpose. */
  outsideHoursReason: reasonText('Reason for booking outside working hours').optional(),
  /** Which of the two times to use when the clocks go back and the time happens twice. */
  dstChoice: dstChoiceSchema.optional(),
  /** The booking draft this form was typed in: main removes it in the booking's transaction. */
  draftKey: draftKeySchema.optional(),
};

function endAfterStart(
  b: { time: string; endTime?: string | undefined; lengthMinutes?: number | undefined },
  ctx: z.RefinementCtx,
) {
  if (b.endTime === undefined) return;
  if (b.lengthMinutes !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'Give either an end time or a length, not both' });
  } else if (isClockTime(b.time) && isClockTime(b.endTime) && minutesOfDay(b.endTime) <= minutesOfDay(b.time)) {
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'The appointment must end after it starts' });
  }
}

export const bookInputSchema = z.strictObject(bookingFields).superRefine(endAfterStart);
export type BookInput = z.infer<typeof bookInputSchema>;

export const REPEAT_UNITS = ['days', 'weeks', 'months'] as const;
export const MAX_SERIES_OCCURRENCES = 100;

export const repeatSchema = z
  .strictObject({
    every: z
      .number({ message: 'Enter how often, e.g. every 1 week' })
      .int()
      .min(1, { message: 'Repeat at least every 1' })
      .max(52, { message: 'Repeat at most every 52' }),
    unit: z.enum(REPEAT_UNITS, { message: 'Choose days, weeks or months' }),
    count: z
      .number({ message: 'Enter how many appointments' })
      .int()
      .min(2, { message: 'A series has at least 2 appointments' })
      .max(MAX_SERIES_OCCURRENCES, { message: `A series has at most ${MAX_SERIES_OCCURRENCES} appointments` })
      .optional(),
    until: isoDateSchema.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.count === undefined && r.until === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['count'],
        message: 'A repeating series needs an end: give the number of appointments or an end date',
      });
    }
    if (r.count !== undefined && r.until !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: 'Give either the number of appointments or an end date, not both',
      });
    }
  });
export type Repeat = z.infer<typeof repeatSchema>;

export const bookSeriesInputSchema = z
  .strictObject({ ...bookingFields, repeat: repeatSchema })
  .superRefine(endAfterStart)
  .refine((s) => !s.repeat.until || s.repeat.until >= s.date, {
    path: ['repeat', 'until'],
    message: 'The end date must be on or after the first appointment',
  });
export type BookSeriesInput = z.infer<typeof bookSeriesInputSchema>;

export const walkInInputSchema = z.strictObject({
  patientId: idSchema,
  providerId: idSchema,
  /** When the patient arrived today (clinic time); defaults to now. */
  arrivedTime: clockTimeSchema.optional(),
  lengthMinutes: lengthMinutesSchema.optional(),
  reason: bookingFields.reason,
  note: bookingFields.note,
});
export type WalkInInput = z.infer<typeof walkInInputSchema>;

export const SCOPES = ['this', 'following'] as const;
const scopeSchema = z.enum(SCOPES, { message: 'Choose “this one” or “this and following”' }).default('this');

export const rescheduleInputSchema = z
  .strictObject({
    id: idSchema,
    version: versionSchema,
    date: isoDateSchema,
    time: clockTimeSchema,
    lengthMinutes: lengthMinutesSchema.optional(),
    endTime: clockTimeSchema.optional(),
    scope: scopeSchema,
    /** Move to another doctor (scope 'this' only); the clash and hours checks are then against that doctor. */
    providerId: idSchema.optional(),
    overbookReason: bookingFields.overbookReason,
    outsideHoursReason: bookingFields.outsideHoursReason,
    dstChoice: bookingFields.dstChoice,
  })
  .superRefine(endAfterStart);
export type RescheduleInput = z.infer<typeof rescheduleInputSchema>;

/**
 * Edits an appointment where it stands: visit type or reason, note and length. A new length is checked
 * like a booking (clash, working hours), so the override reasons are accepted here too.
 */
export const updateInputSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  reason: lineText('Visit type or reason')
    .trim()
    .max(200, { message: 'Visit type or reason must be at most 200 characters' }),
  note: multilineText('Note').trim().max(1000, { message: 'Note must be at most 1000 characters' }),
  lengthMinutes: lengthMinutesSchema.optional(),
  overbookReason: bookingFields.overbookReason,
  outsideHoursReason: bookingFields.outsideHoursReason,
});
export type UpdateInput = z.infer<typeof updateInputSchema>;

export const cancelInputSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  reason: reasonText('Cancellation reason'),
  scope: scopeSchema,
});
export const statusChangeInputSchema = z.strictObject({ id: idSchema, version: versionSchema });
export const advanceInputSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  status: z.enum(['with_doctor', 'done'], { message: 'Choose “with doctor” or “done”' }),
});

// ---- outputs -------------------------------------------------------------------------------

export const appointmentSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  patientId: z.string(),
  patientName: z.string(),
  patientMrn: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  kind: z.enum(['appointment', 'walk_in']),
  status: z.enum(APPOINTMENT_STATUSES),
  startUtc: z.string(),
  endUtc: z.string(),
  /** Clinic-local date and wall times, for display. */
  date: z.string(),
  time: z.string(),
  endTime: z.string(),
  lengthMinutes: z.number().int(),
  reason: z.string(),
  note: z.string(),
  overbookReason: z.string().nullable(),
  outsideHoursReason: z.string().nullable(),
  token: z.number().int().nullable(),
  arrivedAt: z.string().nullable(),
  withDoctorAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  noShowAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  seriesId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const appointmentListSchema = z.object({ appointments: z.array(appointmentSchema) });

export const appointmentHistoryEntrySchema = z.object({
  version: z.number().int(),
  changedAt: z.string(),
  changedBy: z.string(),
  changedByName: z.string(),
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
});
export type AppointmentHistoryEntry = z.infer<typeof appointmentHistoryEntrySchema>;

const intervalSchema = z.object({ startUtc: z.string(), endUtc: z.string(), start: z.string(), end: z.string() });
export type Interval = z.infer<typeof intervalSchema>;

export const providerDaySchema = z.object({
  date: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  /** Why the doctor does not work that day (day off or clinic holiday), else null. */
  closedReason: z.string().nullable(),
  blocks: z.array(intervalSchema),
  appointments: z.array(appointmentSchema),
  freeSlots: z.array(intervalSchema),
});
export type ProviderDay = z.infer<typeof providerDaySchema>;

export const dayViewSchema = z.object({
  date: z.string(),
  timeZone: z.string(),
  holiday: z.string().nullable(),
  providers: z.array(providerDaySchema),
});
export const weekViewSchema = z.object({
  providerId: z.string(),
  timeZone: z.string(),
  days: z.array(providerDaySchema),
});

export const queueEntrySchema = appointmentSchema.extend({ waitingMinutes: z.number().int().nullable() });
export const queueSchema = z.object({
  date: z.string(),
  providerId: z.string(),
  waiting: z.array(queueEntrySchema),
  withDoctor: z.array(queueEntrySchema),
  done: z.number().int(),
  /** Booked for the day and not come yet: a doctor with any of these starts the day on the queue. */
  expected: z.number().int(),
});

export const todayInputSchema = z.strictObject({
  date: isoDateSchema.optional(),
  text: z.string().trim().max(100, { message: 'Search text must be at most 100 characters' }).default(''),
});
export const todaySchema = z.object({
  date: z.string(),
  counts: z.object({
    expected: z.number().int(),
    checkedIn: z.number().int(),
    waiting: z.number().int(),
    withDoctor: z.number().int(),
    done: z.number().int(),
    noShow: z.number().int(),
    cancelled: z.number().int(),
  }),
  appointments: z.array(queueEntrySchema),
});

export const reminderSchema = z.object({
  appointmentId: z.string(),
  date: z.string(),
  time: z.string(),
  patientName: z.string(),
  patientMrn: z.string(),
  phone: z.string(),
  providerName: z.string(),
  reason: z.string(),
});
export type Reminder = z.infer<typeof reminderSchema>;
