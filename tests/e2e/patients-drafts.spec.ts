import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import {
  banner,
  dispatchOk,
  fillPatientForm,
  JOSE,
  openPatientsAsReceptionist,
  openRegisterForm,
  results,
  search,
  seedPatient,
  SHOTS,
} from './patients-helpers';
import { confirmDiscard, storedDraft } from './drafts-helpers';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test('an unfinished registration survives a reload, and can be discarded', async ({ app, page }) => {
  await openPatientsAsReceptionist(app);
  await openRegisterForm(page);
  await fillPatientForm(page, { givenNames: 'Nomvula', familyName: 'Dlamini', phone: '082 555 0101' });
  await page.getByLabel('Registration notes').fill('Referred by Dr Naidoo');
  // Kept in main, for this person, a moment after typing stops.
  await expect
    .poll(async () => (await storedDraft(app, 'registration', ''))?.body.form.notes)
    .toBe('Referred by Dr Naidoo');

  await page.reload();
  await openRegisterForm(page);
  await expect(page.getByText(/Your unfinished registration from .* was restored/)).toBeVisible();
  await expect(page.getByLabel('Given names')).toHaveValue('Nomvula');
  await expect(page.getByLabel('Phone 1 number')).toHaveValue('082 555 0101');
  await expect(page.getByLabel('Registration notes')).toHaveValue('Referred by Dr Naidoo');
  await page.screenshot({ path: path.join(SHOTS, 'patients-draft-restored.png') });

  // Discarding asks first; keeping is the default.
  await page.getByRole('button', { name: 'Discard draft' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Keep draft' }).click();
  await expect(page.getByLabel('Given names')).toHaveValue('Nomvula');
  await page.getByRole('button', { name: 'Discard draft' }).click();
  await confirmDiscard(page);
  await expect(page.getByLabel('Given names')).toHaveValue('');
  await expect.poll(() => storedDraft(app, 'registration', '')).toBeNull();
  await page.reload();
  await openRegisterForm(page);
  await expect(page.getByText(/unfinished registration/)).toBeHidden();
});

test('unsaved edits to a record survive a reload and are saved to the version they were made to', async ({
  app,
  page,
}) => {
  const admin = await openPatientsAsReceptionist(app);
  const jose = await seedPatient(app, admin, JOSE);
  const openEdit = async () => {
    await search(page, 'garcia');
    await results(page)
      .getByRole('option', { name: /José García/ })
      .click();
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
  };
  await openEdit();
  await page.getByLabel('Registration notes').fill('Allergic to the clinic cat');
  await expect
    .poll(async () => (await storedDraft(app, 'patientEdit', jose.id))?.body)
    .toMatchObject({ baseVersion: 1, form: { notes: 'Allergic to the clinic cat' } });

  await page.reload();
  await search(page, 'garcia');
  await results(page)
    .getByRole('option', { name: /José García/ })
    .click();
  await expect(page.getByText(/You have unsaved edits to this record from/)).toBeVisible();
  await page.getByRole('button', { name: 'Continue editing' }).click();
  await expect(page.getByText(/Your unsaved edits from .* were restored/)).toBeVisible();
  await expect(page.getByLabel('Registration notes')).toHaveValue('Allergic to the clinic cat');
  await page.screenshot({ path: path.join(SHOTS, 'patients-edit-draft-restored.png') });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved (version 2).')).toBeVisible();
  expect((await dispatchOk(app, admin, 'patients.get', { id: jose.id })).notes).toBe('Allergic to the clinic cat');
  expect(await storedDraft(app, 'patientEdit', jose.id)).toBeNull();

  // Edits kept while someone else saved: saving them is refused rather than overwriting that save.
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByText(/unsaved edits/)).toBeHidden();
  await page.getByLabel('City or town').fill('Mombasa');
  await expect
    .poll(async () => (await storedDraft(app, 'patientEdit', jose.id))?.body.form.address.city)
    .toBe('Mombasa');
  await page.reload();
  const saved = await dispatchOk(app, admin, 'patients.get', { id: jose.id });
  const {
    id,
    version,
    mrn: _m,
    createdAt: _c,
    updatedAt: _u,
    createdBy: _cb,
    updatedBy: _ub,
    birthDate,
    birthDateEstimated: _e,
    ...rest
  } = saved;
  await dispatchOk(app, admin, 'patients.update', {
    id,
    version,
    patient: { ...rest, birth: { kind: 'date', date: birthDate }, notes: 'No cat allergy after all' },
  });
  await openEdit();
  await expect(page.getByLabel('City or town')).toHaveValue('Mombasa');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else saved changes to this patient' })).toBeVisible();
  await page.getByRole('button', { name: 'Discard my edits and show the saved record' }).click();
  await expect(page.getByText('No cat allergy after all')).toBeVisible();
  await expect(page.getByText(/You have unsaved edits/)).toBeHidden();
  await expect.poll(() => storedDraft(app, 'patientEdit', jose.id)).toBeNull();
});

test('a saved registration clears its draft', async ({ app, page }) => {
  await openPatientsAsReceptionist(app);
  await openRegisterForm(page);
  await fillPatientForm(page, {
    givenNames: 'Zanele',
    familyName: 'Khumalo',
    sex: 'Female',
    birthDate: '1975-06-16',
    phone: '',
  });
  await expect.poll(async () => (await storedDraft(app, 'registration', ''))?.body.form.givenNames).toBe('Zanele');
  await page.getByRole('button', { name: 'Save patient' }).click();
  await expect(banner(page).getByRole('heading', { name: 'Zanele Khumalo' })).toBeVisible();
  expect(await storedDraft(app, 'registration', '')).toBeNull();
  await page.reload();
  await openRegisterForm(page);
  await expect(page.getByText(/unfinished registration/)).toBeHidden();
  await expect(page.getByLabel('Given names')).toHaveValue('');
});

test('drafts an older version left in the browser profile move into main at sign-in and leave the profile', async ({
  app,
  page,
}) => {
  const admin = await openPatientsAsReceptionist(app);
  const jose = await seedPatient(app, admin, JOSE);
  const me = (await dispatchOk(app, app.session, 'app.status', {})).session!.userId;
  const someoneElse = (await dispatchOk(app, admin, 'app.status', {})).session!.userId;
  // As the version before kept them: plain JSON in localStorage, one key per person (and patient).
  await page.evaluate(
    ({ me, someoneElse, patientId }) => {
      const savedAt = '2026-01-05T10:42:00.000Z';
      localStorage.setItem(
        `chartbook.patients.registrationDraft.${me}`,
        JSON.stringify({ savedAt, form: { givenNames: 'Lerato', familyName: 'Nkosi', notes: 'Old draft notes' } }),
      );
      localStorage.setItem(
        `chartbook.patients.editDraft.${me}.${patientId}`,
        JSON.stringify({
          savedAt,
          baseVersion: 1,
          form: { givenNames: 'José', familyName: 'García', notes: 'Edited' },
        }),
      );
      localStorage.setItem(
        `chartbook.patients.registrationDraft.${someoneElse}`,
        JSON.stringify({ savedAt, form: { notes: 'Not mine' } }),
      );
    },
    { me, someoneElse, patientId: jose.id },
  );

  await page.reload();
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('chartbook.patients.'))))
    .toEqual([`chartbook.patients.registrationDraft.${someoneElse}`]);
  expect((await storedDraft(app, 'registration', ''))?.body.form).toMatchObject({
    givenNames: 'Lerato',
    familyName: 'Nkosi',
    notes: 'Old draft notes',
    phones: [{ kind: 'mobile', number: '' }],
  });
  expect((await storedDraft(app, 'patientEdit', jose.id))?.body).toMatchObject({
    baseVersion: 1,
    form: { notes: 'Edited' },
  });

  await page.getByRole('navigation').getByRole('button', { name: 'Patients', exact: true }).click();
  await openRegisterForm(page);
  await expect(page.getByText(/Your unfinished registration from .* was restored/)).toBeVisible();
  await expect(page.getByLabel('Registration notes')).toHaveValue('Old draft notes');
});
