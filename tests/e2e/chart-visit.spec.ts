import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { noteDraftKey } from '../../shared/domain/note';
import { createUserReady } from './admin-helpers';
import { storedDraft } from './drafts-helpers';
import { invokeFromPage, RECEPTIONIST } from './helpers';
import { ADMIN, dispatchOk, JOSE, results, search, seedPatient, SHOTS } from './patients-helpers';
import type { RunningApp } from '../harness/app-harness';

/** Signs the page's own session in as `user` and reloads, so the app opens signed in. */
async function signInPage(app: RunningApp, user: { username: string; password: string }): Promise<void> {
  await dispatchOk(app, app.session, 'auth.signIn', { username: user.username, password: user.password });
  await app.page.reload();
}

async function openJose(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients', exact: true }).click();
  await search(page, 'garcia');
  await results(page)
    .getByRole('option', { name: /José García/ })
    .click();
}

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

const visitsPanel = (page: Page) => page.getByRole('region', { name: 'Visits' });

test('a visit note survives a reload, is signed read-only, takes an addendum; a receptionist sees none of it', async ({
  app,
  page,
}) => {
  // Set-up hashes passwords six times (scrypt), slow on a loaded machine; the visit itself takes seconds.
  test.setTimeout(90_000);
  const admin = app.core.newSession();
  await dispatchOk(app, admin, 'setup.complete', {
    clinic: { clinicName: 'Riverside Clinic', timeZone: 'UTC' },
    admin: { ...ADMIN, alsoDoctor: true },
  });
  await createUserReady(app, admin, { ...RECEPTIONIST, roles: ['receptionist'] });
  const jose = await seedPatient(app, admin, JOSE);
  await dispatchOk(app, admin, 'noteSnippets.save', { abbreviation: ';nad', expansion: 'No abnormality detected' });
  await dispatchOk(app, admin, 'noteTemplates.save', {
    name: 'Fever',
    format: 'soap',
    subjective: 'Fever for __ days',
    plan: 'Fluids, paracetamol',
  });
  await signInPage(app, ADMIN);
  await openJose(page);

  const panel = visitsPanel(page);
  await expect(panel.getByText('No visits recorded yet.')).toBeVisible();
  await page.keyboard.press('Alt+v');
  const visit = panel.getByRole('region', { name: 'Visit in progress' });
  await expect(visit).toBeVisible();
  const subjective = visit.getByLabel('Subjective');
  await subjective.click();
  await page.keyboard.type('Fever for three days, sore throat');
  await visit.getByLabel('Objective').click();
  await page.keyboard.type(';nad ');
  await expect(visit.getByLabel('Objective')).toHaveValue('No abnormality detected ');

  // Kept in main as typed; a reload brings it back.
  const [current] = await dispatchOk(app, admin, 'visits.list', { patientId: jose.id });
  const key = noteDraftKey.newInVisit(current!.id);
  await expect
    .poll(async () => (await storedDraft(app, 'note', key))?.body.form.subjective)
    .toBe('Fever for three days, sore throat');
  await page.reload();
  await openJose(page);
  await expect(page.getByText(/Your unsaved note from .* was restored/)).toBeVisible();
  await expect(visit.getByLabel('Subjective')).toHaveValue('Fever for three days, sore throat');
  await expect(visit.getByLabel('Objective')).toHaveValue('No abnormality detected ');

  // Sign asks first; the signed note is read-only, the draft is gone.
  await visit.getByLabel('Assessment').fill('Viral pharyngitis');
  await page.screenshot({ path: path.join(SHOTS, 'chart-visit-note.png') });
  await visit.getByRole('button', { name: 'Sign note…' }).click();
  await page.getByRole('dialog', { name: 'Sign this note?' }).getByRole('button', { name: 'Sign note' }).click();
  const signed = visit.getByRole('article', { name: /Note of/ });
  await expect(signed).toContainText('Signed by Dr Amara Okafor');
  await expect(signed).toContainText('Viral pharyngitis');
  await expect(signed.getByRole('button', { name: 'Edit note' })).toHaveCount(0);
  await expect.poll(() => storedDraft(app, 'note', key)).toBeNull();

  // Even a tampered renderer cannot edit it: main refuses with a clear message.
  const [withNote] = await dispatchOk(app, admin, 'visits.list', { patientId: jose.id });
  const note = withNote!.notes[0]!;
  const edit = await invokeFromPage(page, 'notes.save', {
    visitId: withNote!.id,
    id: note.id,
    version: note.version,
    format: 'soap',
    subjective: 'Changed',
  });
  expect(edit).toMatchObject({
    ok: false,
    error: { message: 'This note is signed and can no longer be changed. Add an addendum instead.' },
  });

  await signed.getByRole('button', { name: 'Add addendum' }).click();
  await signed.getByLabel('Addendum text').fill('Rapid strep test negative.');
  await signed.getByRole('button', { name: 'Save addendum…' }).click();
  await page
    .getByRole('dialog', { name: 'Save and sign this addendum?' })
    .getByRole('button', { name: 'Save and sign' })
    .click();
  await expect(signed.getByRole('list', { name: 'Addenda' })).toContainText('Rapid strep test negative.');

  // A template fills the next, empty note; saved, it stays open for its author.
  const fresh = visit.getByRole('form', { name: 'New note' });
  await fresh.getByLabel('Template').selectOption({ label: 'Fever' });
  await fresh.getByRole('button', { name: 'Insert template' }).click();
  await expect(fresh.getByLabel('Plan')).toHaveValue('Fluids, paracetamol');
  await fresh.getByRole('button', { name: 'Save note' }).click();
  await expect(visit.getByRole('form', { name: 'Edit note' }).getByLabel('Subjective')).toHaveValue(
    'Fever for __ days',
  );

  await visit.getByRole('button', { name: 'Finish visit' }).click();
  await page.getByRole('dialog', { name: 'Finish this visit?' }).getByRole('button', { name: 'Finish visit' }).click();
  await expect(visit).toBeHidden();
  const past = panel
    .getByRole('list', { name: 'Past visits' })
    .getByRole('article', { name: /Visit .*Dr Amara Okafor/ });
  await expect(past).toContainText('Viral pharyngitis');
  await expect(past).toContainText('Rapid strep test negative.');
  await page.screenshot({ path: path.join(SHOTS, 'chart-visit-past.png') });

  // The receptionist opening the same patient: no Chart tab, no clinical text.
  await dispatchOk(app, app.session, 'auth.signOut', {});
  await signInPage(app, RECEPTIONIST);
  await openJose(page);
  await expect(page.getByRole('region', { name: 'Patient banner' })).toContainText(jose.mrn);
  await expect(page.getByRole('tab', { name: 'Chart' })).toHaveCount(0);
  await expect(page.getByText(/pharyngitis|Fever for three days|strep/)).toHaveCount(0);
  expect(await invokeFromPage(page, 'visits.list', { patientId: jose.id })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});
