import crypto from 'node:crypto';

/**
 * scrypt at OWASP's recommended parameters (N=2^17, r=8, p=1). The parameters are stored with the
 * hash so they can be raised later without invalidating existing passwords.
 */
const N_LOG2 = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;

/**
 * The cost new hashes are made at. Only the test setup lowers it (tests/setup/password-work-factor.ts,
 * through setPasswordWorkFactorForTests), so the suites' thousands of sign-ins stay quick; the app
 * never changes it, and tests/unit/architecture/password-work-factor.test.ts keeps it that way.
 * Verifying always uses the parameters stored with the hash.
 */
let workFactorLog2 = N_LOG2;

/** Tests only: make new hashes at 2^nLog2 (OWASP's 17 again with no argument). */
export function setPasswordWorkFactorForTests(nLog2: number = N_LOG2): void {
  workFactorLog2 = nLog2;
}

function scrypt(password: string, salt: Buffer, nLog2: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** nLog2;
  return new Promise((resolve, reject) => {
    crypto.scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, workFactorLog2, R, P);
  return ['scrypt', workFactorLog2, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, nLog2, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const actual = await scrypt(password, Buffer.from(saltB64, 'base64'), Number(nLog2), Number(r), Number(p));
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/** A hash of nothing, verified against when a user name is unknown so timing does not reveal which names exist. */
let decoy: { workFactorLog2: number; hash: Promise<string> } | null = null;
export function decoyHash(): Promise<string> {
  if (decoy?.workFactorLog2 !== workFactorLog2) {
    decoy = { workFactorLog2, hash: hashPassword(crypto.randomBytes(16).toString('hex')) };
  }
  return decoy.hash;
}
