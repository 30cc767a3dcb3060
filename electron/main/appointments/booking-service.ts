import { todayIn } from '../../../shared/dates';
import type {
  Appointment,
  BookInput,
  RescheduleInput,
  UpdateInput,
  WalkInInput,
} from '../../../shared/domain/appointment';
import { AppError } from '../../../shared/errors';
import { addDays, daysBetween, utcToZoned, zonedToUtc } from '../../../shared/zoned-time';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { clinicTimeZone } from '../settings/settings-service';
import {
  APPOINTMENT_SELECT,
  loadForChange,
  toAppointment,
  type AppointmentFields,
  type AppointmentRow,
} from './appointment-row';
import { AppointmentWriter } from './appointment-writer';
import { assertNotPast, checkSlot, requirePatient, resolveSlot } from './booking-rules';
import { requireProvider } from './provider-schedule';
import { assertTransition, nextToken } from './status-flow';
import { statusLabel, t } from '../i18n/translate';
import { removeDraft } from '../drafts/draft-store';

/** Books one appointment: the clash check and the insert are one IMMEDIATE transaction, so two desks cannot take one slot. */
export function bookAppointment(ctx: ServiceContext, input: BookInput, actor: Actor): Appointment {
  const db = ctx.db.sqlite;
  const timeZone = clinicTimeZone(ctx);
  return db
    .transaction(() => {
      const schedule = requireProvider(db, input.providerId);
      const patient = requirePatient(db, input.patientId);
      const slot = resolveSlot(input, schedule, timeZone);
      assertNotPast(slot.startUtc, ctx.now());
      const reasons = checkSlot(db, actor, schedule, input.date, slot, input, timeZone);
      const row = new AppointmentWriter(ctx).insert(
        {
          patient_id: input.patientId,
          provider_id: input.providerId,
          start_utc: slot.startUtc,
          end_utc: slot.endUtc,
          length_minutes: slot.lengthMinutes,
          clinic_date: input.date,
          kind: 'appointment',
          status: 'booked',
          reason: input.reason,
          note: input.note,
          overbook_reason: reasons.overbookReason,
          outside_hours_reason: reasons.outsideHoursReason,
          token: null,
          arrived_at: null,
          with_doctor_at: null,
          done_at: null,
          no_show_at: null,
          cancelled_at: null,
          cancel_reason: null,
          series_id: null,
          series_index: null,
        },
        'booked',
        actor,
        isoNow(ctx),
        {
          action: 'appointment.book',
          details: bookingDetails(patient.name, schedule.displayName, input.date, input.time, reasons),
        },
      );
      if (input.draftKey !== undefined) removeDraft(db, actor.userId, 'booking', input.draftKey);
      return toAppointment(row, timeZone);
    })
    .immediate();
}

export function bookingDetails(
  patient: string,
  doctor: string,
  date: string,
  time: string,
  reasons: { overbookReason: string | null; outsideHoursReason: string | null },
): string {
  const extra = [
    reasons.overbookReason ? `overbooked: ${reasons.overbookReason}` : '',
    reasons.outsideHoursReason ? `outside hours: ${reasons.outsideHoursReason}` : '',
  ].filter(Boolean);
  return `${patient} with ${doctor} on ${date} ${time}${extra.length ? ` (${extra.join('; ')})` : ''}`;
}

