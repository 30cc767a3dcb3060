import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { ADMIN, auditFor, dispatchOk, JOSE, SHOTS } from './patients-helpers';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

const PANELS = ['Visits', 'Vitals', 'Problems', 'Allergies', 'Medications', 'Immunizations', 'History'];

test('the chart overview: every panel at 1366x768 and 1024x768, light and dark; a visit summary previews; a follow-up is booked for this patient', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const admin = app.core.newSession();
  await dispatchOk(app, admin, 'setup.complete', {
    clinic: { clinicName: 'Riverside Clinic', timeZone: 'UTC' },
    admin: { ...ADMIN, alsoDoctor: true },
  });
  // The doctor sees patients every day from 08:00 to 18:00, so a follow-up a week ahead is within hours.
  const [me] = await dispatchOk(app, admin, 'providers.list', {});
  await dispatchOk(app, admin, 'providers.setSchedule', {
    providerId: me!.providerId,
    version: null,
    defaultLengthMinutes: 15,
    weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
  });
  const jose = await dispatchOk(app, admin, 'patients.register', { patient: { ...JOSE, givenNames: 'José 李' } });
  await dispatchOk(app, app.session, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });

  // José is in the doctor's room: a walk-in called in (seeded).
  const booked = await dispatchOk(app, admin, 'appointments.walkIn', {
    patientId: jose.id,
    providerId: me!.providerId,
  });
  await dispatchOk(app, admin, 'appointments.advance', {
    id: booked.id,
    version: booked.version,
    status: 'with_doctor',
  });

  // From the doctor's queue to the chart.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: 'Appointments', exact: true }).click();
  await page.getByRole('tab', { name: 'Queue', exact: true }).click();
  await page.getByRole('button', { name: /Open the chart of José 李 García/ }).click();
  await expect(page.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');
  const overview = page.getByRole('region', { name: 'Chart' });
  for (const name of PANELS) await expect(overview.getByRole('region', { name, exact: true })).toBeVisible();
  // One read opened every panel (chart.overview, recorded once): no panel asked main again.
  await expect
    .poll(async () =>
      (await auditFor(app, admin, jose.id)).filter((e) => e.action === 'chart.view').map((e) => e.details),
    )
    .toEqual(['section: overview']);

  // A visit started from the chart, then its summary previewed as the printer will print it.
  await overview.getByRole('button', { name: 'Start visit' }).click();
  const visits = overview.getByRole('region', { name: 'Visits', exact: true });
  await visits
    .getByRole('button', { name: /Print the summary of/ })
    .first()
    .click();
  const preview = page.getByRole('dialog', { name: 'Visit summary' });
  await expect(preview.getByRole('img').first()).toBeVisible({ timeout: 20_000 });
  await preview.getByRole('button', { name: 'Close' }).click();

  // The overview fits the laptop screen's width without a sideways scroll, in both sizes and themes.
  for (const [width, height] of [
    [1366, 768],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, `chart-overview-${width}-${theme}.png`) });
    }
  }
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));

  // Book follow-up: the dialog opens with this patient chosen; a time is all the doctor adds.
  await overview.getByRole('button', { name: 'Book follow-up' }).click();
  const booking = page.getByRole('dialog', { name: /Book/ });
  await expect(booking).toContainText('José 李 García');
  await booking.getByLabel('Time', { exact: true }).fill('10:30');
  await booking.getByRole('button', { name: /^Book/ }).last().click();
  await expect(page.getByRole('status').filter({ hasText: /Booked/ })).toBeVisible();
  const week = await dispatchOk(app, admin, 'appointments.week', {
    providerId: me!.providerId,
    startDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
  });
  expect(JSON.stringify(week)).toContain(jose.id);
});
