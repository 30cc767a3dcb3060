import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceId } from '../../../electron/main/db/device-state';
import { startCore, type ChartbookCore } from '../../../electron/main/core';
import { bookAppointment, cancelAppointment } from '../../../electron/main/appointments/booking-service';
import { dayView } from '../../../electron/main/appointments/day-view';
import { changeStatus } from '../../../electron/main/appointments/status-flow';
import type { Actor } from '../../../electron/main/context';
import { bookInputSchema } from '../../../shared/domain/appointment';
import {
  BENCH_TODAY,
  benchNowMs,
  planClinicDay,
  STEP_STATUS,
  type PlannedAppointment,
  type PlannedStep,
} from '../../../scripts/bench/appointments-plan';
import {
  bulkInsertAppointments,
  setUpFrontDesk,
  setUpTimeMs,
  type FrontDesk,
} from '../../../scripts/bench/appointments-seed';
import { bulkInsertPatients, setUpBenchClinic } from '../../../scripts/bench/seed-database';
import { generateMasterKey } from '../../../electron/main/security/clinic-keys';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'migrations');
const SEED = 7;
const PATIENTS = 60;
/** A Monday just after the spring clock change, and the bench's today (visits done, in progress, waiting and to come). */
const DATES = ['2025-03-31', BENCH_TODAY];

const open: ChartbookCore[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

/** A clinic with seeded patients and the front desk's staff, its clock set by the caller. */
async function benchClinic(clock: { ms: number }): Promise<{ core: ChartbookCore; staff: FrontDesk }> {
  const core = startCore({
    masterKey: generateMasterKey(),
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'chartbook-bench-appt-')),
    migrationsDir: MIGRATIONS_DIR,
    now: () => new Date(clock.ms),
    log: () => {},
  });
  open.push(core);
  bulkInsertPatients(core, await setUpBenchClinic(core), SEED, PATIENTS, 0, PATIENTS);
  return { core, staff: await setUpFrontDesk(core) };
}

/**
 * Every appointment row the front desk leaves behind, with random ids replaced by what identifies
 * them for a person: users by user name, appointments by doctor and start time.
 */
function frontDeskRows(core: ChartbookCore, keepIds = false) {
  const db = core.db.sqlite;
  const users = new Map(
    (db.prepare('SELECT id, username FROM users').all() as { id: string; username: string }[]).map((u) => [
      u.id,
      u.username,
    ]),
  );
  const appointments = new Map(
    (
      db.prepare('SELECT id, provider_id, start_utc FROM appointments').all() as {
        id: string;
        provider_id: string;
        start_utc: string;
      }[]
    ).map((a) => [a.id, keepIds ? a.id : `${users.get(a.provider_id)} ${a.start_utc}`]),
  );
  const device = deviceId(db);
  // History rows' own ids are random; that each has one, and the device ids, are what must agree.
  const clean = (rows: Record<string, unknown>[]) =>
    rows
      .map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [
            k,
            k === 'id' && 'changes' in r
              ? typeof v === 'string' && v.length >= 32
              : v === device
                ? '<this device>'
                : (typeof v === 'string' && (users.get(v) ?? appointments.get(v))) || v,
          ]),
        ),
      )
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const all = (sql: string) => clean(db.prepare(sql).all() as Record<string, unknown>[]);
  return {
    appointments: all('SELECT * FROM appointments'),
    history: all('SELECT * FROM appointment_history'),
    changes: all(
      `SELECT entity, entity_id, operation, version, changed_at, user_id FROM change_log WHERE entity = 'appointment'`,
    ),
    audit: all(
      `SELECT at, user_id, username, action, patient_id, outcome, details FROM audit_log WHERE action LIKE 'appointment.%'`,
    ),
  };
}

describe('bench appointment seeding', () => {
  it('writes the same rows twice for the same seed, and the day view shows three doctors with 40 appointments each', async () => {
    const clock = { ms: setUpTimeMs() };
    const first = await benchClinic(clock);
    const second = await benchClinic(clock);
    expect(bulkInsertAppointments(first.core, first.staff, SEED, DATES)).toBe(DATES.length * 3 * 40);
    bulkInsertAppointments(second.core, second.staff, SEED, DATES);
    // Doctors' ids come from the real user service (random); appointment ids are seeded, so they must match too.
    expect(frontDeskRows(second.core, true)).toEqual(frontDeskRows(first.core, true));

    clock.ms = benchNowMs();
    const today = dayView(first.core.ctx, BENCH_TODAY);
    expect(today.providers.map((p) => p.appointments.length)).toEqual([40, 40, 40]);
    const statuses = new Set(today.providers.flatMap((p) => p.appointments.map((a) => a.status)));
    expect([...statuses]).toEqual(expect.arrayContaining(['done', 'with_doctor', 'arrived', 'booked']));
    const past = dayView(first.core.ctx, DATES[0]!);
    expect(past.providers.map((p) => p.appointments.length)).toEqual([40, 40, 40]);
    expect(
      past.providers.flatMap((p) => p.appointments).filter((a) => a.status === 'booked' || a.status === 'arrived'),
    ).toEqual([]);
    const tokens = past.providers
      .flatMap((p) => p.appointments.flatMap((a) => (a.token === null ? [] : [a.token])))
      .sort((a, b) => a - b);
    expect(tokens).toEqual(tokens.map((_, i) => i + 1));
  });

  it('writes exactly the rows the booking, check-in, status and cancel services write for the same steps', async () => {
    const clock = { ms: setUpTimeMs() };
    const bulk = await benchClinic(clock);
    bulkInsertAppointments(bulk.core, bulk.staff, SEED, DATES);

    const real = await benchClinic(clock);
    const actor = (s: { id: string; username: string }, roles: Actor['roles']): Actor => ({
      userId: s.id,
      username: s.username,
      roles,
    });
    const desk = actor(real.staff.desk, ['receptionist']);
    const patientIds = real.core.db.sqlite
      .prepare('SELECT id FROM patients ORDER BY local_seq')
      .pluck()
      .all() as string[];
    const plans = DATES.flatMap((date) => planClinicDay(SEED, date, 3, PATIENTS, benchNowMs()));
    const steps = plans
      .flatMap((plan) => plan.steps.map((step) => ({ plan, step })))
      .sort((a, b) => a.step.atMs - b.step.atMs) as { plan: PlannedAppointment; step: PlannedStep }[];
    const booked = new Map<string, { id: string; version: number }>();
    for (const { plan, step } of steps) {
      clock.ms = step.atMs;
      const doctor = actor(real.staff.doctors[plan.providerIndex]!, ['doctor']);
      if (step.kind === 'book') {
        const input = bookInputSchema.parse({
          patientId: patientIds[plan.patientIndex],
          providerId: doctor.userId,
          date: plan.date,
          time: plan.time,
          reason: plan.reason,
        });
        booked.set(plan.id, bookAppointment(real.core.ctx, input, desk));
        continue;
      }
      const current = booked.get(plan.id)!;
      const after =
        step.kind === 'cancel'
          ? cancelAppointment(real.core.ctx, { ...current, reason: plan.cancelReason, scope: 'this' }, desk)[0]!
          : changeStatus(
              real.core.ctx,
              current,
              STEP_STATUS[step.kind],
              step.kind === 'call_in' || step.kind === 'done' ? doctor : desk,
            );
      booked.set(plan.id, after);
    }

    const expected = frontDeskRows(real.core);
    const actual = frontDeskRows(bulk.core);
    expect(actual.appointments.length).toBe(DATES.length * 3 * 40);
    expect(actual).toEqual(expected);
  }, 120_000);
});
