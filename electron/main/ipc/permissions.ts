import type { Channel } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/roles';

/**
 * Who may call each channel: the one permission table, enforced in main by the dispatcher.
 * 'public' needs no sign-in; 'signed-in' any role; otherwise one of the listed roles.
 * Receptionists register and edit patients but never read clinical content (later channels for
 * notes, prescriptions and results list 'doctor' only).
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

const FRONT_DESK_AND_DOCTOR = ['receptionist', 'doctor'] as const;
const ADMIN = ['admin'] as const;
const DOCTOR = ['doctor'] as const;

export const PERMISSIONS: Record<Channel, Access> = {
  'app.status': 'public',
  'setup.complete': 'public',
  'auth.signIn': 'public',
  'auth.signOut': 'signed-in',
  'session.touch': 'signed-in',
  'session.lock': 'signed-in',

  'users.list': ADMIN,
  'users.create': ADMIN,
  'users.update': ADMIN,
  'users.resetPassword': ADMIN,
  'users.setDisabled': ADMIN,

  'settings.get': 'signed-in',
  'settings.update': ADMIN,

  'patients.search': FRONT_DESK_AND_DOCTOR,
  'patients.get': FRONT_DESK_AND_DOCTOR,
  'patients.checkDuplicates': FRONT_DESK_AND_DOCTOR,
  'patients.register': FRONT_DESK_AND_DOCTOR,
  'patients.update': FRONT_DESK_AND_DOCTOR,
  'patients.history': FRONT_DESK_AND_DOCTOR,

  'audit.list': ADMIN,
  'audit.exportCsv': ADMIN,

  // Hours and holidays are set by administrators and read by everyone who books or is booked.
  'providers.list': 'signed-in',
  'providers.setSchedule': ADMIN,
  'providers.daysOff': 'signed-in',
  'providers.addDayOff': ADMIN,
  'providers.removeDayOff': ADMIN,
  'holidays.list': 'signed-in',
  'holidays.add': ADMIN,
  'holidays.remove': ADMIN,

  // Overbooking is further limited to doctors and administrators inside the booking service.
  'appointments.day': FRONT_DESK_AND_DOCTOR,
  'appointments.week': FRONT_DESK_AND_DOCTOR,
  'appointments.get': FRONT_DESK_AND_DOCTOR,
  'appointments.history': FRONT_DESK_AND_DOCTOR,
  'appointments.book': FRONT_DESK_AND_DOCTOR,
  'appointments.bookSeries': FRONT_DESK_AND_DOCTOR,
  'appointments.walkIn': FRONT_DESK_AND_DOCTOR,
  'appointments.reschedule': FRONT_DESK_AND_DOCTOR,
  'appointments.update': FRONT_DESK_AND_DOCTOR,
  'appointments.cancel': FRONT_DESK_AND_DOCTOR,
  'appointments.markNoShow': FRONT_DESK_AND_DOCTOR,
  'appointments.checkIn': FRONT_DESK_AND_DOCTOR,
  'appointments.advance': FRONT_DESK_AND_DOCTOR,
  'appointments.callNext': DOCTOR,
  'appointments.queue': FRONT_DESK_AND_DOCTOR,
  'appointments.today': FRONT_DESK_AND_DOCTOR,
  'appointments.reminders': FRONT_DESK_AND_DOCTOR,
  'appointments.remindersCsv': FRONT_DESK_AND_DOCTOR,

  // Printing shows patients' names and times, so it is limited (and audited) like the lists it prints.
  'print.dayList': FRONT_DESK_AND_DOCTOR,
  'print.slip': FRONT_DESK_AND_DOCTOR,
  'print.toPrinter': FRONT_DESK_AND_DOCTOR,
};

/** Channels a locked session may still call (to see that it is locked, sign in again, or sign out). */
export const ALLOWED_WHILE_LOCKED: ReadonlySet<Channel> = new Set<Channel>([
  'app.status',
  'auth.signIn',
  'auth.signOut',
]);

export function mayCall(access: Access, roles: readonly Role[]): boolean {
  if (access === 'public' || access === 'signed-in') return true;
  return access.some((r) => roles.includes(r));
}
