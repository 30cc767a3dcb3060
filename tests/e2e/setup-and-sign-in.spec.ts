import { test, expect, ADMIN } from './fixtures';
import { CLINIC_NAME, keepRecoveryKey, RECEPTIONIST, seedClinic, setUpClinic, signIn, signOut } from './helpers';

const SHOTS = '/tmp/shots';

test.describe('first-run setup', () => {
  test('a new clinic is set up through the form and its administrator is signed in', async ({ page }) => {
    await expect(page.getByRole('heading', { name: 'Set up Chartbook' })).toBeVisible();
    await expect(page.getByLabel('Lock after idle (minutes)')).toHaveValue('10');
    await expect(page.getByLabel('Paper size')).toHaveValue('A4');
    const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    await expect(page.getByLabel('Time zone')).toHaveValue(browserZone);
    await page.screenshot({ path: `${SHOTS}/setup-light.png`, fullPage: true });

    await setUpClinic(page);

    const header = page.getByRole('banner');
    await expect(header).toContainText(CLINIC_NAME);
    await expect(header).toContainText(`Signed in as ${ADMIN.displayName}`);
    await expect(header).toContainText('Roles: Administrator, Doctor');
    // Reloading the window keeps the person signed in where main says so.
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });

  test('the form checks every field with the shared rules and keeps what was typed', async ({ page }) => {
    await page.getByLabel('Lock after idle (minutes)').fill('0');
    await page.getByLabel('User name').fill('a b');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Confirm password').fill('different');
    await page.getByLabel('Letterhead text').fill('Open Mon–Fri 8–18');
    await page.getByRole('button', { name: 'Set up clinic' }).click();

    await expect(page.getByRole('alert').filter({ hasText: 'Some fields need attention' })).toBeVisible();
    await expect(page.getByLabel('Clinic name')).toHaveAccessibleDescription(/Enter the clinic’s name/);
    await expect(page.getByLabel('Lock after idle (minutes)')).toHaveAccessibleDescription(/between 1 and 240 minutes/);
    await expect(page.getByLabel('User name')).toHaveAccessibleDescription(
      /letters, digits, dot, dash and underscore only/,
    );
    await expect(page.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(/at least 10 characters/);
    await expect(page.getByLabel('Confirm password')).toHaveAccessibleDescription(/not the same/);
    await expect(page.getByLabel('Full name')).toHaveAccessibleDescription(/Enter the person’s name/);
    // Focus goes to the first field to fix.
    await expect(page.getByLabel('Clinic name')).toBeFocused();
    // Nothing typed is lost.
    await expect(page.getByLabel('Letterhead text')).toHaveValue('Open Mon–Fri 8–18');
    await expect(page.getByLabel('User name')).toHaveValue('a b');
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('short');
    await page.screenshot({ path: `${SHOTS}/setup-errors.png`, fullPage: true });

    await page.getByLabel('Clinic name').fill(CLINIC_NAME);
    await page.getByLabel('Lock after idle (minutes)').fill('15');
    await page.getByLabel('Full name').fill(ADMIN.displayName);
    await page.getByLabel('User name').fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Confirm password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Set up clinic' }).click();
    await keepRecoveryKey(page);
    // Without "I am also a doctor" the first account is an administrator only.
    await expect(page.getByRole('banner')).toContainText('Roles: Administrator');
    await expect(page.getByRole('banner')).not.toContainText('Doctor');
  });

  test('if another window set the clinic up first, the form says so and keeps the input', async ({ app, page }) => {
    await page.getByLabel('Clinic name').fill('Second Window Clinic');
    await page.getByLabel('Full name').fill('Someone Else');
    await page.getByLabel('User name').fill('someone');
    await page.getByLabel('Password', { exact: true }).fill('another long password');
    await page.getByLabel('Confirm password').fill('another long password');
    // Meanwhile the clinic is set up through main on another session.
    const other = app.core.newSession();
    const done = await app.core.dispatch(other, 'setup.complete', {
      clinic: { clinicName: CLINIC_NAME, timeZone: 'UTC' },
      admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password },
    });
    expect(done.ok).toBe(true);

    await page.getByRole('button', { name: 'Set up clinic' }).click();
    await expect(page.getByRole('alert')).toContainText('already set up');
    await expect(page.getByLabel('Clinic name')).toHaveValue('Second Window Clinic');
    await page.getByRole('button', { name: 'Go to sign-in' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByText(`Sign in to ${CLINIC_NAME}.`)).toBeVisible();
  });
});

test.describe('sign-in', () => {
  test('sign out, then sign in again', async ({ app, page }) => {
    await seedClinic(app);
    await page.screenshot({ path: `${SHOTS}/sign-in-light.png` });
    await signIn(page, ADMIN);
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${ADMIN.displayName}`);
    await signOut(page);
    // Main agrees the session ended: a direct call is refused.
    const result = await page.evaluate(() =>
      (window as unknown as { chartbook: { invoke(c: string, i: unknown): Promise<unknown> } }).chartbook.invoke(
        'settings.get',
        {},
      ),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await signIn(page, RECEPTIONIST);
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${RECEPTIONIST.displayName}`);
    await expect(page.getByRole('banner')).toContainText('Roles: Receptionist');
  });

  test('a wrong password shows main’s message, keeps the user name and clears the password', async ({ app, page }) => {
    await seedClinic(app);
    await page.getByLabel('User name').fill(ADMIN.username);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'That user name and password do not match. Check them and try again.',
    );
    await expect(page.getByLabel('User name')).toHaveValue(ADMIN.username);
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expect(page.getByLabel('Password')).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/sign-in-wrong-password.png` });
  });

  test('empty fields are named before anything is sent', async ({ app, page }) => {
    await seedClinic(app);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('User name')).toHaveAccessibleDescription('Enter your user name');
    await expect(page.getByLabel('User name')).toBeFocused();
  });

  test('five wrong passwords lock the account, and the lock holds even for the right password', async ({
    app,
    page,
  }) => {
    await seedClinic(app);
    const attempt = async (password: string) => {
      await page.getByLabel('User name').fill(RECEPTIONIST.username);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    };
    for (let i = 1; i <= 4; i++) {
      await attempt(`wrong password ${i}`);
      await expect(page.getByRole('alert')).toContainText('do not match');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    }
    // The fifth locks the account but says no more than the others: only the right password hears it.
    await attempt('wrong password 5');
    await expect(page.getByRole('alert')).toContainText('do not match');

    await attempt(RECEPTIONIST.password);
    await expect(page.getByRole('alert')).toContainText(/locked until \d\d:\d\d \(Europe\/London time\)/);
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    // Other accounts are not affected.
    await signIn(page, ADMIN);
  });

  test('a disabled account is told so', async ({ app, page }) => {
    await seedClinic(app);
    const admin = app.core.newSession();
    const signedIn = await app.core.dispatch(admin, 'auth.signIn', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(signedIn.ok).toBe(true);
    const users = await app.core.dispatch(admin, 'users.list', {});
    if (!users.ok) throw new Error('users.list failed');
    const ruth = (users.value as { id: string; username: string }[]).find((u) => u.username === RECEPTIONIST.username)!;
    expect((await app.core.dispatch(admin, 'users.setDisabled', { id: ruth.id, disabled: true })).ok).toBe(true);

    // A wrong password is told only that it is wrong; the right one learns the account is disabled.
    await page.getByLabel('User name').fill(RECEPTIONIST.username);
    await page.getByLabel('Password').fill('not her password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('do not match');
    await page.getByLabel('Password').fill(RECEPTIONIST.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('This account is disabled');
  });
});
