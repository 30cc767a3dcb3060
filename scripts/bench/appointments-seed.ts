import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, startCore, type ChartbookCore } from '../../electron/main/core';
import { setProviderSchedule } from '../../electron/main/appointments/provider-schedule';
import type { Actor } from '../../electron/main/context';
import { deviceId } from '../../electron/main/db/device-state';
import { getClinicSettings, updateClinicSettings } from '../../electron/main/settings/settings-service';
import { createUser } from '../../electron/main/accounts/user-service';
import type { Role } from '../../shared/domain/roles';
import {
  APPOINTMENT_GENERATOR_VERSION,
  BENCH_TIME_ZONE,
  HISTORY_DAYS,
  WORKING_BLOCKS,
  benchNowMs,
  planClinicDay,
  workingDates,
} from './appointments-plan';
import { rowsOf, type StaffMember } from './appointments-rows';
import { BENCH_ADMIN, type SeededDatabase } from './seed-database';
import { keyFileMasterKey } from '../../electron/main/security/key-file';
import { copyKeyFile } from '../../electron/main/security/key-file';

const DAYS_PER_TRANSACTION = 25;
const DAY_MS = 24 * 60 * 60_000;
const STAFF_PASSWORD = 'bench front desk password 1';
/** The admin (a doctor too, as in a small clinic) and two more doctors: three columns in the book. */
const MORE_DOCTORS = [
  { username: 'drokafor', displayName: 'Dr Amara Okafor' },
  { username: 'drmeyer', displayName: 'Dr Lukas Meyer' },
];
export const BENCH_RECEPTIONIST = { username: 'frontdesk', displayName: 'Rosa Delgado', password: STAFF_PASSWORD };

export interface FrontDesk {
  /** In the order the plan's providerIndex counts them. */
  doctors: StaffMember[];
  desk: StaffMember;
}

/** Staff were set up a week before the history starts. */
export const setUpTimeMs = (): number => benchNowMs() - (HISTORY_DAYS + 7) * DAY_MS;

function actorOf(core: ChartbookCore, username: string): Actor & { displayName: string } {
  const row = core.db.sqlite
    .prepare('SELECT id, username, display_name, roles FROM users WHERE username = ?')
    .get(username) as { id: string; username: string; display_name: string; roles: string } | undefined;
  if (!row) throw new Error(`bench front desk: no user ${username}`);
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as Role[],
  };
}

const staffOf = (a: Actor & { displayName: string }): StaffMember => ({
  id: a.userId,
  username: a.username,
  displayName: a.displayName,
});

/**
 * Through the real services: two more doctors and a receptionist, Monday-to-Friday hours for the
 * three doctors, and the clinic's time zone. Only a handful of rows, so no shortcut is worth it.
 */
export async function setUpFrontDesk(core: ChartbookCore): Promise<FrontDesk> {
  const admin = actorOf(core, BENCH_ADMIN.username);
  for (const d of MORE_DOCTORS)
    await createUser(core.ctx, { ...d, password: STAFF_PASSWORD, roles: ['doctor'] }, admin);
  await createUser(
    core.ctx,
    {
      username: BENCH_RECEPTIONIST.username,
      displayName: BENCH_RECEPTIONIST.displayName,
      password: STAFF_PASSWORD,
      roles: ['receptionist'],
    },
    admin,
  );
  const doctors = [admin, ...MORE_DOCTORS.map((d) => actorOf(core, d.username))];
  const weeklyHours = [1, 2, 3, 4, 5].flatMap((weekday) => WORKING_BLOCKS.map((b) => ({ weekday, ...b })));
  for (const d of doctors)
    setProviderSchedule(
      core.ctx,
      { providerId: d.userId, version: null, defaultLengthMinutes: 15, weeklyHours },
      admin,
    );
  updateClinicSettings(core.ctx, { ...getClinicSettings(core.ctx), timeZone: BENCH_TIME_ZONE }, admin);
  return { doctors: doctors.map(staffOf), desk: staffOf(actorOf(core, BENCH_RECEPTIONIST.username)) };
}

/**
 * Writes the planned days with every row the booking and status services write (appointments,
 * appointment_history, change_log, audit_log), many days per transaction: one transaction per step
 * would spend the seeding time in fsyncs. Rows are written appointment by appointment, so change_log
 * is not in global time order as a live clinic's would be; nothing the benches read depends on that.
 */
