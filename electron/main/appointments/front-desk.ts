import { todayIn } from '../../../shared/dates';
import type { AppointmentStatus } from '../../../shared/domain/appointment';
import { foldForSearch } from '../../../shared/text';
import type { ServiceContext } from '../context';
import { clinicTimeZone } from '../settings/settings-service';
import { APPOINTMENT_SELECT, toAppointment, type AppointmentRow } from './appointment-row';
import { requireProvider } from './provider-schedule';

type Row = AppointmentRow & { phone_digits: string | null };

function rowsOfDay(ctx: ServiceContext, date: string, providerId?: string): Row[] {
  const sql = `${APPOINTMENT_SELECT.replace(
    'AS provider_name',
    "AS provider_name, (SELECT group_concat(digits, ' ') FROM patient_phones ph WHERE ph.patient_id = a.patient_id) AS phone_digits",
  )} WHERE a.clinic_date = ? AND a.deleted_at IS NULL ${providerId ? 'AND a.provider_id = ?' : ''} ORDER BY a.start_utc, a.token`;
  const params = providerId ? [date, providerId] : [date];
  return ctx.db.sqlite.prepare(sql).all(...params) as Row[];
}

function withWait(ctx: ServiceContext, rows: Row[], timeZone: string) {
  const now = ctx.now().getTime();
  return rows.map((r) => ({
    ...toAppointment(r, timeZone),
    waitingMinutes:
      r.status === 'arrived' && r.arrived_at
        ? Math.max(0, Math.floor((now - Date.parse(r.arrived_at)) / 60_000))
        : null,
  }));
}

/** Patient name, MRN or phone digits; every word must match. */
function matches(row: Row, text: string): boolean {
  const haystack = foldForSearch(`${row.patient_name} ${row.patient_mrn}`);
  return foldForSearch(text)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => {
      const digits = word.replace(/\D/g, '');
      return haystack.includes(word) || (digits.length >= 3 && (row.phone_digits ?? '').includes(digits));
    });
}

/** The receptionist's day: counts of expected, checked in, waiting, with the doctor and done, and the list, searchable. */
export function frontDeskDay(ctx: ServiceContext, input: { date?: string | undefined; text: string }) {
  const timeZone = clinicTimeZone(ctx);
  const date = input.date ?? todayIn(timeZone, ctx.now());
  const rows = rowsOfDay(ctx, date);
  const count = (...statuses: AppointmentStatus[]) => rows.filter((r) => statuses.includes(r.status)).length;
  return {
    date,
    counts: {
      expected: count('booked'),
      checkedIn: count('arrived', 'with_doctor', 'done'),
      waiting: count('arrived'),
      withDoctor: count('with_doctor'),
      done: count('done'),
      noShow: count('no_show'),
      cancelled: count('cancelled'),
    },
    appointments: withWait(ctx, input.text ? rows.filter((r) => matches(r, input.text)) : rows, timeZone),
  };
}

/** A doctor's queue for a day: who is waiting, in arrival order then token, with how long they have waited. */
export function doctorQueue(ctx: ServiceContext, input: { providerId: string; date?: string | undefined }) {
  const timeZone = clinicTimeZone(ctx);
  requireProvider(ctx.db.sqlite, input.providerId);
  const date = input.date ?? todayIn(timeZone, ctx.now());
  const rows = rowsOfDay(ctx, date, input.providerId);
  const waiting = rows
    .filter((r) => r.status === 'arrived')
    .sort((a, b) => (a.arrived_at ?? '').localeCompare(b.arrived_at ?? '') || (a.token ?? 0) - (b.token ?? 0));
  return {
    date,
    providerId: input.providerId,
    waiting: withWait(ctx, waiting, timeZone),
    withDoctor: withWait(
      ctx,
      rows.filter((r) => r.status === 'with_doctor'),
      timeZone,
    ),
    done: rows.filter((r) => r.status === 'done').length,
    expected: rows.filter((r) => r.status === 'booked').length,
  };
}
