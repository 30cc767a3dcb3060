import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { todayIn } from '../../shared/dates';
import { addDays } from '../../shared/zoned-time';
import { CLINIC, createUser, dispatchOk, seedClinic, signInPage } from './admin-helpers';
import { test } from './fixtures';

const SHOTS = '/tmp/shots-hours';
const DR_LEE = { username: 'dr.lee', displayName: 'Dr Min-jun Lee', password: 'stethoscope cabinet' };
const RECEPTIONIST = { username: 'ruth', displayName: 'Ruth Mensah', password: 'front desk password' };
const HOURS = "Doctors' hours";

async function openHours(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: HOURS, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: HOURS })).toBeVisible();
}

test.describe("doctors' hours", () => {
  test('an administrator sets a doctor’s Tuesday to two blocks and a 20-minute default, and it survives a reload', async ({
    app,
    page,
  }) => {
    const clinic = await seedClinic(app);
    await createUser(app, clinic, { ...DR_LEE, roles: ['doctor'] });
    await signInPage(app);
    await openHours(page);

    await page.getByLabel('Doctor', { exact: true }).selectOption({ label: DR_LEE.displayName });
    await expect(
      page.getByRole('table', { name: `Working hours of ${DR_LEE.displayName}, Monday to Sunday` }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Add block on Tuesday' }).click();
    await page.getByLabel('Start of block 1 on Tuesday').fill('08:30');
    await page.getByLabel('End of block 1 on Tuesday').fill('12:00');
    await page.getByRole('button', { name: 'Add block on Tuesday' }).click();
    await page.getByLabel('Start of block 2 on Tuesday').fill('14:00');
    await page.getByLabel('End of block 2 on Tuesday').fill('18:00');
    await page.getByLabel('Default appointment length (minutes)').fill('20');
    await page.getByRole('button', { name: 'Save hours' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Saved the working hours of ${DR_LEE.displayName}.` }),
    ).toBeVisible();

    await page.setViewportSize({ width: 1366, height: 768 });
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/hours-saved.png` });

    await page.reload();
    await openHours(page);
    await page.getByLabel('Doctor', { exact: true }).selectOption({ label: DR_LEE.displayName });
    await expect(page.getByLabel('Start of block 1 on Tuesday')).toHaveValue('08:30');
    await expect(page.getByLabel('End of block 1 on Tuesday')).toHaveValue('12:00');
    await expect(page.getByLabel('Start of block 2 on Tuesday')).toHaveValue('14:00');
    await expect(page.getByLabel('End of block 2 on Tuesday')).toHaveValue('18:00');
    await expect(page.getByRole('button', { name: 'Remove 14:00–18:00 on Tuesday' })).toBeVisible();
    await expect(page.getByLabel('Start of block 1 on Monday')).toHaveCount(0);
    await expect(page.getByLabel('Default appointment length (minutes)')).toHaveValue('20');

    // Removing a block and saving again uses the version just loaded (no conflict).
    await page.getByRole('button', { name: 'Remove 14:00–18:00 on Tuesday' }).click();
    await page.getByRole('button', { name: 'Save hours' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved the working hours' })).toBeVisible();
    await expect(page.getByLabel('Start of block 2 on Tuesday')).toHaveCount(0);
  });

  test('a block that ends before it starts shows main’s message next to it and keeps what was typed', async ({
    app,
    page,
  }) => {
    await seedClinic(app);
    await signInPage(app);
    await openHours(page);

    await page.getByRole('button', { name: 'Add block on Wednesday' }).click();
    await page.getByLabel('Start of block 1 on Wednesday').fill('09:00');
    await page.getByLabel('End of block 1 on Wednesday').fill('12:00');
    await page.getByRole('button', { name: 'Add block on Wednesday' }).click();
    await page.getByLabel('Start of block 2 on Wednesday').fill('15:00');
    await page.getByLabel('End of block 2 on Wednesday').fill('13:00');
    await page.getByLabel('Default appointment length (minutes)').fill('25');
    await page.getByRole('button', { name: 'Save hours' }).click();

    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved.' })).toBeVisible();
    const end = page.getByLabel('End of block 2 on Wednesday');
    await expect(end).toHaveAccessibleDescription('The block must end after it starts');
    await expect(end).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Start of block 1 on Wednesday')).toHaveAttribute('aria-invalid', 'false');
    await expect(page.getByLabel('Start of block 2 on Wednesday')).toHaveValue('15:00');
    await expect(end).toHaveValue('13:00');
    await expect(page.getByLabel('Default appointment length (minutes)')).toHaveValue('25');

    // Overlapping blocks are named by their times, not by a position in the week.
    await end.fill('18:00');
    await page.getByLabel('Start of block 2 on Wednesday').fill('11:00');
    await page.getByRole('button', { name: 'Save hours' }).click();
    await expect(page.getByLabel('Start of block 2 on Wednesday')).toHaveAccessibleDescription(
      'This block overlaps 09:00–12:00 on the same day',
    );

    await page.getByLabel('Start of block 2 on Wednesday').fill('13:00');
    await page.getByRole('button', { name: 'Save hours' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved the working hours' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('an administrator adds and removes a day off', async ({ app, page }) => {
    const clinic = await seedClinic(app);
    await createUser(app, clinic, { ...DR_LEE, roles: ['doctor'] });
    const today = todayIn(CLINIC.timeZone);
    const later = addDays(today, 20);
    const sooner = addDays(today, 5);
    await signInPage(app);
    await openHours(page);
    await page.getByLabel('Doctor', { exact: true }).selectOption({ label: DR_LEE.displayName });
    await expect(page.getByText('No days off planned')).toBeVisible();

    const form = page.getByRole('form', { name: 'Add a day off' });
    await form.getByLabel('Date').fill(later);
    await form.getByLabel('Reason (optional)').fill('Conference');
    await form.getByRole('button', { name: 'Add day off' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'as a day off for Dr Min-jun Lee' })).toBeVisible();
    await form.getByLabel('Date').fill(sooner);
    await form.getByRole('button', { name: 'Add day off' }).click();

    const table = page.getByRole('table', { name: `Days off of ${DR_LEE.displayName}` });
    await expect(table.getByRole('row')).toHaveCount(3);
    // Soonest first.
    await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('');
    await expect(table.getByRole('row').nth(2)).toContainText('Conference');

    // The same day twice is refused with main's message, and the typed date stays.
    await form.getByLabel('Date').fill(later);
    await form.getByRole('button', { name: 'Add day off' }).click();
    await expect(form.getByLabel('Date')).toHaveAccessibleDescription('Already a day off');
    await expect(form.getByLabel('Date')).toHaveValue(later);

    await table
      .getByRole('row')
      .nth(2)
      .getByRole('button', { name: /^Remove day off on / })
      .click();
    const dialog = page.getByRole('dialog', { name: /^Remove the day off on / });
    await dialog.getByRole('button', { name: 'Remove day off' }).click();
    await expect(dialog).toBeHidden();
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).not.toContainText('Conference');
    const left = await dispatchOk(app, clinic.adminSession, 'providers.daysOff', {
      providerId:
        (await dispatchOk(app, clinic.adminSession, 'providers.list', {})).find(
          (p) => p.displayName === DR_LEE.displayName,
        )?.providerId ?? '',
      from: today,
      to: addDays(today, 365),
    });
    expect(left.map((d) => d.date)).toEqual([sooner]);
  });

  test('a clinic holiday shows as closed in the appointment book', async ({ app, page }) => {
    await seedClinic(app);
    const date = addDays(todayIn(CLINIC.timeZone), 10);
    await signInPage(app);
    await openHours(page);
    await expect(page.getByText('No holidays set')).toBeVisible();

    const form = page.getByRole('form', { name: 'Add holiday' });
    await form.getByLabel('Holiday date').fill(date);
    await form.getByRole('button', { name: 'Add holiday' }).click();
    await expect(form.getByLabel('Holiday name')).toHaveAccessibleDescription('Name the holiday');
    await form.getByLabel('Holiday name').fill('Founders Day');
    await form.getByRole('button', { name: 'Add holiday' }).click();
    await expect(page.getByRole('table', { name: 'Clinic holidays' })).toContainText('Founders Day');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Appointments', exact: true })
      .click();
    await page.getByRole('tab', { name: 'Day', exact: true }).click();
    await page.getByLabel('Go to date').fill(date);
    await expect(page.getByText('Clinic holiday: Founders Day. The clinic is closed.')).toBeVisible();

    await openHours(page);
    await page.getByRole('button', { name: /^Remove holiday Founders Day on / }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove holiday' }).click();
    await expect(page.getByText('No holidays set')).toBeVisible();
  });

  test('a receptionist sees no hours screen, and main refuses their schedule changes', async ({ app, page }) => {
    const clinic = await seedClinic(app);
    await createUser(app, clinic, { ...RECEPTIONIST, roles: ['receptionist'] });
    await signInPage(app, RECEPTIONIST.username, RECEPTIONIST.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('button', { name: 'Appointments' })).toBeVisible();
    await expect(nav.getByRole('button', { name: HOURS })).toHaveCount(0);

    const result = await page.evaluate(
      (input) =>
        (window as unknown as { chartbook: { invoke(c: string, i: unknown): Promise<unknown> } }).chartbook.invoke(
          'providers.setSchedule',
          input,
        ),
      {
        providerId: clinic.adminId,
        version: null,
        defaultLengthMinutes: 15,
        weeklyHours: [{ weekday: 2, start: '09:00', end: '17:00' }],
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const holiday = await page.evaluate(() =>
      (window as unknown as { chartbook: { invoke(c: string, i: unknown): Promise<unknown> } }).chartbook.invoke(
        'holidays.add',
        { date: '2099-01-01', name: 'Not allowed' },
      ),
    );
    expect(holiday).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