/** Records a patient who came without an appointment: already arrived, queued with today's next token. */
export function recordWalkIn(ctx: ServiceContext, input: WalkInInput, actor: Actor): Appointment {
  const db = ctx.db.sqlite;
  const timeZone = clinicTimeZone(ctx);
  const now = ctx.now();
  const today = todayIn(timeZone, now);
  return db
    .transaction(() => {
      const schedule = requireProvider(db, input.providerId);
      const patient = requirePatient(db, input.patientId);
      let arrivedUtc = now.toISOString();
      if (input.arrivedTime !== undefined) {
        const arrived = zonedToUtc(today, input.arrivedTime, timeZone, 'later');
        if (!arrived.ok) throw new AppError('VALIDATION', arrived.message, { arrivedTime: arrived.message });
        if (Date.parse(arrived.utc) > now.getTime()) {
          throw new AppError('VALIDATION', t('errors.appointments.arrivalTimeLaterThanNow'), {
            arrivedTime: t('errors.appointments.laterThanNow'),
          });
        }
        arrivedUtc = arrived.utc;
      }
      const length = input.lengthMinutes ?? schedule.defaultLengthMinutes;
      const token = nextToken(db, today);
      const row = new AppointmentWriter(ctx).insert(
        {
          patient_id: input.patientId,
          provider_id: input.providerId,
          start_utc: arrivedUtc,
          end_utc: new Date(Date.parse(arrivedUtc) + length * 60_000).toISOString(),
          length_minutes: length,
          clinic_date: today,
          kind: 'walk_in',
          status: 'arrived',
          reason: input.reason,
          note: input.note,
          overbook_reason: null,
          outside_hours_reason: null,
          token,
          arrived_at: arrivedUtc,
          with_doctor_at: null,
          done_at: null,
          no_show_at: null,
          cancelled_at: null,
          cancel_reason: null,
          series_id: null,
          series_index: null,
        },
        'walk-in arrived',
        actor,
        isoNow(ctx),
        { action: 'appointment.walk_in', details: `${patient.name} for ${schedule.displayName}, token ${token}` },
      );
      return toAppointment(row, timeZone);
    })
    .immediate();
}

/** The appointment itself, or it and the later booked ones of its series ("this and following"). */
function targetsOf(ctx: ServiceContext, row: AppointmentRow, scope: 'this' | 'following'): AppointmentRow[] {
  if (scope === 'this' || !row.series_id) return [row];
  const later = ctx.db.sqlite
    .prepare(
      `${APPOINTMENT_SELECT} WHERE a.series_id = ? AND a.start_utc >= ? AND a.status = 'booked' AND a.deleted_at IS NULL ORDER BY a.start_utc`,
    )
    .all(row.series_id, row.start_utc) as AppointmentRow[];
  return [row, ...later.filter((r) => r.id !== row.id)];
}

/** Prefixes an error with the occurrence it is about, so a series edit says which date failed. */
export function forOccurrence<T>(date: string, many: boolean, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!many || !(error instanceof AppError)) throw error;
    throw new AppError(
      error.code,
      t('errors.appointments.forTheAppointmentOn', { date: date, message: error.message }),
      error.fields,
    );
  }
}

/**
 * Moves an appointment (or it and the following ones of its series, by the same number of days, to
 * the new time of day) and/or changes its length. Every moved appointment is checked like a new booking.
 */
export function rescheduleAppointment(ctx: ServiceContext, input: RescheduleInput, actor: Actor): Appointment[] {
  const db = ctx.db.sqlite;
  const timeZone = clinicTimeZone(ctx);
  return db
    .transaction(() => {
      const row = loadForChange(db, input.id, input.version);
      if (row.kind !== 'appointment' || row.status !== 'booked') {
        throw new AppError(
          'VALIDATION',
          t('errors.appointments.onlyBookedAppointmentCanRescheduled', {
            status: statusLabel(row.status),
            walkIn: row.kind === 'walk_in' ? t('errors.appointments.walkInAside') : '',
          }),
        );
      }
      const newDoctor = input.providerId !== undefined && input.providerId !== row.provider_id;
      if (newDoctor && input.scope === 'following' && row.series_id) {
        throw new AppError('VALIDATION', t('errors.appointments.seriesCanOnlyMovedAnother'), {
          scope: t('errors.appointments.chooseOneChangeDoctor'),
        });
      }
      const schedule = requireProvider(db, newDoctor ? input.providerId! : row.provider_id);
      const targets = targetsOf(ctx, row, input.scope);
      const shift = daysBetween(row.clinic_date, input.date);
      const ids = targets.map((t) => t.id);
      const writer = new AppointmentWriter(ctx);
      const at = isoNow(ctx);
      return targets.map((t) => {
        const date = addDays(t.clinic_date, shift);
        return forOccurrence(date, targets.length > 1, () => {
          const lengthMinutes = input.endTime === undefined ? (input.lengthMinutes ?? t.length_minutes) : undefined;
          const slot = resolveSlot(
            { date, time: input.time, lengthMinutes, endTime: input.endTime, dstChoice: input.dstChoice },
            schedule,
            timeZone,
          );
          assertNotPast(slot.startUtc, ctx.now());
          const reasons = checkSlot(db, actor, schedule, date, slot, input, timeZone, ids);
          const from = utcToZoned(t.start_utc, timeZone);
          const after = writer.update(
            t,
            {
              provider_id: schedule.providerId,
              start_utc: slot.startUtc,
              end_utc: slot.endUtc,
              length_minutes: slot.lengthMinutes,
              clinic_date: date,
              overbook_reason: reasons.overbookReason,
              outside_hours_reason: reasons.outsideHoursReason,
            },
            'rescheduled',
            actor,
            at,
            {
              action: 'appointment.reschedule',
              details: `${from.date} ${from.time} (${t.length_minutes} min) -> ${date} ${input.time} (${slot.lengthMinutes} min)${newDoctor ? ` with ${schedule.displayName}` : ''}`,
            },
          );
          return toAppointment(after, timeZone);
        });
      });
    })
    .immediate();
}

