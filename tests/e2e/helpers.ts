import { expect, type Page } from '@playwright/test';
import type { Role } from '../../shared/domain/roles';
import type { ClinicSettingsInput } from '../../shared/domain/settings';
import type { RunningApp } from '../harness/app-harness';
import { ADMIN } from './fixtures';
import { createUsersReady } from './admin-helpers';

export interface TestUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
}

export const CLINIC_NAME = 'Riverside Family Clinic';

/** The first administrator; created by setup with "I am also a doctor" ticked. */
export const ADMIN_USER: TestUser = { ...ADMIN, roles: ['admin', 'doctor'] };
export const RECEPTIONIST: TestUser = {
  username: 'ruth',
  displayName: 'Ruth Mensah',
  password: 'front desk password',
  roles: ['receptionist'],
};
export const DOCTOR: TestUser = {
  username: 'dr.lee',
  displayName: 'Dr Min-jun Lee',
  password: 'stethoscope cabinet',
  roles: ['doctor'],
};
export const IT_ADMIN: TestUser = {
  username: 'it-admin',
  displayName: 'Sam Ortiz',
  password: 'server room key 42',
  roles: ['admin'],
};

export const OTHER_USERS: TestUser[] = [RECEPTIONIST, DOCTOR, IT_ADMIN];

/** Fills the first-run setup form as a person would and submits it (admin is also a doctor). */
/** First-run setup through the form; returns the recovery key the sheet showed. */
export async function setUpClinic(
  page: Page,
  clinic: { name?: string; idleLockMinutes?: number } = {},
): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Set up Chartbook' })).toBeVisible();
  await page.getByLabel('Clinic name').fill(clinic.name ?? CLINIC_NAME);
  await page.getByLabel('Address').fill('12 River Road, Springfield');
  await page.getByLabel('Phone', { exact: true }).fill('+44 20 7946 0000');
  await page.getByLabel('Time zone').selectOption('Europe/London');
  if (clinic.idleLockMinutes !== undefined)
    await page.getByLabel('Lock after idle (minutes)').fill(String(clinic.idleLockMinutes));
  await page.getByLabel('Full name').fill(ADMIN.displayName);
  await page.getByLabel('User name').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirm password').fill(ADMIN.password);
  await page.getByLabel('I am also a doctor').check();
  await page.getByRole('button', { name: 'Set up clinic' }).click();
  return keepRecoveryKey(page);
}

/**
 * The recovery key sheet shown once after set-up: reads the key, confirms it was kept and goes on
 * to the shell. Returns the key as shown.
 */
export async function keepRecoveryKey(page: Page): Promise<string> {
  await expect(page.getByRole('heading', { name: "Your clinic's recovery key" })).toBeVisible();
  const recoveryKey = (await page.getByLabel('Recovery key', { exact: true }).innerText()).replace(/\s+/g, '-');
  expect(recoveryKey).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/);
  const goOn = page.getByRole('button', { name: 'Continue to Chartbook' });
  await expect(goOn).toBeDisabled();
  await page.getByLabel(/I have printed or written down the recovery key/).check();
  await goOn.click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  return recoveryKey;
}

/**
 * Creates the clinic and users straight through main's dispatcher on a separate session (fast),
 * then reloads the page so it shows the sign-in screen. The page's own session stays signed out.
 */
export async function seedClinic(
  app: RunningApp,
  options: { clinic?: Partial<ClinicSettingsInput>; users?: TestUser[] } = {},
): Promise<void> {
  const seeder = app.core.newSession();
  const dispatch = async (channel: string, input: unknown) => {
    const result = await app.core.dispatch(seeder, channel, input);
    if (!result.ok) throw new Error(`Seeding ${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  await dispatch('setup.complete', {
    clinic: {
      clinicName: CLINIC_NAME,
      timeZone: 'Europe/London',
      idleLockMinutes: 10,
      paperSize: 'A4',
      ...options.clinic,
    },
    admin: {
      username: ADMIN_USER.username,
      displayName: ADMIN_USER.displayName,
      password: ADMIN_USER.password,
      alsoDoctor: true,
    },
  });
  await createUsersReady(
    app,
    seeder,
    (options.users ?? OTHER_USERS).map(({ username, displayName, password, roles }) => ({
      username,
      displayName,
      password,
      roles,
    })),
  );
  await dispatch('auth.signOut', {});
  await app.page.reload();
  await expect(app.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/** Signs in through the sign-in form and waits for the shell. */
export async function signIn(page: Page, user: Pick<TestUser, 'username' | 'password'>): Promise<void> {
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/** Opens a section from the main navigation, e.g. goTo(page, 'Users'). */
export async function goTo(
  page: Page,
  section: 'Patients' | 'Appointments' | 'Users' | 'Settings' | 'Audit',
): Promise<void> {
  const item = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: section, exact: true });
  await item.click();
  await expect(item).toHaveAttribute('aria-current', 'page');
}

/** Seeds the clinic and signs in as `user` (the administrator unless told otherwise). */
export async function seedAndSignIn(app: RunningApp, user: TestUser = ADMIN_USER): Promise<void> {
  await seedClinic(app);
  await signIn(app.page, user);
}

/** Calls main directly from the page, as a tampered renderer could: proves refusals happen in main. */
export function invokeFromPage(page: Page, channel: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    ([c, i]) =>
      (window as unknown as { chartbook: { invoke(c: string, i: unknown): Promise<unknown> } }).chartbook.invoke(c, i),
    [channel, input] as const,
  );
}

/** Registers a patient straight through main, signed in as `by` on a separate session. */
export async function registerPatient(
  app: RunningApp,
  patient: { givenNames: string; familyName: string; birthDate: string },
  by: TestUser = ADMIN_USER,
): Promise<void> {
  const session = app.core.newSession();
  const signedIn = await app.core.dispatch(session, 'auth.signIn', { username: by.username, password: by.password });
  if (!signedIn.ok) throw new Error(`Signing in ${by.username} failed: ${signedIn.error.message}`);
  const result = await app.core.dispatch(session, 'patients.register', {
    patient: {
      givenNames: patient.givenNames,
      familyName: patient.familyName,
      sex: 'female',
      birth: { kind: 'date', date: patient.birthDate },
    },
    confirmedNotDuplicate: true,
  });
  if (!result.ok) throw new Error(`Registering ${patient.familyName} failed: ${JSON.stringify(result.error)}`);
  await app.core.dispatch(session, 'auth.signOut', {});
}
