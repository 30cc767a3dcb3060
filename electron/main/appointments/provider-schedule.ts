import type Database from 'better-sqlite3';
import type { DayOff, ProviderSchedule, WorkingBlock } from '../../../shared/domain/appointment';
import { AppError } from '../../../shared/errors';
import { appendChange, newId, preparedOnce } from '../db/records';
import { appendAudit } from '../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../context';

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
    throw new AppError('VALIDATION', 'Choose a doctor: that person is not an active user with the doctor role.', {
      providerId: 'Not a doctor: choose one of the clinic’s doctors',
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
      if ((current?.version ?? null) !== input.version) {
        throw new AppError(
          'CONFLICT',
          'Someone else changed this doctor’s hours after you opened them. Reload, then apply your changes again.',
        );
      }
      const at = isoNow(ctx);
      const hours = JSON.stringify(
        [...input.weeklyHours]
          .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
          .map((b) => ({ weekday: b.weekday, start: b.start, end: b.end })),
      );
      let id = current?.schedule_id ?? null;
      let version = 1;
      if (id) {
        db.prepare(
          'UPDATE provider_schedules SET default_length_minutes = ?, weekly_hours = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?',
        ).run(input.defaultLengthMinutes, hours, at, actor.userId, id);
        version = (current?.version ?? 0) + 1;
      } else {
        id = newId();
        db.prepare(
          `INSERT INTO provider_schedules (id, created_at, updated_at, created_by, updated_by, version, provider_id, default_length_minutes, weekly_hours)
           VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`,
        ).run(id, at, at, actor.userId, actor.userId, input.providerId, input.defaultLengthMinutes, hours);
      }
      appendChange(db, {
        entity: 'provider_schedule',
        entityId: id,
        operation: version === 1 ? 'create' : 'update',
        version,
        at,
        userId: actor.userId,
      });
      appendAudit(db, {
        at,
        userId: actor.userId,
        username: actor.username,
        action: 'provider.schedule_update',
        details: `${current?.display_name ?? input.providerId}: ${input.weeklyHours.length} blocks, ${input.defaultLengthMinutes} min default`,
      });
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
        throw new AppError('VALIDATION', `${input.date} is already a day off for ${provider.displayName}.`, {
          date: 'Already a day off',
        });
      }
      const id = newId();
      const at = isoNow(ctx);
      db.prepare(
        `INSERT INTO provider_days_off (id, created_at, updated_at, created_by, updated_by, version, provider_id, date, reason)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      ).run(id, at, at, actor.userId, actor.userId, input.providerId, input.date, input.reason);
      appendChange(db, {
        entity: 'provider_day_off',
        entityId: id,
        operation: 'create',
        version: 1,
        at,
        userId: actor.userId,
      });
      appendAudit(db, {
        at,
        userId: actor.userId,
        username: actor.username,
        action: 'provider.day_off',
        details: `${provider.displayName}: day off ${input.date} added`,
      });
      return { id, providerId: input.providerId, date: input.date, reason: input.reason };
    })
    .immediate();
}

/** Soft-deletes a day-off or holiday row (records are never hard-deleted). */
export function softDelete(
  ctx: ServiceContext,
  table: 'provider_days_off' | 'clinic_holidays',
  entity: string,
  id: string,
  actor: Actor,
  audit: { action: 'provider.day_off' | 'clinic.holiday'; details: (date: string) => string },
): null {
  const db = ctx.db.sqlite;
  return db
    .transaction(() => {
      const row = db.prepare(`SELECT date, version FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id) as
        { date: string; version: number } | undefined;
      if (!row)
        throw new AppError('NOT_FOUND', 'That day was not found; it may already have been removed. Refresh the list.');
      const at = isoNow(ctx);
      db.prepare(
        `UPDATE ${table} SET deleted_at = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`,
      ).run(at, at, actor.userId, id);
      appendChange(db, {
        entity,
        entityId: id,
        operation: 'delete',
        version: row.version + 1,
        at,
        userId: actor.userId,
      });
      appendAudit(db, {
        at,
        userId: actor.userId,
        username: actor.username,
        action: audit.action,
        details: audit.details(row.date),
      });
      return null;
    })
    .immediate();
}
