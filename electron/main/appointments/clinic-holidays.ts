import type Database from 'better-sqlite3';
import type { Holiday } from '../../../shared/domain/appointment';
import { AppError } from '../../../shared/errors';
import { preparedOnce } from '../db/records';
import { RecordWriter } from '../records/record-writer';
import { clinicHolidayKind } from './appointment-kinds';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { t } from '../i18n/translate';

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
        throw new AppError(
          'VALIDATION',
          t('errors.appointments.alreadyClinicHoliday', { date: input.date, name: existing.name }),
          {
            date: t('errors.appointments.alreadyHoliday'),
          },
        );
      const row = new RecordWriter(ctx).create(
        clinicHolidayKind,
        { date: input.date, name: input.name },
        {
          actor,
          at: isoNow(ctx),
          audit: { action: 'clinic.holiday', details: `holiday ${input.date} (${input.name}) added` },
        },
      );
      return { id: row.id, date: input.date, name: input.name };
    })
    .immediate();
}

export function removeHoliday(ctx: ServiceContext, id: string, actor: Actor): null {
  return ctx.db.sqlite
    .transaction(() => {
      const writer = new RecordWriter(ctx);
      const row = writer.load(clinicHolidayKind, id);
      writer.softDelete(clinicHolidayKind, id, null, {
        actor,
        at: isoNow(ctx),
        audit: { action: 'clinic.holiday', details: `holiday ${String(row?.date)} removed` },
      });
      return null;
    })
    .immediate();
}

/** The clinic's holidays between two dates. */
export function holidaysBetween(ctx: ServiceContext, input: { from: string; to: string }): Holiday[] {
  return listHolidays(ctx.db.sqlite, input.from, input.to);
}
