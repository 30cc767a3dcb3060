import crypto from 'node:crypto';

/**
 * The clinic's keys (docs/ARCHITECTURE.md, "Keys and encryption"). One random 32-byte master secret
 * is made at setup; everything else is derived from it with HKDF-SHA256, so the one recovery key
 * the clinic prints brings back all of them:
 * - `database`: the SQLCipher key of chartbook.sqlite, its WAL and every backup;
 * - `audit`: the HMAC key that chains the audit log (kept outside the database, like the master).
 */
export const MASTER_KEY_BYTES = 32;

export interface ClinicKeys {
  database: Buffer;
  audit: Buffer;
}

const SALT = Buffer.from('chartbook clinic keys v1');

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', master, SALT, purpose, 32));
}

export function generateMasterKey(): Buffer {
  return crypto.randomBytes(MASTER_KEY_BYTES);
}

export function deriveClinicKeys(master: Buffer): ClinicKeys {
  if (master.length !== MASTER_KEY_BYTES) throw new Error(`A clinic master key has ${MASTER_KEY_BYTES} bytes.`);
  return { database: derive(master, 'database'), audit: derive(master, 'audit') };
}

// Crockford's base32: no I, L, O or U, so nothing reads as another character when typed back.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_BYTES = 2;
const GROUP = 5;

const checksum = (master: Buffer): Buffer =>
  crypto.createHash('sha256').update('chartbook recovery').update(master).digest().subarray(0, CHECK_BYTES);

function toBase32(bytes: Buffer): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** The recovery key as printed: 55 characters in groups of five, the last two bytes a checksum. */
export function formatRecoveryKey(master: Buffer): string {
  const text = toBase32(Buffer.concat([master, checksum(master)]));
  return text.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

export const RECOVERY_KEY_CHARACTERS = Math.ceil(((MASTER_KEY_BYTES + CHECK_BYTES) * 8) / 5);

export type RecoveryKeyProblem = 'empty' | 'characters' | 'length' | 'checksum';

export class RecoveryKeyError extends Error {
  constructor(
    readonly problem: RecoveryKeyProblem,
    readonly detail: string = '',
  ) {
    super(`Recovery key rejected: ${problem}${detail ? ` (${detail})` : ''}`);
    this.name = 'RecoveryKeyError';
  }
}

/**
 * Reads a typed recovery key back into the master secret. Spaces, dashes and case do not matter;
 * O reads as 0 and I or L as 1, as people type them. A mistyped character fails the checksum.
 */
export function parseRecoveryKey(typed: string): Buffer {
  const text = typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (text.length === 0) throw new RecoveryKeyError('empty');
  const bad = [...new Set([...text].filter((c) => !ALPHABET.includes(c)))];
  if (bad.length > 0) throw new RecoveryKeyError('characters', bad.join(' '));
  if (text.length !== RECOVERY_KEY_CHARACTERS) throw new RecoveryKeyError('length', String(text.length));
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const c of text) {
    buffer = (buffer << 5) | ALPHABET.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  const all = Buffer.from(bytes.slice(0, MASTER_KEY_BYTES + CHECK_BYTES));
  const master = all.subarray(0, MASTER_KEY_BYTES);
  if (!checksum(master).equals(all.subarray(MASTER_KEY_BYTES))) throw new RecoveryKeyError('checksum');
  return Buffer.from(master);
}
