import type { Page } from '@playwright/test';
import type { Patient } from '../../shared/domain/patient';
import type { Visit } from '../../shared/domain/visit';
import type { CoreSession as Session, RunningApp } from '../harness/app-harness';
import { ADMIN, dispatchOk, JOSE, results, search, seedPatient } from './patients-helpers';

type PatientSeed = Parameters<typeof seedPatient>[2];

/** A clinic (UTC) whose administrator is also its doctor: the session main knows them by. */
export async function setUpDoctorClinic(app: RunningApp): Promise<Session> {
  const admin = app.core.newSession();
  await dispatchOk(app, admin, 'setup.complete', {
    clinic: { clinicName: 'Riverside Clinic', timeZone: 'UTC' },
    admin: { ...ADMIN, alsoDoctor: true },
  });
  return admin;
}

/** The patient in the doctor's room: registered and a visit started (with "no known allergies" unless `nka` is false). */
export async function patientInVisit(
  app: RunningApp,
  admin: Session,
  seed: PatientSeed = JOSE,
  options: { nka?: boolean } = {},
): Promise<{ patient: Patient; visit: Visit }> {
  const patient = await seedPatient(app, admin, seed);
  if (options.nka ?? true) await dispatchOk(app, admin, 'allergies.recordNka', { patientId: patient.id });
  const visit = await dispatchOk(app, admin, 'visits.start', { patientId: patient.id });
  return { patient, visit };
}

/** The doctor signed in on the page. */
export async function signInDoctor(app: RunningApp, page: Page): Promise<void> {
  await dispatchOk(app, app.session, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await page.reload();
}

/** Opens a García's chart from the patient search, as the doctor would. */
export async function openChartOf(page: Page, name: RegExp = /José García/): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients', exact: true }).click();
  await search(page, 'garcia');
  await results(page).getByRole('option', { name }).click();
}

/** A clinic, José in a visit with no known allergies, the doctor signed in on his chart: where every pad test starts. */
export async function padForJose(
  app: RunningApp,
  page: Page,
): Promise<{ admin: Session; patient: Patient; visit: Visit }> {
  const admin = await setUpDoctorClinic(app);
  const { patient, visit } = await patientInVisit(app, admin);
  await signInDoctor(app, page);
  await openChartOf(page);
  return { admin, patient, visit };
}
