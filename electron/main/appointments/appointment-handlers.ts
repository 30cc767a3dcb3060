import type { ServiceContext } from '../context';
import { actorOf } from '../ipc/actor';
import { appointmentHistory, getAppointment, upcomingForPatient } from './appointment-history';
import { bookSeries } from './appointment-series';
import {
  bookAppointment,
  cancelAppointment,
  recordWalkIn,
  rescheduleAppointment,
  updateAppointment,
} from './booking-service';
import { addHoliday, holidaysBetween, removeHoliday } from './clinic-holidays';
import { dayView, weekView } from './day-view';
import { doctorQueue, frontDeskDay } from './front-desk';
import { addDayOff, doctorDaysOff, doctorsWithHours, setProviderSchedule, removeDayOff } from './provider-schedule';
import { exportRemindersCsv, remindersFor } from './reminders';
import { callNext, changeStatus } from './status-flow';
import type { HandlerRegistry } from '../ipc/handler-registry';

/** The appointment book's channels; kept apart from handlers.ts so each file stays one screen of wiring. */
export function registerAppointmentHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  registry
    .register('providers.list', () => doctorsWithHours(ctx))
    .register('providers.setSchedule', (input, { actor }) => setProviderSchedule(ctx, input, actorOf(actor)))
    .register('providers.daysOff', (input) => doctorDaysOff(ctx, input))
    .register('providers.addDayOff', (input, { actor }) => addDayOff(ctx, input, actorOf(actor)))
    .register('providers.removeDayOff', (input, { actor }) => removeDayOff(ctx, input.id, actorOf(actor)))
    .register('holidays.list', (input) => holidaysBetween(ctx, input))
    .register('holidays.add', (input, { actor }) => addHoliday(ctx, input, actorOf(actor)))
    .register('holidays.remove', (input, { actor }) => removeHoliday(ctx, input.id, actorOf(actor)))

    .register('appointments.day', (input) => dayView(ctx, input.date))
    .register('appointments.week', (input) => weekView(ctx, input.providerId, input.startDate))
    .register('appointments.get', (input, { actor }) => getAppointment(ctx, input.id, actorOf(actor)))
    .register('appointments.upcomingForPatient', (input, { actor }) =>
      upcomingForPatient(ctx, input.patientId, actorOf(actor)),
    )
    .register('appointments.history', (input, { actor }) => appointmentHistory(ctx, input.id, actorOf(actor)))
    .register('appointments.book', (input, { actor }) => bookAppointment(ctx, input, actorOf(actor)))
    .register('appointments.bookSeries', (input, { actor }) => bookSeries(ctx, input, actorOf(actor)))
    .register('appointments.walkIn', (input, { actor }) => recordWalkIn(ctx, input, actorOf(actor)))
    .register('appointments.reschedule', (input, { actor }) => ({
      appointments: rescheduleAppointment(ctx, input, actorOf(actor)),
    }))
    .register('appointments.update', (input, { actor }) => updateAppointment(ctx, input, actorOf(actor)))
    .register('appointments.cancel', (input, { actor }) => ({
      appointments: cancelAppointment(ctx, input, actorOf(actor)),
    }))
    .register('appointments.markNoShow', (input, { actor }) => changeStatus(ctx, input, 'no_show', actorOf(actor)))
    .register('appointments.checkIn', (input, { actor }) => changeStatus(ctx, input, 'arrived', actorOf(actor)))
    .register('appointments.advance', (input, { actor }) => changeStatus(ctx, input, input.status, actorOf(actor)))
    .register('appointments.callNext', (_input, { actor }) => callNext(ctx, actorOf(actor)))
    .register('appointments.queue', (input) => doctorQueue(ctx, input))
    .register('appointments.today', (input) => frontDeskDay(ctx, input))
    .register('appointments.reminders', (input) => remindersFor(ctx, input.date))
    .register('appointments.remindersCsv', (input, { actor }) => exportRemindersCsv(ctx, input.date, actorOf(actor)));
}
