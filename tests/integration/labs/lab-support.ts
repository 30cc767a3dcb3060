import type { Session } from '../../../electron/main/ipc/session';
import { openTestApp, patientInput, setUpClinic, type TestApp } from '../support';

export interface LabClinic {
  app: TestApp;
  doctor: Session;
  patientId: string;
  visitId: string;
}

/** A clinic with a doctor (the admin), one adult man (born 1980) and a visit in progress. Test clock: 2026-03-10 09:00 UTC. */
export async function openLabClinic(patient = patientInput()): Promise<LabClinic> {
  const app = openTestApp();
  const doctor = await setUpClinic(app);
  const patientId = (await app.call(doctor, 'patients.register', { patient })).id;
  const visitId = (await app.call(doctor, 'visits.start', { patientId })).id;
  return { app, doctor, patientId, visitId };
}

/** Counts of the lab tables and the logs, to prove a refusal wrote nothing. */
export function labRows(app: TestApp) {
  return {
    tests: app.count('lab_tests'),
    orders: app.count('lab_orders'),
    orderTests: app.count('lab_order_tests'),
    reports: app.count('lab_reports'),
    results: app.count('lab_results'),
    changes: app.count('change_log'),
    versions: app.core.db.sqlite
      .prepare(
        `SELECT (SELECT group_concat(version) FROM lab_orders) AS orders,
                (SELECT group_concat(version) FROM lab_reports) AS reports,
                (SELECT group_concat(version) FROM lab_results) AS results,
                (SELECT group_concat(version) FROM lab_tests) AS tests`,
      )
      .get(),
  };
}

export function auditActions(
  app: TestApp,
  action: string,
): { patient_id: string | null; details: string; outcome: string }[] {
  return app.core.db.sqlite
    .prepare('SELECT patient_id, details, outcome FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action) as { patient_id: string | null; details: string; outcome: string }[];
}
