import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../../../electron/main/core';
import type { Session, SessionUser } from '../../../electron/main/ipc/session';
import type { Patient } from '../../../shared/domain/patient';
import type { Role } from '../../../shared/domain/roles';
import {
  addUser,
  ADMIN_PASSWORD,
  openTestApp,
  patientInput,
  setUpClinic,
  tempDir,
  TestClock,
  type TestApp,
} from '../support';
import { copyKeyFile } from '../../../electron/main/security/key-file';

export interface Book {
  app: TestApp;
  /** Admin who is also a doctor (Dr Amara Okafor): the doctor of the book. */
  admin: Session;
  desk: Session;
  doctorId: string;
  patient: Patient;
  other: Patient;
}

export const WEEKDAY_HOURS = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: '09:00', end: '12:00' },
  { weekday, start: '14:00', end: '17:00' },
]);

async function buildBook(timeZone: string, clock: TestClock): Promise<Book> {
  const app = openTestApp(undefined, clock);
  const admin = await setUpClinic(app, timeZone);
  await app.call(admin, 'settings.update', { clinicName: 'Riverside Family Clinic', timeZone, idleLockMinutes: 240 });
  const desk = await addUser(app, admin, 'desk', ['receptionist']);
  const doctorId = admin.user!.userId;
  await app.call(admin, 'providers.setSchedule', {
    providerId: doctorId,
    version: null,
    defaultLengthMinutes: 20,
    weeklyHours: WEEKDAY_HOURS,
  });
  const patient = await app.call(desk, 'patients.register', { patient: patientInput() });
  const other = await app.call(desk, 'patients.register', {
    patient: patientInput({
      givenNames: 'Ana',
      familyName: 'Silva',
      phones: [{ kind: 'mobile', number: '+49 151 2345678' }],
    }),
  });
  return { app, admin, desk, doctorId, patient, other };
}

interface Template {
  file: string;
  admin: SessionUser;
  desk: SessionUser;
  patient: Patient;
  other: Patient;
}

const templates = new Map<string, Promise<Template>>();

/** Builds the clinic once per time zone (sign-ins hash passwords, which is slow) and keeps its database file. */
function template(timeZone: string): Promise<Template> {
  let t = templates.get(timeZone);
  if (!t) {
    t = buildBook(timeZone, new TestClock()).then((b) => {
      const result = {
        file: path.join(b.app.dir, DATABASE_FILE),
        admin: b.admin.user!,
        desk: b.desk.user!,
        patient: b.patient,
        other: b.other,
      };
      b.app.close(); // checkpoints the WAL into the file
      return result;
    });
    templates.set(timeZone, t);
  }
  return t;
}

/** A signed-in session for a user of the copied database (the sessions of the template's run are gone). */
export function sessionFor(app: TestApp, user: SessionUser): Session {
  const session = app.core.newSession();
  session.user = { ...user };
  session.lastActivityMs = app.clock.ms;
  return session;
}

/**
 * A fresh copy of a clinic with one doctor (the admin, Dr Amara Okafor) working weekdays
 * 09:00-12:00 and 14:00-17:00 (20-minute default), a receptionist and two patients.
 * The default clock says Tuesday 2026-03-10, 10:00 in Berlin.
 */
export async function openBook(timeZone = 'Europe/Berlin', clock = new TestClock()): Promise<Book> {
  const t = await template(timeZone);
  const dir = tempDir();
  fs.copyFileSync(t.file, path.join(dir, DATABASE_FILE));
  copyKeyFile(path.dirname(t.file), dir);
  const app = openTestApp(dir, clock);
  return {
    app,
    admin: sessionFor(app, t.admin),
    desk: sessionFor(app, t.desk),
    doctorId: t.admin.userId,
    patient: t.patient,
    other: t.other,
  };
}

export async function signIn(
  app: TestApp,
  username: string,
  password = username === 'admin' ? ADMIN_PASSWORD : 'quiet harbour lamp 1',
): Promise<Session> {
  const session = app.core.newSession();
  await app.call(session, 'auth.signIn', { username, password });
  return session;
}

export async function addDoctor(
  book: Book,
  username: string,
  roles: Role[] = ['doctor'],
): Promise<{ session: Session; id: string }> {
  const session = await addUser(book.app, book.admin, username, roles);
  return { session, id: session.user!.userId };
}

export function rows<T>(app: TestApp, sql: string, ...params: unknown[]): T[] {
  return app.core.db.sqlite.prepare(sql).all(...params) as T[];
}

/** Rows written by the book (appointments, their history, change log and audit rows). */
export function bookWrites(app: TestApp): { appointments: number; history: number; changes: number; audits: number } {
  const n = (sql: string) => (app.core.db.sqlite.prepare(sql).get() as { n: number }).n;
  return {
    appointments: n('SELECT count(*) AS n FROM appointments'),
    history: n('SELECT count(*) AS n FROM appointment_history'),
    changes: n("SELECT count(*) AS n FROM change_log WHERE entity LIKE 'appointment%'"),
    audits: n("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'appointment.%'"),
  };
}
