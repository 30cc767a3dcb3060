import { expect, type Page } from '@playwright/test';
import type { ChannelInput } from '../../shared/contract';
import type { Patient } from '../../shared/domain/patient';
import type { AuditEntry } from '../../shared/domain/audit';
import type { CoreSession as Session } from '../harness/app-harness';
import type { RunningApp } from '../harness/app-harness';
import { createUserReady } from './admin-helpers';
import { dispatchOk } from './dispatch';

export const PASSWORD = 'correct horse battery';
export const ADMIN = { username: 'admin', displayName: 'Dr Amara Okafor', password: PASSWORD };
/** The person at the front desk who uses the page in these tests. */
export const RECEPTIONIST = { username: 'rita', displayName: 'Rita Mensah', password: PASSWORD };

export const SHOTS = '/tmp/shots';

export { dispatchOk };

/**
 * Seeds the clinic on its own session (an administrator who is also a doctor, and a receptionist),
 * signs the page's session in as the receptionist and reloads, so the app opens signed in on Patients.
 * Returns the administrator's session for seeding patients and reading the audit log.
 */
export async function openPatientsAsReceptionist(app: RunningApp): Promise<Session> {
  const admin = app.core.newSession();
  await dispatchOk(app, admin, 'setup.complete', {
    clinic: { clinicName: 'Riverside Clinic', timeZone: 'UTC' },
    admin: { ...ADMIN, alsoDoctor: true },
  });
  await createUserReady(app, admin, { ...RECEPTIONIST, roles: ['receptionist'] });
  await dispatchOk(app, app.session, 'auth.signIn', {
    username: RECEPTIONIST.username,
    password: RECEPTIONIST.password,
  });
  await app.page.reload();
  const navItem = app.page.getByRole('navigation').getByRole('button', { name: 'Patients', exact: true });
  if (await navItem.count()) await navItem.click();
  await expect(app.page.getByLabel('Search patients')).toBeVisible();
  return admin;
}

type PatientSeed = ChannelInput<'patients.register'>['patient'];

/** Registers a patient directly through main (as the administrator-doctor), skipping the UI. */
export function seedPatient(app: RunningApp, admin: Session, patient: PatientSeed): Promise<Patient> {
  return dispatchOk(app, admin, 'patients.register', { patient, confirmedNotDuplicate: true });
}

export async function auditFor(app: RunningApp, admin: Session, patientId: string): Promise<AuditEntry[]> {
  const { entries } = await dispatchOk(app, admin, 'audit.list', { patientId, limit: 500 });
  return entries;
}

export async function countPatients(app: RunningApp, admin: Session): Promise<number> {
  return (await dispatchOk(app, admin, 'patients.search', { text: '', limit: 100 })).length;
}

export function searchBox(page: Page) {
  return page.getByLabel('Search patients');
}

export async function search(page: Page, text: string): Promise<void> {
  await searchBox(page).fill(text);
}

export function results(page: Page) {
  return page.getByRole('listbox');
}

export function banner(page: Page) {
  return page.getByRole('region', { name: 'Patient banner' });
}

/** Fills the register/edit form's main fields; phones go into the first phone row. */
export async function fillPatientForm(
  page: Page,
  p: { givenNames?: string; familyName?: string; sex?: string; birthDate?: string; phone?: string },
): Promise<void> {
  if (p.givenNames !== undefined) await page.getByLabel('Given names').fill(p.givenNames);
  if (p.familyName !== undefined) await page.getByLabel('Family name').fill(p.familyName);
  if (p.sex !== undefined) await page.getByLabel('Sex', { exact: true }).selectOption({ label: p.sex });
  if (p.birthDate !== undefined) await page.getByLabel('Date of birth', { exact: true }).fill(p.birthDate);
  if (p.phone !== undefined) await page.getByLabel('Phone 1 number').fill(p.phone);
}

export async function openRegisterForm(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Register new patient/ }).click();
  await expect(page.getByRole('heading', { name: 'Register new patient', level: 1 })).toBeVisible();
}

/** A patient whose name has accents, for search and duplicate checks. */
export const JOSE = {
  givenNames: 'José',
  familyName: 'García',
  sex: 'male' as const,
  birth: { kind: 'date' as const, date: '1984-03-07' },
  phones: [{ kind: 'mobile' as const, number: '0712 345 678' }],
};
