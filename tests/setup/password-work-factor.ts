import { setPasswordWorkFactorForTests } from '../../electron/main/accounts/password';

/**
 * Vitest setup: passwords hashed in these tests use scrypt at 2^10 instead of the app's 2^17, so a
 * suite that creates and signs in hundreds of people spends seconds, not minutes, in the hash. The
 * tests about the hash itself (its parameters, and wrong passwords answering in the same time for
 * every account) put the app's work factor back for their duration.
 */
export const TEST_PASSWORD_WORK_FACTOR = 10;
setPasswordWorkFactorForTests(TEST_PASSWORD_WORK_FACTOR);
