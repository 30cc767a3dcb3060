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
};

/** Channels a locked session may still call (to see that it is locked, sign in again, or sign out). */
export const ALLOWED_WHILE_LOCKED: ReadonlySet<Channel> = new Set<Channel>(['app.status', 'auth.signIn', 'auth.signOut']);

export function mayCall(access: Access, roles: readonly Role[]): boolean {
  if (access === 'public' || access === 'signed-in') return true;
  return access.some((r) => roles.includes(r));
}
