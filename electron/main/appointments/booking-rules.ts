import { mayOverbook as rolesMayOverbook } from '../../../shared/access';
import { preparedOnce } from '../db/records';
import type Database from 'better-sqlite3';
import type { DstChoice } from '../../../shared/zoned-time';
import { utcToZoned, zonedToUtc, zonedToUtcLenient } from '../../../shared/zoned-time';
import { MAX_LENGTH_MINUTES, MIN_LENGTH_MINUTES, type ProviderSchedule } from '../../../shared/domain/appointment';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../context';
import { closedReason, describeBlocks, withinBlocks, workingBlocks } from './working-hours';
import { t } from '../i18n/translate';

export interface Slot {
  startUtc: string;
  endUtc: string;
  lengthMinutes: number;
}

/** Turns a clinic-local date, time and length (or end time) into UTC, refusing DST gaps and unresolved overlaps. */
export function resolveSlot(
  input: {
    date: string;
    time: string;
    lengthMinutes?: number | undefined;
    endTime?: string | undefined;
    dstChoice?: DstChoice | undefined;
  },
  schedule: ProviderSchedule,
  timeZone: string,
): Slot {
  const start = zonedToUtc(input.date, input.time, timeZone, input.dstChoice);
  if (!start.ok) throw new AppError('VALIDATION', start.message, { time: start.message });
  const startMs = Date.parse(start.utc);
  let length = input.lengthMinutes ?? schedule.defaultLengthMinutes;
  if (input.endTime !== undefined) {
    length = Math.round((Date.parse(zonedToUtcLenient(input.date, input.endTime, timeZone)) - startMs) / 60_000);
    if (length < MIN_LENGTH_MINUTES || length > MAX_LENGTH_MINUTES) {
      const message = t('errors.appointments.appointmentMustEndAfterStarts', {
        MIN_LENGTH_MINUTES: MIN_LENGTH_MINUTES,
        MAX_LENGTH_MINUTES: MAX_LENGTH_MINUTES,
        length: length,
      });
      throw new AppError('VALIDATION', message, { endTime: message });
    }
  }
  return { startUtc: start.utc, endUtc: new Date(startMs + length * 60_000).toISOString(), lengthMinutes: length };
}

export function requirePatient(db: Database.Database, patientId: string): { name: string } {
  const row = preparedOnce(
    db,
    "SELECT trim(given_names || ' ' || family_name) AS name FROM patients WHERE id = ? AND deleted_at IS NULL",
  ).get(patientId) as { name: string } | undefined;
  if (!row) {
    throw new AppError('VALIDATION', t('errors.appointments.patientNotFoundSearchPatient'), {
      patientId: t('errors.appointments.unknownPatientSearchChoosePatient'),
    });
  }
  return row;
}

/** Past bookings are refused; a minute of grace lets "now" be booked. Walk-ins are recorded, not booked. */
export function assertNotPast(startUtc: string, now: Date): void {
  if (Date.parse(startUtc) < Math.floor(now.getTime() / 60_000) * 60_000) {
    throw new AppError('VALIDATION', t('errors.appointments.timePastChooseLaterTime'), {
      time: t('errors.appointments.pastChooseLaterTime'),
    });
  }
}

interface ClashRow {
  id: string;
  start_utc: string;
  end_utc: string;
  patient_name: string;
}

/**
 * The first booked appointment of the doctor that overlaps [start, end). Walk-ins queue rather than
 * hold a slot, so they neither clash nor are clashed with. The lower bound on start_utc keeps the
 * (provider_id, start_utc) index range small however long the history is.
 */
export function findClash(
  db: Database.Database,
  providerId: string,
  slot: Slot,
  exclude: readonly string[],
): ClashRow | undefined {
  const earliest = new Date(Date.parse(slot.startUtc) - MAX_LENGTH_MINUTES * 60_000).toISOString();
  const rows = preparedOnce(
    db,
    `SELECT a.id, a.start_utc, a.end_utc, trim(p.given_names || ' ' || p.family_name) AS patient_name
       FROM appointments a JOIN patients p ON p.id = a.patient_id
       WHERE a.provider_id = ? AND a.start_utc >= ? AND a.start_utc < ? AND a.end_utc > ?
         AND a.kind = 'appointment' AND a.status IN ('booked', 'arrived', 'with_doctor', 'done') AND a.deleted_at IS NULL
       ORDER BY a.start_utc LIMIT 10`,
  ).all(providerId, earliest, slot.endUtc, slot.startUtc) as ClashRow[];
  return rows.find((r) => !exclude.includes(r.id));
}

export interface Overrides {
  overbookReason?: string | undefined;
  outsideHoursReason?: string | undefined;
}

export function mayOverbook(actor: Actor): boolean {
  return rolesMayOverbook(actor.roles);
}

/**
 * Checks a slot against the doctor's other appointments and hours. Returns the override reasons
 * that were actually needed, to be stored with the appointment.
 */
export function checkSlot(
  db: Database.Database,
  actor: Actor,
  schedule: ProviderSchedule,
  date: string,
  slot: Slot,
  overrides: Overrides,
  timeZone: string,
  exclude: readonly string[] = [],
): { overbookReason: string | null; outsideHoursReason: string | null } {
  if (overrides.overbookReason !== undefined && !mayOverbook(actor)) {
    throw new AppError('FORBIDDEN', t('errors.appointments.onlyDoctorAdministratorCanOverbook'));
  }
  const clash = findClash(db, schedule.providerId, slot, exclude);
  if (clash && overrides.overbookReason === undefined) {
    const s = utcToZoned(clash.start_utc, timeZone);
    const e = utcToZoned(clash.end_utc, timeZone);
    const message = t(
      mayOverbook(actor)
        ? 'errors.appointments.clashChooseAnotherTimeOrOverbook'
        : 'errors.appointments.clashChooseAnotherTime',
      { doctor: schedule.displayName, patient: clash.patient_name, start: s.time, end: e.time, date: s.date },
    );
    throw new AppError('CONFLICT', message, {
      time: t('errors.appointments.takenBy', { patient: clash.patient_name, start: s.time, end: e.time }),
    });
  }
  const closed = closedReason(db, schedule.providerId, date);
  const blocks = workingBlocks(schedule, date, timeZone);
  const outside = closed !== null || !withinBlocks(blocks, slot.startUtc, slot.endUtc);
  if (outside && overrides.outsideHoursReason === undefined) {
    const when = `${utcToZoned(slot.startUtc, timeZone).time}–${utcToZoned(slot.endUtc, timeZone).time} on ${date}`;
    const why = closed
      ? `${schedule.displayName} does not work that day (${closed})`
      : `it is outside ${schedule.displayName}’s working hours (${describeBlocks(blocks)})`;
    const message = t('errors.appointments.cannotBookedChooseTimeWithin', { when: when, why: why });
    // outsideHoursReason marks the refusal for the form: it offers the override field.
    throw new AppError('VALIDATION', message, {
      time: message,
      outsideHoursReason: t('errors.appointments.giveReasonBookOutsideWorking'),
    });
  }
  return {
    overbookReason: clash ? overrides.overbookReason! : null,
    outsideHoursReason: outside ? overrides.outsideHoursReason! : null,
  };
}
