import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { CoreSession as Session } from '../harness/app-harness';
import { todayIn } from '../../shared/dates';
import { addDays, isoWeekday, zonedToUtcLenient } from '../../shared/zoned-time';
import { launchApp, PRINTED_DIR, type RunningApp } from '../harness/app-harness';
import { createUsersReady } from './admin-helpers';
import { dispatchOk } from './dispatch';

export const ZONE = 'Europe/London';
export const PASSWORD = 'correct horse battery';
export const ADMIN = { username: 'admin', displayName: 'Dr Amara Okafor', password: PASSWORD };
export const DESK = { username: 'rita', displayName: 'Rita Mensah', password: PASSWORD };
export const DR_LEE = { username: 'dr.lee', displayName: 'Dr Lee', password: PASSWORD };
export const DR_PATEL = { username: 'dr.patel', displayName: 'Dr Patel', password: PASSWORD };
export const SHOTS = '/tmp/shots-frontdesk';

/** Next week's Monday in the clinic's zone: a working day, whatever day the tests run. */
export const MONDAY = (() => {
  const today = todayIn(ZONE);
  return addDays(today, 8 - isoWeekday(today));
})();

/**
 * Main's clock starts at 09:30 on that Monday (London) and then runs at real speed, so bookings
 * later that morning are in the future and "today" is a working day.
 */
function mondayMorningClock(): () => Date {
  const start = Date.parse(zonedToUtcLenient(MONDAY, '09:30', ZONE));
  const startedAt = Date.now();
  return () => new Date(start + (Date.now() - startedAt));
}

/** Like fixtures.ts, with main's clock on a Monday morning. */
export const test = base.extend<{ app: RunningApp; page: Page }>({
  app: async ({}, use) => {
    const app = await launchApp({ now: mondayMorningClock() });
    await use(app);
    await app.close();
  },
  page: async ({ app }, use) => {
    await use(app.page);
  },
});
export { expect };

export { dispatchOk };

export async function sessionAs(app: RunningApp, user: { username: string; password: string }): Promise<Session> {
  const session = app.core.newSession();
  await dispatchOk(app, session, 'auth.signIn', { username: user.username, password: user.password });
  return session;
}

export interface FrontDesk {
  desk: Session;
  lee: string;
  patel: string;
  patients: { alice: string; bruno: string; carla: string; dmitri: string };
  /** Appointment ids on Monday: Alice 10:00, Bruno 10:20 and Dmitri 11:00 with Dr Lee; Carla 10:00 with Dr Patel. */
  booked: { alice: string; bruno: string; dmitri: string; carla: string };
}

/**
 * Seeds on separate sessions: the clinic (London), Dr Lee and Dr Patel working weekdays 09:00–12:00
 * and 13:00–17:00 (20-minute visits), a receptionist, four patients and Monday's bookings.
 */
export async function seedFrontDesk(
  app: RunningApp,
  clinic: { paperSize?: 'A4' | 'LETTER' | 'A5' } = {},
): Promise<FrontDesk> {
  const admin = app.core.newSession();
  await dispatchOk(app, admin, 'setup.complete', {
    clinic: {
      clinicName: 'Riverside Clinic',
      timeZone: ZONE,
      address: '12 River Road',
      phone: '+44 20 7946 0000',
      paperSize: clinic.paperSize ?? 'A4',
    },
    admin: { ...ADMIN, alsoDoctor: false },
  });
  const [, lee, patel] = await createUsersReady(app, admin, [
    { ...DESK, roles: ['receptionist'] },
    { ...DR_LEE, roles: ['doctor'] },
    { ...DR_PATEL, roles: ['doctor'] },
  ]);
  const weekdays = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:00' },
    { weekday, start: '13:00', end: '17:00' },
  ]);
  for (const id of [lee.id, patel.id]) {
    await dispatchOk(app, admin, 'providers.setSchedule', {
      providerId: id,
      version: null,
      defaultLengthMinutes: 20,
      weeklyHours: weekdays,
    });
  }
  const desk = await sessionAs(app, DESK);
  const register = async (givenNames: string, familyName: string, phone: string) =>
    (
      await dispatchOk(app, desk, 'patients.register', {
        patient: {
          givenNames,
          familyName,
          sex: 'female',
          birth: { kind: 'date', date: '1980-02-03' },
          phones: [{ kind: 'mobile', number: phone }],
        },
        confirmedNotDuplicate: true,
      })
    ).id;
  const patients = {
    alice: await register('Alice', 'Archer', '+44 7700 900001'),
    bruno: await register('Bruno', 'Bianchi', '+44 7700 900002'),
    carla: await register('Carla', 'Costa', '+44 7700 900003'),
    dmitri: await register('Dmitri', 'Dvořák', '+44 7700 900004'),
  };
  const book = async (patientId: string, providerId: string, time: string, reason = '') =>
    (await dispatchOk(app, desk, 'appointments.book', { patientId, providerId, date: MONDAY, time, reason })).id;
  const booked = {
    alice: await book(patients.alice, lee.id, '10:00', 'Follow-up'),
    bruno: await book(patients.bruno, lee.id, '10:20'),
    dmitri: await book(patients.dmitri, lee.id, '11:00', 'New visit'),
    carla: await book(patients.carla, patel.id, '10:00'),
  };
  return { desk, lee: lee.id, patel: patel.id, patients, booked };
}

/** Signs the page's own session in, reloads, opens Appointments and the named tab. */
export async function openTab(
  app: RunningApp,
  user: { username: string; password: string },
  tab: 'Today' | 'Queue' | 'Reminders' | 'Day',
): Promise<void> {
  await dispatchOk(app, app.session, 'auth.signIn', { username: user.username, password: user.password });
  await app.page.reload();
  await app.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Appointments', exact: true })
    .click();
  const tabButton = app.page.getByRole('tab', { name: tab, exact: true });
  await tabButton.click();
  await expect(tabButton).toHaveAttribute('aria-selected', 'true');
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** The PDFs the harness's printer received, oldest first. */
export function printedFiles(app: RunningApp): string[] {
  const dir = path.join(app.dataDir, PRINTED_DIR);
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .sort()
        .map((f) => path.join(dir, f))
    : [];
}
