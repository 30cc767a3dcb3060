import { expect, type Page } from '@playwright/test';
import type { Channel } from '../../shared/contract';
import type { AppErrorData } from '../../shared/errors';
import type { Role } from '../../shared/domain/roles';
import type { User } from '../../shared/domain/user';
import type { RunningApp } from '../harness/app-harness';
import type { CoreSession as Session } from '../harness/app-harness';
import { ADMIN } from './fixtures';
import { dispatchOk } from './dispatch';

export const CLINIC = {
  clinicName: 'Riverside Family Clinic',
  address: '12 River Road, Lagos',
  phone: '+234 1 234 5678',
  timeZone: 'Europe/Berlin',
  letterhead: 'Open Monday to Friday, 8:00–17:00',
  idleLockMinutes: 10,
  paperSize: 'A4',
} as const;

export interface SeededClinic {
  /** A session of the first administrator, separate from the page's, for seeding data. */
  adminSession: Session;
  adminId: string;
}

export { dispatchOk };

/** Calls main expecting a refusal; returns the error main sent. */
export async function dispatchError(
  app: RunningApp,
  session: Session,
  channel: Channel,
  input: unknown,
): Promise<AppErrorData> {
  const result = await app.core.dispatch(session, channel, input);
  if (result.ok) throw new Error(`${channel} succeeded but a refusal was expected`);
  return result.error;
}

/** First-run setup on its own session: the clinic and its administrator (who is also the doctor). */
export async function seedClinic(app: RunningApp): Promise<SeededClinic> {
  const adminSession = app.core.newSession();
  const info = await dispatchOk(app, adminSession, 'setup.complete', {
    clinic: CLINIC,
    admin: { ...ADMIN, alsoDoctor: true },
  });
  return { adminSession, adminId: info.userId };
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
}

/**
 * Adds a user who can sign in with `user.password` straight away, as in the clinic: the
 * administrator gives a first password, and the person replaces it at their first sign-in (main
 * allows nothing else until they do). Returns the account as the users list shows it now.
 */
export async function createUserReady(app: RunningApp, adminSession: Session, user: NewUser): Promise<User> {
  const first = `${user.password} (first)`;
  await dispatchOk(app, adminSession, 'users.create', { ...user, password: first });
  const own = app.core.newSession();
  await dispatchOk(app, own, 'auth.signIn', { username: user.username, password: first });
  const info = await dispatchOk(app, own, 'auth.changePassword', {
    currentPassword: first,
    newPassword: user.password,
  });
  await dispatchOk(app, own, 'auth.signOut', {});
  return (await dispatchOk(app, adminSession, 'users.list', {})).find((u) => u.id === info.userId)!;
}

/** Several at once: their password hashes run side by side (scrypt works off the core's thread). */
export function createUsersReady<const T extends readonly NewUser[]>(
  app: RunningApp,
  adminSession: Session,
  users: T,
): Promise<{ [K in keyof T]: User }> {
  return Promise.all(users.map((user) => createUserReady(app, adminSession, user))) as Promise<{
    [K in keyof T]: User;
  }>;
}

export async function createUser(app: RunningApp, clinic: SeededClinic, user: NewUser): Promise<User> {
  return createUserReady(app, clinic.adminSession, user);
}

/** Signs the page's own session in, then reloads so the renderer picks the session up. */
export async function signInPage(app: RunningApp, username = ADMIN.username, password = ADMIN.password): Promise<void> {
  await dispatchOk(app, app.session, 'auth.signIn', { username, password });
  await app.page.reload();
}

export type AdminScreenName = 'Users' | 'Settings' | 'Audit';
const HEADINGS: Record<AdminScreenName, string> = { Users: 'Users', Settings: 'Clinic settings', Audit: 'Audit log' };

/** Opens an administrator screen the way a person does: from the main navigation. */
export async function openAdminScreen(page: Page, name: AdminScreenName): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav
    .getByRole('link', { name, exact: true })
    .or(nav.getByRole('button', { name, exact: true }))
    .click();
  await expect(page.getByRole('heading', { level: 1, name: HEADINGS[name] })).toBeVisible();
}

/** Signs in as the seeded administrator and opens one of the admin screens. */
export async function openAsAdmin(app: RunningApp, name: AdminScreenName): Promise<void> {
  await signInPage(app);
  await openAdminScreen(app.page, name);
}

/** The row of the users table for one person, found by their name. */
export function userRow(page: Page, displayName: string) {
  return page.getByRole('table', { name: 'User accounts' }).getByRole('row').filter({ hasText: displayName });
}

export function auditTable(page: Page) {
  return page.getByRole('table', { name: 'Audit entries, newest first' });
}
