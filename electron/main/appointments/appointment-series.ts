import type { Appointment, BookSeriesInput, Repeat } from '../../../shared/domain/appointment';
import { MAX_SERIES_OCCURRENCES } from '../../../shared/domain/appointment';
import { AppError } from '../../../shared/errors';
import { addDays, addMonths } from '../../../shared/zoned-time';
import { RecordWriter } from '../records/record-writer';
import { appointmentSeriesKind } from './appointment-kinds';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { clinicTimeZone } from '../settings/settings-service';
import { toAppointment } from './appointment-row';
import { AppointmentWriter } from './appointment-writer';
import { bookingDetails, forOccurrence } from './booking-service';
import { assertNotPast, checkSlot, requirePatient, resolveSlot } from './booking-rules';
import { requireProvider } from './provider-schedule';
import { t } from '../i18n/translate';
import { removeDraft } from '../drafts/draft-store';

/**
 * The clinic dates of a series. Months count from the first date each time, so 31 January monthly
 * gives 28 February then 31 March, not 28 March.
 */
export function seriesDates(firstDate: string, repeat: Repeat): string[] {
  const nth = (k: number) =>
    repeat.unit === 'months'
      ? addMonths(firstDate, k * repeat.every)
      : addDays(firstDate, k * repeat.every * (repeat.unit === 'weeks' ? 7 : 1));
  if (repeat.count === undefined && repeat.until === undefined) {
    throw new AppError('VALIDATION', t('errors.appointments.repeatingSeriesNeedsEndGive'), {
      'repeat.count': t('errors.appointments.giveNumberEndDate'),
    });
  }
  const dates: string[] = [];
  for (let k = 0; ; k++) {
    const date = nth(k);
    if (repeat.count !== undefined ? k >= repeat.count : date > repeat.until!) break;
    if (dates.length >= MAX_SERIES_OCCURRENCES) {
      throw new AppError(
        'VALIDATION',
        t('errors.appointments.seriesWouldHaveMoreThan', { MAX_SERIES_OCCURRENCES: MAX_SERIES_OCCURRENCES }),
        {
          'repeat.until': t('errors.appointments.atMostAppointments', {
            MAX_SERIES_OCCURRENCES: MAX_SERIES_OCCURRENCES,
          }),
        },
      );
    }
    dates.push(date);
  }
  return dates;
}

/** Books every appointment of a series, all or nothing: one refused occurrence refuses the series, naming its date. */
export function bookSeries(
  ctx: ServiceContext,
  input: BookSeriesInput,
  actor: Actor,
): { seriesId: string; appointments: Appointment[] } {
  const db = ctx.db.sqlite;
  const timeZone = clinicTimeZone(ctx);
  return db
    .transaction(() => {
      const schedule = requireProvider(db, input.providerId);
      const patient = requirePatient(db, input.patientId);
      const dates = seriesDates(input.date, input.repeat);
      const slots = dates.map((date) =>
        forOccurrence(date, true, () => {
          const slot = resolveSlot({ ...input, date }, schedule, timeZone);
          assertNotPast(slot.startUtc, ctx.now());
          return { date, slot, reasons: checkSlot(db, actor, schedule, date, slot, input, timeZone) };
        }),
      );
      const at = isoNow(ctx);
      const { id: seriesId } = new RecordWriter(ctx).create(
        appointmentSeriesKind,
        {
          patient_id: input.patientId,
          provider_id: input.providerId,
          every: input.repeat.every,
          unit: input.repeat.unit,
          count: input.repeat.count ?? null,
          until_date: input.repeat.until ?? null,
          first_date: input.date,
          local_time: input.time,
          length_minutes: slots[0]!.slot.lengthMinutes,
        },
        {
          actor,
          at,
          audit: {
            action: 'appointment.book',
            patientId: input.patientId,
            details: `series of ${slots.length}, every ${input.repeat.every} ${input.repeat.unit} from ${input.date} ${input.time}`,
          },
        },
      );
      const writer = new AppointmentWriter(ctx);
      const appointments = slots.map(({ date, slot, reasons }, index) => {
        const row = writer.insert(
          {
            patient_id: input.patientId,
            provider_id: input.providerId,
            start_utc: slot.startUtc,
            end_utc: slot.endUtc,
            length_minutes: slot.lengthMinutes,
            clinic_date: date,
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
            series_id: seriesId,
            series_index: index + 1,
          },
          `booked (series ${index + 1} of ${slots.length})`,
          actor,
          at,
          {
            action: 'appointment.book',
            details: `${bookingDetails(patient.name, schedule.displayName, date, input.time, reasons)}, series ${index + 1}/${slots.length}`,
          },
        );
        return toAppointment(row, timeZone);
      });
      if (input.draftKey !== undefined) removeDraft(db, actor.userId, 'booking', input.draftKey);
      return { seriesId, appointments };
    })
    .immediate();
}
