import type Database from 'better-sqlite3';
import type { DayOff, ProviderSchedule, WorkingBlock } from '../../../shared/domain/appointment';
import { AppError } from '../../../shared/errors';
import { preparedOnce } from '../db/records';
import { RecordWriter } from '../records/record-writer';
import { providerDayOffKind, providerScheduleKind } from './appointment-kinds';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { t } from '../i18n/translate';

/** Used until an administrator sets a doctor's default appointment length. */
export const FALLBACK_LENGTH_MINUTES = 15;

interface ProviderRow {
  id: string;
  display_name: string;
  schedule_id: string | null;
  default_length_minutes: number | null;
  weekly_hours: string | null;
  version: number | null;
}

const PROVIDER_SELECT = `SELECT u.id, u.display_name, s.id AS schedule_id, s.default_length_minutes, s.weekly_hours, s.version
  FROM users u LEFT JOIN provider_schedules s ON s.provider_id = u.id AND s.deleted_at IS NULL
  WHERE u.disabled_at IS NULL AND u.deleted_at IS NULL AND EXISTS (SELECT 1 FROM json_each(u.roles) WHERE value = 'doctor')`;

function toSchedule(r: ProviderRow): ProviderSchedule {
  return {
    providerId: r.id,
    displayName: r.display_name,
    defaultLengthMinutes: r.default_length_minutes ?? FALLBACK_LENGTH_MINUTES,
    weeklyHours: r.weekly_hours ? (JSON.parse(r.weekly_hours) as WorkingBlock[]) : [],
    version: r.version,
  };
}

/** Active users with the doctor role, with their hours; only they can be booked. */
export function listProviders(db: Database.Database): ProviderSchedule[] {
  return (preparedOnce(db, `${PROVIDER_SELECT} ORDER BY u.display_name COLLATE NOCASE`).all() as ProviderRow[]).map(
    toSchedule,
  );
}

function findProvider(db: Database.Database, providerId: string): ProviderRow | undefined {
  return preparedOnce(db, `${PROVIDER_SELECT} AND u.id = ?`).get(providerId) as ProviderRow | undefined;
}

/** The doctor's schedule, or a clear refusal when the id is not an active doctor. */
export function requireProvider(db: Database.Database, providerId: string): ProviderSchedule {
  const row = findProvider(db, providerId);
  if (!row) {
    throw new AppError('VALIDATION', t('errors.appointments.chooseDoctorPersonNotActive'), {
      providerId: t('errors.appointments.notDoctorChooseOneClinic'),
    });
  }
  return toSchedule(row);
}

export function setProviderSchedule(
  ctx: ServiceContext,
  input: { providerId: string; version: number | null; defaultLengthMinutes: number; weeklyHours: WorkingBlock[] },
  actor: Actor,
): ProviderSchedule {
  const db = ctx.db.sqlite;
  return db
    .transaction(() => {
      const current = findProvider(db, input.providerId);
      if (!current) requireProvider(db, input.providerId);
      // The writer refuses a stale version in SQL; what it cannot see is a form opened before the
      // hours existed while someone else created them (or the reverse).
      const exists = Boolean(current?.schedule_id);
      if (exists !== (input.version !== null)) throw new AppError('CONFLICT', providerScheduleKind.conflictMessage());
      const hours = JSON.stringify(
        [...input.weeklyHours]
          .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
          .map((b) => ({ weekday: b.weekday, start: b.start, end: b.end })),
      );
      const values = { default_length_minutes: input.defaultLengthMinutes, weekly_hours: hours };
      const options = {
        actor,
        at: isoNow(ctx),
        audit: {
          action: 'provider.schedule_update' as const,
          details: `${current?.display_name ?? input.providerId}: ${input.weeklyHours.length} blocks, ${input.defaultLengthMinutes} min default`,
        },
      };
      const writer = new RecordWriter(ctx);
      if (current?.schedule_id && input.version !== null) {
        writer.update(providerScheduleKind, current.schedule_id, input.version, values, options);
      } else {
        writer.create(providerScheduleKind, { ...values, provider_id: input.providerId }, options);
      }
      return requireProvider(db, input.providerId);
    })
    .immediate();
}

interface DayOffRow {
  id: string;
  provider_id: string;
  date: string;
  reason: string;
}

const toDayOff = (r: DayOffRow): DayOff => ({ id: r.id, providerId: r.provider_id, date: r.date, reason: r.reason });

export function listDaysOff(db: Database.Database, providerId: string, from: string, to: string): DayOff[] {
  return (
    preparedOnce(
      db,
      'SELECT id, provider_id, date, reason FROM provider_days_off WHERE provider_id = ? AND date >= ? AND date <= ? AND deleted_at IS NULL ORDER BY date',
    ).all(providerId, from, to) as DayOffRow[]
  ).map(toDayOff);
}

export function addDayOff(
  ctx: ServiceContext,
  input: { providerId: string; date: string; reason: string },
  actor: Actor,
): DayOff {
  const db = ctx.db.sqlite;
  return db
    .transaction(() => {
      const provider = requireProvider(db, input.providerId);
      if (listDaysOff(db, input.providerId, input.date, input.date).length) {
        throw new AppError(
          'VALIDATION',
          t('errors.appointments.alreadyDayOff', { date: input.date, displayName: provider.displayName }),
          {
            date: t('errors.appointments.alreadyDayOff2'),
          },
        );
      }
      const { id } = new RecordWriter(ctx).create(
        providerDayOffKind,
        { provider_id: input.providerId, date: input.date, reason: input.reason },
        {
          actor,
          at: isoNow(ctx),
          audit: { action: 'provider.day_off', details: `${provider.displayName}: day off ${input.date} added` },
        },
      );
      return { id, providerId: input.providerId, date: input.date, reason: input.reason };
    })
    .immediate();
}

export function removeDayOff(ctx: ServiceContext, id: string, actor: Actor): null {
  return ctx.db.sqlite
    .transaction(() => {
      const writer = new RecordWriter(ctx);
      const row = writer.load(providerDayOffKind, id);
      writer.softDelete(providerDayOffKind, id, null, {
        actor,
        at: isoNow(ctx),
        audit: { action: 'provider.day_off', details: `day off ${String(row?.date)} removed` },
      });
      return null;
    })
    .immediate();
}

/** The clinic's doctors with their hours, for the hours screen and the book. */
export function doctorsWithHours(ctx: ServiceContext): ProviderSchedule[] {
  return listProviders(ctx.db.sqlite);
}

/** A doctor's days off between two dates; refuses an id that is not an active doctor. */
export function doctorDaysOff(ctx: ServiceContext, input: { providerId: string; from: string; to: string }): DayOff[] {
  requireProvider(ctx.db.sqlite, input.providerId);
  return listDaysOff(ctx.db.sqlite, input.providerId, input.from, input.to);
}
