import fs from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import type { ChannelInput } from '../../shared/contract';
import type { CoreSession as Session } from '../harness/app-harness';
import { todayIn } from '../../shared/dates';
import { addDays, isoWeekday } from '../../shared/zoned-time';
import type { RunningApp } from '../harness/app-harness';
import { createUsersReady } from './admin-helpers';
import { dispatchOk } from './dispatch';

export const CLINIC_ZONE = 'Europe/London';
export const PASSWORD = 'correct horse battery';
export const ADMIN = { username: 'admin', displayName: 'Dr Amara Okafor', password: PASSWORD };
export const RECEPTIONIST = { username: 'rita', displayName: 'Rita Mensah', password: PASSWORD };
export const DR_LEE = { username: 'dr.lee', displayName: 'Dr Lee', password: PASSWORD };
export const DR_PATEL = { username: 'dr.patel', displayName: 'Dr Patel', password: PASSWORD };
export const SHOTS = '/tmp/shots-book';

export { dispatchOk };

/** Next week's Monday in the clinic's zone: always in the future, so "no booking in the past" never bites. */
export function nextMonday(): string {
  const today = todayIn(CLINIC_ZONE);
  return addDays(today, 8 - isoWeekday(today));
}

export interface Book {
  admin: Session;
  monday: string;
  lee: string;
  patel: string;
  patients: { alice: string; bruno: string; carla: string };
}

/**
 * Seeds on separate sessions: the clinic (London time), two doctors working Monday to Friday
 * 09:00–12:00 and 13:00–17:00 (Dr Lee 15-minute visits, Dr Patel 20), a receptionist and three patients.
 */
export async function seedBook(app: RunningApp): Promise<Book> {
  const admin = app.core.newSession();
  await dispatchOk(app, admin, 'setup.complete', {
    clinic: { clinicName: 'Riverside Clinic', timeZone: CLINIC_ZONE },
    admin: { ...ADMIN, alsoDoctor: false },
  });
  const [, lee, patel] = await createUsersReady(app, admin, [
    { ...RECEPTIONIST, roles: ['receptionist'] },
    { ...DR_LEE, roles: ['doctor'] },
    { ...DR_PATEL, roles: ['doctor'] },
  ]);
  const weekdays = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:00' },
    { weekday, start: '13:00', end: '17:00' },
  ]);
  await dispatchOk(app, admin, 'providers.setSchedule', {
    providerId: lee.id,
    version: null,
    defaultLengthMinutes: 15,
    weeklyHours: weekdays,
  });
  await dispatchOk(app, admin, 'providers.setSchedule', {
    providerId: patel.id,
    version: null,
    defaultLengthMinutes: 20,
    weeklyHours: weekdays,
  });
  // Administrators do not see patients; the front desk registers them.
  const desk = await sessionAs(app, RECEPTIONIST);
  const register = async (givenNames: string, familyName: string, birthDate: string) =>
    (
      await dispatchOk(app, desk, 'patients.register', {
        patient: { givenNames, familyName, sex: 'female', birth: { kind: 'date', date: birthDate } },
        confirmedNotDuplicate: true,
      })
    ).id;
  const patients = {
    alice: await register('Alice', 'Archer', '1980-02-03'),
    bruno: await register('Bruno', 'Bianchi', '1975-06-07'),
    carla: await register('Carla', 'Costa', '1990-10-11'),
  };
  return { admin, monday: nextMonday(), lee: lee.id, patel: patel.id, patients };
}

/** Signs the page's own session in, reloads, opens Appointments and shows `date` in the day view. */
export async function openBookAs(
  app: RunningApp,
  user: { username: string; password: string },
  date: string,
): Promise<void> {
  await dispatchOk(app, app.session, 'auth.signIn', { username: user.username, password: user.password });
  await app.page.reload();
  const nav = app.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Appointments', exact: true });
  await nav.click();
  await expect(app.page.getByRole('tab', { name: 'Day', exact: true })).toHaveAttribute('aria-selected', 'true');
  await goToDate(app.page, date);
}

export async function goToDate(page: Page, date: string): Promise<void> {
  await page.getByLabel('Go to date').fill(date);
  await expect(page.getByLabel('Go to date')).toHaveValue(date);
}

/** A doctor's (day view) or a day's (week view) column on the grid. */
export function column(page: Page, name: string): Locator {
  return page.getByRole('region', { name: `${name} schedule` });
}

export function bookingDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Book appointment' });
}

/** Types in the patient search and chooses the first match with the keyboard. */
export async function choosePatient(page: Page, text: string, expectedName: string): Promise<void> {
  const dialog = bookingDialog(page);
  const box = dialog.getByRole('combobox', { name: 'Patient' });
  await box.fill(text);
  await expect(dialog.getByRole('option').first()).toContainText(expectedName);
  await box.press('ArrowDown');
  await box.press('ArrowUp');
  await box.press('Enter');
  await expect(dialog.getByRole('group', { name: 'Patient' })).toContainText(expectedName);
}

/** Books through main on a signed-in session (for arranging the book before the UI acts on it). */
export async function bookDirect(app: RunningApp, session: Session, input: ChannelInput<'appointments.book'>) {
  return dispatchOk(app, session, 'appointments.book', input);
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** A separate signed-in session (not the page's), for arranging data as that person. */
export async function sessionAs(app: RunningApp, user: { username: string; password: string }): Promise<Session> {
  const session = app.core.newSession();
  await dispatchOk(app, session, 'auth.signIn', { username: user.username, password: user.password });
  return session;
}