export function cancelAppointment(
  ctx: ServiceContext,
  input: { id: string; version: number; reason: string; scope: 'this' | 'following' },
  actor: Actor,
): Appointment[] {
  const db = ctx.db.sqlite;
  const timeZone = clinicTimeZone(ctx);
  return db
    .transaction(() => {
      const row = loadForChange(db, input.id, input.version);
      assertTransition(row, 'cancelled');
      const writer = new AppointmentWriter(ctx);
      const at = isoNow(ctx);
      return targetsOf(ctx, row, input.scope).map((t) => {
        const after = writer.update(
          t,
          { status: 'cancelled', cancelled_at: at, cancel_reason: input.reason },
          'cancelled',
          actor,
          at,
          {
            action: 'appointment.cancel',
            details: `${t.clinic_date}: ${input.reason}`,
          },
        );
        return toAppointment(after, timeZone);
      });
    })
    .immediate();
}

/** Statuses whose visit is over or off: nothing about them is edited any more. */
const CLOSED = new Set(['done', 'no_show', 'cancelled']);

/**
 * Edits an appointment without moving it: visit type or reason, note and length. A new length is
 * checked like a booking (clash and working hours, with their override reasons) but not against
 * "now": the appointment keeps its start, which may already have passed today.
 */
export function updateAppointment(ctx: ServiceContext, input: UpdateInput, actor: Actor): Appointment {
  const db = ctx.db.sqlite;
  const timeZone = clinicTimeZone(ctx);
  return db
    .transaction(() => {
      const row = loadForChange(db, input.id, input.version);
      if (CLOSED.has(row.status)) {
        throw new AppError(
          'VALIDATION',
          t('errors.appointments.appointmentCanNoLongerEdited', { status: statusLabel(row.status) }),
        );
      }
      const patch: Partial<AppointmentFields> = {};
      const changed: string[] = [];
      if (input.reason !== row.reason) {
        patch.reason = input.reason;
        changed.push('visit type or reason');
      }
      if (input.note !== row.note) {
        patch.note = input.note;
        changed.push('note');
      }
      if (input.lengthMinutes !== undefined && input.lengthMinutes !== row.length_minutes) {
        if (row.kind !== 'appointment' || row.status !== 'booked') {
          const message = t('errors.appointments.onlyBookedAppointmentSLength', {
            status: statusLabel(row.status),
            walkIn: row.kind === 'walk_in' ? t('errors.appointments.walkInAside') : '',
          });
          throw new AppError('VALIDATION', message, { lengthMinutes: message });
        }
        const schedule = requireProvider(db, row.provider_id);
        const slot = {
          startUtc: row.start_utc,
          endUtc: new Date(Date.parse(row.start_utc) + input.lengthMinutes * 60_000).toISOString(),
          lengthMinutes: input.lengthMinutes,
        };
        const reasons = checkSlot(db, actor, schedule, row.clinic_date, slot, input, timeZone, [row.id]);
        Object.assign(patch, {
          end_utc: slot.endUtc,
          length_minutes: slot.lengthMinutes,
          overbook_reason: reasons.overbookReason,
          outside_hours_reason: reasons.outsideHoursReason,
        });
        changed.push(`length ${row.length_minutes} -> ${slot.lengthMinutes} min`);
      }
      // Saving an unchanged form writes nothing: no new version, no history line.
      if (changed.length === 0) return toAppointment(row, timeZone);
      const after = new AppointmentWriter(ctx).update(row, patch, 'edited', actor, isoNow(ctx), {
        action: 'appointment.update',
        details: `${row.clinic_date}: ${changed.join(', ')}`,
      });
      return toAppointment(after, timeZone);
    })
    .immediate();
}
