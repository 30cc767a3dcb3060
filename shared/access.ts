import type { DraftKind } from './domain/draft';
import type { Role } from './domain/roles';

/**
 * Who may call a channel, declared with the channel in the contract so main's dispatcher and the
 * renderer's navigation read the same rule. 'public' needs no sign-in; 'signed-in' any role;
 * otherwise one of the listed roles. Receptionists register and edit patients but never read
 * clinical content (clinical channels list 'doctor' only).
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

export const FRONT_DESK_AND_DOCTOR = ['receptionist', 'doctor'] as const satisfies readonly Role[];
export const ADMIN = ['admin'] as const satisfies readonly Role[];
export const DOCTOR = ['doctor'] as const satisfies readonly Role[];

/**
 * Who sees patients' names in the audit trail (which only administrators read): clinical staff.
 * An administrator without a clinical role sees each patient's record number instead.
 */
export const AUDIT_NAMES_ROLES = ['doctor'] as const satisfies readonly Role[];

/** Booking over another appointment needs a reason and one of these roles (enforced in the booking rules). */
export const OVERBOOK_ROLES = ['doctor', 'admin'] as const satisfies readonly Role[];

/**
 * Who may keep a draft of each kind: whoever may do what the draft is for (register or edit a patient,
 * book; a note is clinical, doctors only). The same lists as the channels they lead to; a unit test
 * keeps them equal to the contract.
 */
export const DRAFT_ACCESS = {
  registration: FRONT_DESK_AND_DOCTOR,
  patientEdit: FRONT_DESK_AND_DOCTOR,
  booking: FRONT_DESK_AND_DOCTOR,
  note: DOCTOR,
  rxItem: DOCTOR,
} as const satisfies Record<DraftKind, readonly Role[]>;

export function mayKeepDraft(kind: DraftKind, roles: readonly Role[]): boolean {
  return mayCall(DRAFT_ACCESS[kind], roles);
}

export function mayCall(access: Access, roles: readonly Role[]): boolean {
  if (access === 'public' || access === 'signed-in') return true;
  return access.some((r) => roles.includes(r));
}

export function mayOverbook(roles: readonly Role[]): boolean {
  return mayCall(OVERBOOK_ROLES, roles);
}
