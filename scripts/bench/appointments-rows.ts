import type { AppointmentStatus } from '../../shared/domain/appointment';
import { appointmentHistoryView } from '../../electron/main/appointments/appointment-kinds';
import { diffFields } from '../../electron/main/records/field-diff';
import { bookingDetails } from '../../electron/main/appointments/booking-service';
import {
  BENCH_TIME_ZONE,
  SLOT_MINUTES,
  STEP_AUDIT,
  STEP_HISTORY,
  STEP_STATUS,
  statusChange,
  type PlannedAppointment,
} from './appointments-plan';

/** The appointments columns the writer fills from the booking and its later steps. */
export interface AppointmentState {
  status: AppointmentStatus;
  start_utc: string;
  length_minutes: number;
  reason: string;
  note: string;
  token: number | null;
  arrived_at: string | null;
  with_doctor_at: string | null;
  done_at: string | null;
  no_show_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
}

export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
}

export interface RowsOfAppointment {
  appointment: AppointmentState & {
    id: string;
    created_at: string;
    updated_at: string;
    created_by: string;
    updated_by: string;
    version: number;
    end_utc: string;
  };
  history: { version: number; changed_at: string; changed_by: string; action: string; changes: string }[];
  changes: { operation: 'create' | 'update'; version: number; at: string; userId: string }[];
  audit: { at: string; userId: string; username: string; action: string; details: string }[];
}

/** History changes exactly as the appointment writer records them (the unit test replays through the services). */
function diff(before: AppointmentState | null, after: AppointmentState, doctor: StaffMember): string {
  const view = (a: AppointmentState) =>
    appointmentHistoryView(
      { ...a, provider_id: doctor.id, overbook_reason: null, outside_hours_reason: null },
      BENCH_TIME_ZONE,
      () => doctor.displayName,
    );
  return JSON.stringify(diffFields(before && view(before), view(after)));
}

/** Every row bookAppointment, changeStatus and cancelAppointment write for one planned appointment. */
export function rowsOf(
  plan: PlannedAppointment,
  patientName: string,
  doctor: StaffMember,
  desk: StaffMember,
): RowsOfAppointment {
  const iso = (ms: number) => new Date(ms).toISOString();
  const bookedAt = iso(plan.steps[0]!.atMs);
  let state: AppointmentState = {
    status: 'booked',
    start_utc: iso(plan.startMs),
    length_minutes: SLOT_MINUTES,
    reason: plan.reason,
    note: '',
    token: null,
    arrived_at: null,
    with_doctor_at: null,
    done_at: null,
    no_show_at: null,
    cancelled_at: null,
    cancel_reason: null,
  };
  const rows: RowsOfAppointment = {
    appointment: {
      ...state,
      id: plan.id,
      created_at: bookedAt,
      updated_at: bookedAt,
      created_by: desk.id,
      updated_by: desk.id,
      version: 1,
      end_utc: iso(plan.startMs + SLOT_MINUTES * 60_000),
    },
    history: [
      {
        version: 1,
        changed_at: bookedAt,
        changed_by: desk.id,
        action: STEP_HISTORY.book,
        changes: diff(null, state, doctor),
      },
    ],
    changes: [{ operation: 'create', version: 1, at: bookedAt, userId: desk.id }],
    audit: [
      {
        at: bookedAt,
        userId: desk.id,
        username: desk.username,
        action: 'appointment.book',
        details: bookingDetails(patientName, doctor.displayName, plan.date, plan.time, {
          overbookReason: null,
          outsideHoursReason: null,
        }),
      },
    ],
  };
  let version = 1;
  for (const step of plan.steps.slice(1)) {
    const at = iso(step.atMs);
    const to = STEP_STATUS[step.kind];
    const actor = step.kind === 'call_in' || step.kind === 'done' ? doctor : desk;
    const after: AppointmentState = { ...state, status: to };
    if (step.kind === 'check_in') Object.assign(after, { arrived_at: at, token: plan.token });
    if (step.kind === 'call_in') after.with_doctor_at = at;
    if (step.kind === 'done') after.done_at = at;
    if (step.kind === 'no_show') after.no_show_at = at;
    if (step.kind === 'cancel') Object.assign(after, { cancelled_at: at, cancel_reason: plan.cancelReason });
    version++;
    rows.history.push({
      version,
      changed_at: at,
      changed_by: actor.id,
      action: STEP_HISTORY[step.kind],
      changes: diff(state, after, doctor),
    });
    rows.changes.push({ operation: 'update', version, at, userId: actor.id });
    const kind = step.kind as Exclude<typeof step.kind, 'book'>;
    rows.audit.push({
      at,
      userId: actor.id,
      username: actor.username,
      action: STEP_AUDIT[kind],
      details: kind === 'cancel' ? `${plan.date}: ${plan.cancelReason}` : statusChange(state.status, to),
    });
    state = after;
    Object.assign(rows.appointment, after, { updated_at: at, updated_by: actor.id, version });
  }
  return rows;
}
