import type { Locator, Page } from '@playwright/test';
import { test, expect, dispatchOk, DR_LEE, seedFrontDesk, sessionAs, shot } from './frontdesk-helpers';

/**
 * Issue 9 part 12: a whole follow-up visit from the doctor's queue with the keyboard alone. Every
 * key goes through `Keys`, which counts keystrokes and the characters of text typed; the test
 * prints both beside the seconds it took, so a change that adds keys to the doctor's day shows.
 */
class Keys {
  strokes = 0;
  typed = 0;
  /** Keystrokes per step of the visit, to see where the keys go. */
  readonly steps: string[] = [];
  private stepStart = 0;
  constructor(private readonly page: Page) {}

  step(name: string): void {
    this.steps.push(`${name} ${this.strokes - this.stepStart}`);
    this.stepStart = this.strokes;
  }

  async press(key: string): Promise<void> {
    this.strokes++;
    await this.page.keyboard.press(key);
  }

  /** Text as typed: one keystroke per character. */
  async type(text: string): Promise<void> {
    const n = [...text].length;
    this.strokes += n;
    this.typed += n;
    await this.page.keyboard.type(text);
  }

  /** Presses Tab (or Shift+Tab) until `target` has focus, as a person tabs to a control. */
  async tabTo(target: Locator, backwards = false): Promise<void> {
    for (let i = 0; i < 60; i++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await this.press(backwards ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`60 Tabs did not reach ${target.toString()}`);
  }
}

test('a follow-up visit from the queue, keyboard only: note, vitals, diagnosis, reconciliation, sign, finish, book follow-up', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const seeded = await seedFrontDesk(app);
  const lee = await sessionAs(app, DR_LEE);
  const alice = seeded.patients.alice;
  for (const name of ['Amlodipine', 'Metformin']) {
    await dispatchOk(app, lee, 'medications.add', {
      patientId: alice,
      medication: { name, dose: '5 mg', frequency: 'daily', startDate: '2025-01-15', source: 'here' },
    });
  }
  await dispatchOk(app, lee, 'allergies.recordNka', { patientId: alice });
  await dispatchOk(app, lee, 'noteSnippets.save', { abbreviation: ';nad', expansion: 'No abnormality detected' });
  await dispatchOk(app, seeded.desk, 'appointments.checkIn', { id: seeded.booked.alice, version: 1 });

  await page.reload();
  const keys = new Keys(page);
  const started = performance.now();

  // Sign in.
  await expect(page.getByLabel('User name')).toBeFocused();
  await keys.type(DR_LEE.username);
  await keys.press('Tab');
  await keys.type(DR_LEE.password);
  await keys.press('Enter');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible();

  keys.step('sign in');
  // To the queue (a doctor with patients today may already be there).
  const queueTab = page.getByRole('tab', { name: 'Queue', exact: true });
  const onQueue = async () => (await queueTab.count()) > 0 && (await queueTab.getAttribute('aria-selected')) === 'true';
  if (!(await onQueue())) {
    const appointments = nav.getByRole('button', { name: 'Appointments', exact: true });
    if ((await appointments.getAttribute('aria-current')) !== 'page') {
      await keys.tabTo(appointments);
      await keys.press('Enter');
    }
    const selected = page.getByRole('tab', { selected: true });
    await keys.tabTo(selected);
    for (let i = 0; i < 6 && !(await onQueue()); i++) {
      await keys.press('ArrowRight');
    }
    await expect(queueTab).toHaveAttribute('aria-selected', 'true');
  }

  keys.step('to the queue');
  // Call Alice in and open her chart.
  await keys.tabTo(page.getByRole('button', { name: 'Call next patient' }));
  await keys.press('Enter');
  await expect(page.getByRole('table', { name: 'With the doctor' })).toContainText('Alice Archer');
  await keys.tabTo(page.getByRole('button', { name: 'Open the chart of Alice Archer' }));
  await keys.press('Enter');
  await expect(page.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');

  keys.step('call in, open chart');
  // Start the visit: it takes today's appointment.
  await expect(page.getByRole('button', { name: 'Start visit' })).toBeEnabled();
  await keys.press('Alt+v');
  const visit = page.getByRole('region', { name: 'Visit in progress' });
  await expect(visit).toBeVisible();
  await expect(visit).toContainText('Follow-up');

  // The note, SOAP, section by section.
  await keys.tabTo(visit.getByLabel('Subjective'));
  await keys.type('Feels well; BP at home 130s over 80s. No chest pain.');
  await keys.press('Tab');
  await keys.type(';nad');
  await keys.type(' ');
  await keys.press('Tab');
  await keys.type('Hypertension, controlled');
  await keys.press('Tab');
  await keys.type('Continue amlodipine; review in 3 months');

  keys.step('start visit, note');
  // Vitals.
  const vitals = page.getByRole('region', { name: 'Vitals', exact: true });
  await keys.tabTo(vitals.getByRole('button', { name: 'Record vitals' }));
  await keys.press('Enter');
  const record = page.getByRole('dialog', { name: 'Record vitals' });
  await expect(record.getByLabel('Systolic pressure (mmHg)')).toBeFocused();
  for (const value of ['128', '82', '72']) {
    await keys.type(value);
    await keys.press('Tab');
  }
  await keys.press('Enter');
  await expect(record).toBeHidden();
  await expect(vitals.getByRole('region', { name: 'Latest vitals' })).toContainText('128 mmHg');

  keys.step('vitals');
  // A coded diagnosis for the visit, also on the problem list.
  await keys.tabTo(visit.getByRole('button', { name: 'Add diagnosis' }), true);
  await keys.press('Enter');
  const diagnosis = page.getByRole('dialog', { name: 'Add a diagnosis for this visit' });
  await expect(diagnosis.getByRole('combobox', { name: 'Diagnosis' })).toBeFocused();
  await keys.type('I10');
  await expect(diagnosis.getByRole('option').first()).toContainText('I10 Essential (primary) hypertension');
  await keys.press('Enter'); // the first match is the active option
  await expect(diagnosis.getByRole('status')).toHaveText('Chosen: I10 Essential (primary) hypertension');
  await keys.tabTo(diagnosis.getByRole('button', { name: 'Save' }));
  await keys.press('Enter');
  await expect(diagnosis).toBeHidden();
  await expect(visit.getByRole('list', { name: 'Diagnoses' })).toContainText('I10 Essential (primary) hypertension');

  keys.step('diagnosis');
  // Reconcile the medication list: one key per line, Ctrl+Enter saves.
  const meds = page.getByRole('region', { name: 'Medications' });
  await keys.tabTo(meds.getByRole('button', { name: 'Reconcile' }));
  await keys.press('Enter');
  await expect(meds.getByRole('listbox', { name: /Reconcile medications/ })).toBeFocused();
  await keys.press('c');
  await keys.press('c');
  await keys.press('Control+Enter');
  await expect(meds.getByText('Reconciliation saved: 2 still taking, 0 stopped.')).toBeVisible();

  keys.step('reconcile');
  // Sign the note.
  await keys.tabTo(visit.getByLabel('Plan'), true);
  await keys.press('Control+Enter');
  const sign = page.getByRole('dialog', { name: 'Sign this note?' });
  await keys.tabTo(sign.getByRole('button', { name: 'Sign note' }), true);
  await keys.press('Enter');
  await expect(visit.getByRole('article', { name: /Note of/ })).toContainText('Signed by Dr Lee');

  keys.step('sign');
  // Finish the visit; the queue entry is done.
  await keys.tabTo(visit.getByRole('button', { name: 'Finish visit' }), true);
  await keys.press('Enter');
  const finish = page.getByRole('dialog', { name: 'Finish this visit?' });
  await keys.tabTo(finish.getByRole('button', { name: 'Finish visit' }), true);
  await keys.press('Enter');
  await expect(visit).toBeHidden();

  keys.step('finish');
  // Book the follow-up from the chart.
  await keys.tabTo(page.getByRole('button', { name: 'Book follow-up' }), true);
  await keys.press('Enter');
  const booking = page.getByRole('dialog', { name: /Book/ });
  await expect(booking).toBeVisible();
  await expect(booking).toContainText('Alice Archer');
  const time = booking.getByLabel('Time');
  await keys.tabTo(time);
  await keys.type('1000');
  if ((await time.inputValue()) !== '10:00') await keys.type('A'); // a 12-hour clock asks AM or PM
  await expect(time).toHaveValue('10:00');
  await keys.tabTo(booking.getByRole('button', { name: /^Book/ }));
  await keys.press('Enter');
  await expect(booking).toBeHidden();
  const upcoming = page.getByRole('region', { name: 'Upcoming appointments' });
  await expect(upcoming).toContainText('Follow-up');

  keys.step('book follow-up');
  const seconds = (performance.now() - started) / 1000;
  await shot(page, 'follow-up-keyboard');
  console.log(
    `follow-up visit, keyboard only: ${keys.strokes} keystrokes in ${seconds.toFixed(1)} s ` +
      `(${keys.typed} characters of text typed, ${keys.strokes - keys.typed} other keys; by step: ${keys.steps.join(', ')})`,
  );

  // What was recorded.
  const [done] = await dispatchOk(app, lee, 'visits.list', { patientId: alice });
  expect(done!.status).toBe('finished');
  expect(done!.notes[0]!.status).toBe('signed');
  expect(done!.notes[0]!.objective).toBe('No abnormality detected');
  const next = await dispatchOk(app, lee, 'appointments.upcomingForPatient', { patientId: alice });
  expect(next.map((a) => [a.reason, a.providerName])).toEqual([['Follow-up', 'Dr Lee']]);
});
