import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { createUserReady } from './admin-helpers';
import { invokeFromPage } from './helpers';
import { ADMIN, dispatchOk, JOSE, PASSWORD, seedPatient, SHOTS } from './patients-helpers';

/**
 * Issue 10, part 3: an administrator (not a doctor) reads how often each prescription safety rule
 * was shown and overridden, after a doctor went on past an interaction with a reason. Counts only:
 * no patient is named, and the administrator still cannot open a prescription.
 */

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

const DOCTOR = { username: 'priya', displayName: 'Dr Priya Mehta', password: PASSWORD };

test('the admin report counts alerts shown and overridden per rule after a doctor overrode an interaction', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const admin = app.core.newSession();
  await dispatchOk(app, admin, 'setup.complete', {
    clinic: { clinicName: 'Riverside Clinic', timeZone: 'UTC' },
    admin: { ...ADMIN, alsoDoctor: false },
  });
  await createUserReady(app, admin, { ...DOCTOR, roles: ['doctor'] });
  const doctor = app.core.newSession();
  await dispatchOk(app, doctor, 'auth.signIn', { username: DOCTOR.username, password: DOCTOR.password });

  // The doctor: simvastatin on the medication list, then clarithromycin (an ONC high-priority
  // interaction that interrupts) with the reason to go on, signed.
  const jose = await seedPatient(app, doctor, JOSE);
  await dispatchOk(app, doctor, 'allergies.recordNka', { patientId: jose.id });
  await dispatchOk(app, doctor, 'medications.add', {
    patientId: jose.id,
    medication: {
      name: 'Simvastatin 20 mg tablet',
      dose: '20 mg',
      route: 'oral',
      frequency: 'at night',
      source: 'outside',
    },
  });
  const visit = await dispatchOk(app, doctor, 'visits.start', { patientId: jose.id });
  const draft = await dispatchOk(app, doctor, 'prescriptions.createDraft', { visitId: visit.id });
  const added = await dispatchOk(app, doctor, 'prescriptions.addItem', {
    prescriptionId: draft.id,
    item: {
      kind: 'structured',
      name: 'Clarithromycin 500 mg tablet',
      form: 'tablet',
      route: 'oral',
      lines: [{ amount: 1, unit: 'tablet', frequency: 'bd', duration: { value: 7, unit: 'days' } }],
    },
  });
  const interaction = added.alerts.find((a) => a.kind === 'interaction' && a.severity === 'interrupt');
  expect(interaction, JSON.stringify(added.alerts)).toBeDefined();
  await dispatchOk(app, doctor, 'prescriptions.overrideAlert', {
    itemId: added.itemId,
    ruleId: interaction!.ruleId,
    reason: 'Statin held for the course of antibiotics',
  });
  const current = await dispatchOk(app, doctor, 'prescriptions.get', { id: draft.id });
  await dispatchOk(app, doctor, 'prescriptions.sign', { id: draft.id, version: current.version });

  // The administrator signs in on the page and opens the report from the Audit screen.
  await dispatchOk(app, app.session, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Audit', exact: true }).click();
  const report = page.getByRole('table', { name: 'Prescription alerts by rule' });
  const row = report.getByRole('row', { name: new RegExp(interaction!.ruleId) });
  // Shown once (when the item was added) and overridden once.
  await expect(row.getByRole('rowheader')).toHaveText(interaction!.ruleId);
  await expect(row.getByRole('cell')).toHaveText(['interaction', 'Stop', '1', '1', '100%']);
  expect(await dispatchOk(app, admin, 'rxReport.alerts', {})).toEqual([
    { ruleId: interaction!.ruleId, kind: 'interaction', severity: 'interrupt', shown: 1, overridden: 1 },
  ]);
  await report.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'rx-alert-report-admin.png') });
  // Counts only: no patient, no medicine name, no reason.
  for (const text of ['García', 'Clarithromycin', 'Statin held']) await expect(report).not.toContainText(text);
  // The administrator is not a doctor: the prescription itself stays closed to them.
  expect(await invokeFromPage(page, 'prescriptions.get', { id: draft.id })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  // And the doctor, not an administrator, cannot read the report.
  expect(await app.core.dispatch(doctor, 'rxReport.alerts', {})).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});
