import { ADMIN, expect, test } from './fixtures';
import { IT_ADMIN, goTo, seedClinic, setUpClinic, signIn, signOut } from './helpers';
import { userRow } from './admin-helpers';

const nav = (page: import('@playwright/test').Page, section: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: section, exact: true });

test('after setup the administrator is told what to do next; a doctor without hours gets words and a link', async ({
  page,
}) => {
  await setUpClinic(page);
  const steps = page.getByRole('region', { name: 'What to do next' });
  await expect(steps).toBeVisible();
  await expect(steps.getByRole('listitem').nth(0)).toContainText('To do');
  await expect(steps.getByRole('listitem').nth(0)).toContainText('Add the people who work here');
  await expect(steps.getByRole('listitem').nth(1)).toContainText(`No hours yet: ${ADMIN.displayName}.`);
  await page.screenshot({ path: '/tmp/shots-fdnav/next-steps.png' });

  // The book says why there is nothing to book, and where to fix it.
  await goTo(page, 'Appointments');
  await page.getByRole('tab', { name: 'Day', exact: true }).click();
  const day = page.getByRole('region', { name: 'Day view' });
  await expect(day.getByText(`${ADMIN.displayName} has no working hours yet`)).toBeVisible();
  await expect(day.getByText('Closed — No working hours set')).toBeVisible();
  await page.getByRole('tab', { name: 'Week', exact: true }).click();
  const week = page.getByRole('region', { name: 'Week view' });
  await expect(week.getByText(`${ADMIN.displayName} has no working hours yet`)).toBeVisible();
  await expect(week.getByRole('region', { name: / schedule$/ })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/shots-fdnav/week-no-hours.png' });
  await week.getByRole('button', { name: 'Set working hours' }).click();
  await expect(nav(page, "Doctors' hours")).toHaveAttribute('aria-current', 'page');

  await goTo(page, 'Patients');
  await steps.getByRole('button', { name: 'Open Users' }).click();
  await expect(nav(page, 'Users')).toHaveAttribute('aria-current', 'page');
  // The steps sit over the patient search, not over the form (or a chart) opened from it.
  await goTo(page, 'Patients');
  await page.getByRole('button', { name: 'Register new patient' }).first().click();
  await expect(page.getByLabel('Family name')).toBeVisible();
  await expect(steps).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(steps).toBeVisible();

  // A doctor working alone has nobody to add: hidden, the steps stay hidden, after signing in again too.
  await steps.getByRole('button', { name: 'Hide these steps' }).click();
  await expect(steps).toHaveCount(0);
  await goTo(page, 'Users');
  await goTo(page, 'Patients');
  await expect(page.getByLabel('Search patients')).toBeVisible();
  await expect(steps).toHaveCount(0);
  await signOut(page);
  await signIn(page, ADMIN);
  await expect(page.getByLabel('Search patients')).toBeVisible();
  await expect(steps).toHaveCount(0);
});

test('an administrator-only account is shown how to give itself a role; the header follows its own role change', async ({
  app,
  page,
}) => {
  await seedClinic(app);
  await signIn(page, IT_ADMIN);
  await expect(page.getByText('Roles: Administrator', { exact: true })).toBeVisible();
  const patients = page.getByRole('region', { name: 'Patients' });
  await expect(patients).not.toContainText('an administrator can');
  await expect(patients).toContainText('give your own account the Doctor or Receptionist role under Users');
  await patients.getByRole('button', { name: 'Open Users' }).click();
  await expect(nav(page, 'Users')).toHaveAttribute('aria-current', 'page');

  await userRow(page, IT_ADMIN.displayName).getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${IT_ADMIN.displayName}` });
  await edit.getByRole('checkbox', { name: 'Receptionist' }).check();
  await edit.getByLabel('Your password').fill(IT_ADMIN.password);
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('Roles: Administrator, Receptionist', { exact: true })).toBeVisible();
  // With a front-desk role, Patients opens the patient search.
  await goTo(page, 'Patients');
  await expect(page.getByRole('main')).not.toContainText('administrator role only');
});
