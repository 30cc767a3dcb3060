import { DESK, DR_LEE, MONDAY, dispatchOk, expect, seedFrontDesk, sessionAs, test } from './frontdesk-helpers';

/** Signs in through the form, as a person does (the landing screen is chosen after this sign-in). */
async function signInByForm(page: import('@playwright/test').Page, user: { username: string; password: string }) {
  await page.reload();
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

const nav = (page: import('@playwright/test').Page, section: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: section, exact: true });

test('a doctor with patients today lands on the queue; Open chart from the queue and from an appointment', async ({
  app,
  page,
}) => {
  const seeded = await seedFrontDesk(app);
  const desk = await sessionAs(app, DESK);
  await dispatchOk(app, desk, 'appointments.checkIn', { id: seeded.booked.alice, version: 1 });

  // The front desk starts where it always does.
  await signInByForm(page, DESK);
  await expect(nav(page, 'Patients')).toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signInByForm(page, DR_LEE);
  await expect(nav(page, 'Appointments')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('tab', { name: 'Queue', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('table', { name: 'Waiting' })).toContainText('Alice Archer');

  // Called in, the patient's chart is one click away.
  await page.getByRole('button', { name: 'Call next patient' }).click();
  const inRoom = page.getByRole('table', { name: 'With the doctor' });
  await inRoom.getByRole('button', { name: 'Open the chart of Alice Archer' }).click();
  await expect(nav(page, 'Patients')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: /Alice Archer/ }).first()).toBeVisible();

  // From an appointment's details in the day view.
  await nav(page, 'Appointments').click();
  await page.getByRole('tab', { name: 'Day', exact: true }).click();
  await page.getByLabel('Go to date').fill(MONDAY);
  await page
    .getByRole('region', { name: 'Dr Lee schedule' })
    .getByRole('button', { name: /Bruno Bianchi/ })
    .click();
  const details = page.getByRole('dialog', { name: 'Appointment: Bruno Bianchi' });
  await details.getByRole('button', { name: 'Open chart' }).click();
  await expect(details).toBeHidden();
  await expect(nav(page, 'Patients')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: /Bruno Bianchi/ }).first()).toBeVisible();
});

test('the front desk gets no Open chart in an appointment’s details', async ({ app, page }) => {
  await seedFrontDesk(app);
  await signInByForm(page, DESK);
  await nav(page, 'Appointments').click();
  await page.getByRole('tab', { name: 'Day', exact: true }).click();
  await page.getByLabel('Go to date').fill(MONDAY);
  await page
    .getByRole('region', { name: 'Dr Patel schedule' })
    .getByRole('button', { name: /Carla Costa/ })
    .click();
  const details = page.getByRole('dialog', { name: 'Appointment: Carla Costa' });
  await expect(details.getByRole('button', { name: 'Print slip' })).toBeVisible();
  await expect(details.getByRole('button', { name: 'Open chart' })).toHaveCount(0);
});
