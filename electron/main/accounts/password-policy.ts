import { AppError } from '../../../shared/errors';
import commonPasswords from '../../../resources/passwords/common-passwords.json';
import { t } from '../i18n/translate';

/**
 * What a new password may not be, beyond the contract's length rule (docs/ARCHITECTURE.md,
 * "Sessions and passwords"): one of the passwords people use most (resources/passwords, tried
 * first by anyone guessing), or one that contains the person's user name or name (the first
 * things a colleague would try). Applies to every password a person chooses or is given: at
 * setup, when an administrator creates an account or resets a password, and when people change
 * their own.
 */

/** Compared without case or compatibility forms. */
const lower = (text: string): string => text.normalize('NFKC').toLowerCase();
/** For the list, also without spaces and separators: "Pass Word 123" is "password123". */
const fold = (text: string): string => lower(text).replace(/[\s._-]+/gu, '');

let common: ReadonlySet<string> | null = null;

/** The list is read into a Set once, on first use (about 50,000 entries). */
function commonSet(): ReadonlySet<string> {
  common ??= new Set((commonPasswords as string[]).map(fold));
  return common;
}

/** Parts of a name long enough that containing one is not an accident ("Amara" yes, "Dr" no). */
const MIN_NAME_PART = 4;

export interface PasswordOwner {
  username: string;
  displayName: string;
}

/** Why the password is refused (a message for the field), or null if it may be used. */
export function passwordProblem(password: string, owner: PasswordOwner): string | null {
  const typed = lower(password);
  const username = lower(owner.username);
  if (username.length >= 3 && typed.includes(username)) return t('errors.accounts.password.containsUsername');
  const name = lower(owner.displayName);
  const parts = name.split(/[\s.,'’-]+/u).filter((part) => part.length >= MIN_NAME_PART);
  if ((name.length >= 3 && typed.includes(name)) || parts.some((part) => typed.includes(part))) {
    return t('errors.accounts.password.containsName');
  }
  if (commonSet().has(fold(password))) return t('errors.accounts.password.common');
  return null;
}

/** Refuses the password with a message on `field` (e.g. "password", "newPassword", "admin.password"). */
export function assertPasswordAllowed(password: string, owner: PasswordOwner, field: string): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw new AppError('VALIDATION', t('errors.accounts.password.refused'), { [field]: problem });
}
