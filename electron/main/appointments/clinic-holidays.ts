import type Database from 'better-sqlite3';
import type { Holiday } from '../../../shared/domain/appointment';
import { AppError } from '../../../shared/errors';
import { appendChange, newId, preparedOnce } from '../db/records';
import { appendAudit } from '../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../context';

export function listHolidays(db: Database.Database, from: string, to: string): Holiday[] {
  return preparedOnce(
    db,
    'SELECT id, date, name FROM clinic_holidays WHERE date >= ? AND date <= ? AND deleted_at IS NULL ORDER BY date',
  ).all(from, to) as Holiday[];
}

export function addHoliday(ctx: ServiceContext, input: { date: string; name: string }, actor: Actor): Holiday {
  const db = ctx.db.sqlite;
  return db
    .transaction(() => {
      const existing = listHolidays(db, input.date, input.date)[0];
      if (existing)
        throw new AppError('VALIDATION', `${input.date} is already a clinic holiday (${existing.name}).`, {
          date: 'Already a holiday',
        });
      const id = newId();
      const at = isoNow(ctx);
      db.prepare(
        'INSERT INTO clinic_holidays (id, created_at, updated_at, created_by, updated_by, version, date, name) VALUES (?, ?, ?, ?, ?, 1, ?, ?)',
      ).run(id, at, at, actor.userId, actor.userId, input.date, input.name);
      appendChange(db, {
        entity: 'clinic_holiday',
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
        action: 'clinic.holiday',
        details: `holiday ${input.date} (${input.name}) added`,
      });
      return { id, date: input.date, name: input.name };
    })
    .immediate();
}
