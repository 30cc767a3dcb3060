import type Database from 'better-sqlite3';
import type { Interval, ProviderDay, ProviderSchedule } from '../../../shared/domain/appointment';
import { addDays, clinicDayBounds } from '../../../shared/zoned-time';
import { preparedOnce } from '../db/records';
import type { ServiceContext } from '../context';
import { clinicTimeZone } from '../settings/settings-service';
import { allAppointmentRows, APPOINTMENT_SELECT, toAppointment, type AppointmentRow } from './appointment-row';
import { listHolidays } from './clinic-holidays';
import { listProviders, requireProvider } from './provider-schedule';
import { toInterval, workingBlocks } from './working-hours';

const HOLDS_SLOT = new Set(['booked', 'arrived', 'with_doctor', 'done']);

/** Slots of the doctor's default length from the start of each block that overlap no held appointment and are not past. */
function freeSlots(
  blocks: Interval[],
  held: AppointmentRow[],
  lengthMinutes: number,
  notBeforeMs: number,
  timeZone: string,
): Interval[] {
  const step = lengthMinutes * 60_000;
  const busy = held.map((a) => [Date.parse(a.start_utc), Date.parse(a.end_utc)] as const);
  const slots: Interval[] = [];
  for (const block of blocks) {
    const end = Date.parse(block.endUtc);
    for (let s = Date.parse(block.startUtc); s + step <= end; s += step) {
      if (s < notBeforeMs || busy.some(([bs, be]) => bs < s + step && s < be)) continue;
      slots.push(toInterval(new Date(s).toISOString(), new Date(s + step).toISOString(), timeZone));
    }
  }
  return slots;
}

function providerDay(
  schedule: ProviderSchedule,
  date: string,
  rows: AppointmentRow[],
  closed: string | null,
  nowMs: number,
  timeZone: string,
): ProviderDay {
  const blocks = closed ? [] : workingBlocks(schedule, date, timeZone);
  const held = rows.filter((r) => r.kind === 'appointment' && HOLDS_SLOT.has(r.status));
  return {
    date,
    providerId: schedule.providerId,
    providerName: schedule.displayName,
    closedReason: closed,
    blocks,
    appointments: rows.map((r) => toAppointment(r, timeZone)),
    freeSlots: freeSlots(blocks, held, schedule.defaultLengthMinutes, Math.ceil(nowMs / 60_000) * 60_000, timeZone),
  };
}

/** One doctor's appointments in [from, to) clinic dates, through the (provider_id, start_utc) index. */
function appointmentsOf(
  db: Database.Database,
  providerId: string,
  from: string,
  to: string,
  timeZone: string,
): AppointmentRow[] {
  const start = clinicDayBounds(from, timeZone).startUtc;
  const end = clinicDayBounds(addDays(to, -1), timeZone).endUtc;
  return allAppointmentRows(
    db,
    `${APPOINTMENT_SELECT} WHERE a.provider_id = ? AND a.start_utc >= ? AND a.start_utc < ? AND a.deleted_at IS NULL ORDER BY a.start_utc, a.token`,
    providerId,
    start,
    end,
  );
}

function closedDays(
  db: Database.Database,
  from: string,
  toInclusive: string,
): { holidays: Map<string, string>; daysOff: Map<string, string> } {
  const holidays = new Map(listHolidays(db, from, toInclusive).map((h) => [h.date, `Clinic holiday: ${h.name}`]));
  const rows = preparedOnce(
    db,
    'SELECT provider_id, date, reason FROM provider_days_off WHERE date >= ? AND date <= ? AND deleted_at IS NULL',
  ).all(from, toInclusive) as { provider_id: string; date: string; reason: string }[];
  const daysOff = new Map(
    rows.map((r) => [`${r.provider_id}|${r.date}`, r.reason ? `Day off: ${r.reason}` : 'Day off']),
  );
  return { holidays, daysOff };
}

/** The book for one clinic date: one column per doctor with working blocks, appointments and free slots. */
export function dayView(ctx: ServiceContext, date: string) {
  const db = ctx.db.sqlite;
  const timeZone = clinicTimeZone(ctx);
  const { holidays, daysOff } = closedDays(db, date, date);
  const nowMs = ctx.now().getTime();
  const providers = listProviders(db).map((p) => {
    const closed = holidays.get(date) ?? daysOff.get(`${p.providerId}|${date}`) ?? null;
    return providerDay(
      p,
      date,
      appointmentsOf(db, p.providerId, date, addDays(date, 1), timeZone),
      closed,
      nowMs,
      timeZone,
    );
  });
  return { date, timeZone, holiday: holidays.get(date)?.replace(/^Clinic holiday: /, '') ?? null, providers };
}

/** Seven days of one doctor's book from startDate. */
export function weekView(ctx: ServiceContext, providerId: string, startDate: string) {
  const db = ctx.db.sqlite;
  const timeZone = clinicTimeZone(ctx);
  const schedule = requireProvider(db, providerId);
  const dates = Array.from({ length: 7 }, (_, i) => addDays(startDate, i));
  const { holidays, daysOff } = closedDays(db, dates[0]!, dates[6]!);
  const rows = appointmentsOf(db, providerId, startDate, addDays(startDate, 7), timeZone);
  const nowMs = ctx.now().getTime();
  const days = dates.map((date) => {
    const closed = holidays.get(date) ?? daysOff.get(`${providerId}|${date}`) ?? null;
    return providerDay(
      schedule,
      date,
      rows.filter((r) => r.clinic_date === date),
      closed,
      nowMs,
      timeZone,
    );
  });
  return { providerId, timeZone, days };
}