export function bulkInsertAppointments(
  core: ChartbookCore,
  staff: FrontDesk,
  seed: number,
  dates: readonly string[],
  onProgress?: (daysDone: number, appointments: number) => void,
): number {
  const db = core.db.sqlite;
  const patients = db
    .prepare(`SELECT id, trim(given_names || ' ' || family_name) AS name FROM patients ORDER BY local_seq`)
    .all() as { id: string; name: string }[];
  if (patients.length === 0) throw new Error('bench appointments need seeded patients first');
  const nowMs = benchNowMs();
  const device = deviceId(db);
  const insertAppointment = db.prepare(
    `INSERT INTO appointments (id, created_at, updated_at, created_by, updated_by, version, patient_id, provider_id, start_utc, end_utc,
       length_minutes, clinic_date, kind, status, reason, note, overbook_reason, outside_hours_reason, token, token_device, arrived_at,
       with_doctor_at, done_at, no_show_at, cancelled_at, cancel_reason, series_id, series_index)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'appointment', ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
  );
  const insertHistory = db.prepare(
    `INSERT INTO appointment_history (id, device_id, appointment_id, version, changed_at, changed_by, action, changes)
     VALUES (lower(hex(randomblob(16))), (SELECT value FROM device_state WHERE key = 'device.id'), ?, ?, ?, ?, ?, ?)`,
  );
  const insertChange = db.prepare(
    `INSERT INTO change_log (uuid, device_id, entity, entity_id, operation, version, changed_at, user_id)
     VALUES (lower(hex(randomblob(16))), (SELECT value FROM device_state WHERE key = 'device.id'), 'appointment', ?, ?, ?, ?, ?)`,
  );
  const insertAudit = db.prepare(
    `INSERT INTO audit_log (uuid, device_id, at, user_id, username, action, patient_id, outcome, details)
     VALUES (lower(hex(randomblob(16))), (SELECT value FROM device_state WHERE key = 'device.id'), ?, ?, ?, ?, ?, 'success', ?)`,
  );
  let written = 0;
  const chunk = db.transaction((days: readonly string[]) => {
    for (const date of days) {
      for (const plan of planClinicDay(seed, date, staff.doctors.length, patients.length, nowMs)) {
        const patient = patients[plan.patientIndex]!;
        const doctor = staff.doctors[plan.providerIndex]!;
        const { appointment: a, history, changes, audit } = rowsOf(plan, patient.name, doctor, staff.desk);
        insertAppointment.run(
          a.id,
          a.created_at,
          a.updated_at,
          a.created_by,
          a.updated_by,
          a.version,
          patient.id,
          doctor.id,
          a.start_utc,
          a.end_utc,
          a.length_minutes,
          date,
          a.status,
          a.reason,
          a.note,
          a.token,
          a.token === null ? null : device,
          a.arrived_at,
          a.with_doctor_at,
          a.done_at,
          a.no_show_at,
          a.cancelled_at,
          a.cancel_reason,
        );
        for (const h of history) insertHistory.run(a.id, h.version, h.changed_at, h.changed_by, h.action, h.changes);
        for (const c of changes) insertChange.run(a.id, c.operation, c.version, c.at, c.userId);
        for (const e of audit) insertAudit.run(e.at, e.userId, e.username, e.action, patient.id, e.details);
        written++;
      }
    }
  });
  for (let i = 0; i < dates.length; i += DAYS_PER_TRANSACTION) {
    chunk.immediate(dates.slice(i, i + DAYS_PER_TRANSACTION));
    onProgress?.(Math.min(dates.length, i + DAYS_PER_TRANSACTION), written);
  }
  return written;
}

export interface AppointmentSeedOptions {
  cacheRoot: string;
  migrationsDir: string;
  patientsDb: SeededDatabase;
  seed: number;
  log: (line: string) => void;
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The seeded patients plus two years of the front desk's appointments, built once per patient
 * database and generator version and cached beside it (renamed into place only when complete).
 */
export async function appointmentSeededDatabase(options: AppointmentSeedOptions): Promise<SeededDatabase> {
  const { cacheRoot, patientsDb, seed, log } = options;
  const key = `appointments-gen${APPOINTMENT_GENERATOR_VERSION}-seed${seed}-on-${path.basename(patientsDb.dir)}`;
  const dir = path.join(cacheRoot, key);
  const file = path.join(dir, DATABASE_FILE);
  const manifestFile = path.join(dir, 'manifest.json');
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { seedSeconds: number };
    log(`using cached ${key}`);
    return { dir, file, cached: true, seedSeconds: manifest.seedSeconds };
  }
  const building = `${dir}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(building, { recursive: true });
  const started = performance.now();
  fs.copyFileSync(patientsDb.file, path.join(building, DATABASE_FILE));
  copyKeyFile(path.dirname(patientsDb.file), building);
  fsyncFile(path.join(building, DATABASE_FILE));
  const dates = workingDates();
  log(`seeding ${dates.length} working days x 3 doctors x 40 appointments into ${building}`);
  const setUpAt = setUpTimeMs();
  const core = startCore({
    dataDir: building,
    masterKey: keyFileMasterKey(building),
    migrationsDir: options.migrationsDir,
    now: () => new Date(setUpAt),
    log: () => {},
  });
  let appointments: number;
  try {
    const staff = await setUpFrontDesk(core);
    let lastReport = performance.now();
    appointments = bulkInsertAppointments(core, staff, seed, dates, (done, written) => {
      if (performance.now() - lastReport > 5000 || done === dates.length) {
        lastReport = performance.now();
        log(
          `  ${done} / ${dates.length} days, ${written.toLocaleString('en')} appointments (${((performance.now() - started) / 1000).toFixed(0)} s)`,
        );
      }
    });
    core.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    core.close();
  }
  const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
  fs.writeFileSync(
    path.join(building, 'manifest.json'),
    JSON.stringify({ key, seed, days: dates.length, appointments, seedSeconds }, null, 2),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(building, dir);
  log(`seeded ${appointments.toLocaleString('en')} appointments in ${seedSeconds} s`);
  return { dir, file, cached: false, seedSeconds };
}
