import type Database from 'better-sqlite3';
import { todayIn } from '../../../shared/dates';
import { STATUS_TRANSITIONS, type Appointment, type AppointmentStatus } from '../../../shared/domain/appointment';
import { AppError } from '../../../shared/errors';
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
import { finishVisitOfAppointment } from '../chart/visits/visit-finish';
import { statusLabel, t } from '../i18n/translate';

/** What to do first, for statuses that can still move on (keys of errors.appointments.nextStep). */
const NEXT_STEP: Partial<Record<AppointmentStatus, string>> = {
  booked: 'errors.appointments.nextStep.checkInFirst',
  arrived: 'errors.appointments.nextStep.callInFirst',
  with_doctor: 'errors.appointments.nextStep.finishVisitFirst',
};

/** Refuses a status change the flow does not allow, saying what the appointment is and what to do. */
export function assertTransition(row: AppointmentRow, to: AppointmentStatus): void {
  if (STATUS_TRANSITIONS[row.status].includes(to)) return;
  const hintKey =
    STATUS_TRANSITIONS[row.status].length === 0 ? 'errors.appointments.nextStep.none' : NEXT_STEP[row.status];
  const refusal = t('errors.appointments.cannotBeMarked', {
    patient: row.patient_name,
    status: statusLabel(row.status),
    to: statusLabel(to),
  });
  throw new AppError('VALIDATION', hintKey ? `${refusal} ${t(hintKey)}` : refusal);
}

/** The next queue number of a clinic day: 1, 2, 3 ... restarting each day. Call inside the writing transaction. */
export function nextToken(db: Database.Database, clinicDate: string): number {
  return (
    db
      .prepare('SELECT COALESCE(MAX(token), 0) + 1 AS next FROM appointments WHERE clinic_date = ?')
      .get(clinicDate) as { next: number }
  ).next;
}

const STAMP: Partial<Record<AppointmentStatus, keyof AppointmentFields>> = {
  arrived: 'arrived_at',
  with_doctor: 'with_doctor_at',
  done: 'done_at',
  no_show: 'no_show_at',
};

const AUDIT_ACTION = { arrived: 'appointment.check_in', no_show: 'appointment.no_show' } as const;

/** What the history says happened. */
const HISTORY_ACTION: Partial<Record<AppointmentStatus, string>> = {
  arrived: 'checked in',
  with_doctor: 'called in',
  done: 'done',
  no_show: 'marked no-show',
};

/**
 * Moves an appointment read in the caller's IMMEDIATE transaction along the flow, with its history
 * and audit. Also used by the chart: starting a visit calls the patient in, finishing it is "done".
 */
export function moveTo(ctx: ServiceContext, row: AppointmentRow, to: AppointmentStatus, actor: Actor): Appointment {
  assertTransition(row, to);
  const timeZone = clinicTimeZone(ctx);
  const at = isoNow(ctx);
  const today = todayIn(timeZone, ctx.now());
  const patch: Partial<AppointmentFields> = { status: to };
  const stamp = STAMP[to];
  if (stamp) (patch as Record<string, unknown>)[stamp] = at;
  if (to === 'arrived') {
    if (row.clinic_date !== today) {
      throw new AppError(
        'VALIDATION',
        t('errors.appointments.appointmentPatientCanOnlyChecked', { clinic_date: row.clinic_date, today: today }),
      );
    }
    patch.token = row.token ?? nextToken(ctx.db.sqlite, today);
  }
  const action = to === 'arrived' || to === 'no_show' ? AUDIT_ACTION[to] : 'appointment.status';
  const writer = new AppointmentWriter(ctx);
  const after = writer.update(row, patch, HISTORY_ACTION[to] ?? statusLabel(to), actor, at, {
    action,
    details: `${statusLabel(row.status)} -> ${statusLabel(to)}`,
  });
  // "Done" in the queue finishes the visit it came to (chart/visits), in this same transaction.
  if (to === 'done') finishVisitOfAppointment(ctx, row.id, actor, at);
  return toAppointment(after, timeZone);
}

/** Moves one appointment along the flow (check in, no-show, with doctor, done) in one IMMEDIATE transaction. */
export function changeStatus(
  ctx: ServiceContext,
  input: { id: string; version: number },
  to: AppointmentStatus,
  actor: Actor,
): Appointment {
  const db = ctx.db.sqlite;
  return db.transaction(() => moveTo(ctx, loadForChange(db, input.id, input.version), to, actor)).immediate();
}

/** The doctor's "call next": the first patient waiting for them today (arrival order, then token) goes in. */
export function callNext(ctx: ServiceContext, actor: Actor): Appointment | null {
  const db = ctx.db.sqlite;
  if (!actor.roles.includes('doctor')) throw new AppError('FORBIDDEN', t('errors.appointments.onlyDoctorCanCallNext'));
  return db
    .transaction(() => {
      const today = todayIn(clinicTimeZone(ctx), ctx.now());
      const next = db
        .prepare(
          `${APPOINTMENT_SELECT} WHERE a.clinic_date = ? AND a.status = 'arrived' AND a.provider_id = ? AND a.deleted_at IS NULL ORDER BY a.arrived_at, a.token LIMIT 1`,
        )
        .get(today, actor.userId) as AppointmentRow | undefined;
      return next ? moveTo(ctx, next, 'with_doctor', actor) : null;
    })
    .immediate();
}
