import fs from 'node:fs';
import path from 'node:path';
import { generateMasterKey, MASTER_KEY_BYTES } from './clinic-keys';
import { DATABASE_FILE, isPlainSqliteFile, writeFileDurably } from '../db/files';

/** Beside chartbook.sqlite: the clinic's master key, wrapped by the operating system's key store in the app. */
export const KEY_FILE = 'chartbook.key';

/**
 * How the master key is kept on disk. The app wraps it with Electron's safeStorage (the OS key
 * store: Keychain, DPAPI, libsecret/kwallet), so the key file alone opens nothing on another
 * computer or account; tests, the e2e harness and the bench keep it as a plain key file.
 */
export interface KeyProtector {
  readonly kind: 'os-keystore' | 'plain-file';
  wrap(secret: Buffer): Buffer;
  /** Throws when this computer's key store cannot unwrap it (another computer, a reinstalled OS). */
  unwrap(wrapped: Buffer): Buffer;
}

export const plainFileProtector: KeyProtector = {
  kind: 'plain-file',
  wrap: (secret) => Buffer.from(secret),
  unwrap: (wrapped) => Buffer.from(wrapped),
};

interface KeyFileContent {
  version: 1;
  protection: KeyProtector['kind'];
  key: string;
}

export type MasterKeyState =
  | { state: 'ready'; master: Buffer; created: boolean }
  /** The database is encrypted but this computer cannot produce its key: the recovery key is needed. */
  | { state: 'recovery'; reason: 'missing' | 'unreadable' };

/** Writes the key file whole or not at all (temp file, fsync, rename). */
export function writeKeyFile(dataDir: string, master: Buffer, protector: KeyProtector): void {
  const content: KeyFileContent = {
    version: 1,
    protection: protector.kind,
    key: protector.wrap(master).toString('base64'),
  };
  writeFileDurably(path.join(dataDir, KEY_FILE), JSON.stringify(content, null, 2) + '\n');
}

function readKeyFile(file: string, protector: KeyProtector): Buffer | null {
  try {
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<KeyFileContent>;
    if (content.version !== 1 || content.protection !== protector.kind || typeof content.key !== 'string') return null;
    const master = protector.unwrap(Buffer.from(content.key, 'base64'));
    return master.length === MASTER_KEY_BYTES ? master : null;
  } catch {
    return null;
  }
}

/**
 * Finds the clinic's master key before the core starts. A new clinic, or one whose database is
 * still plain (it is encrypted on this start), gets a new key, saved before anything is encrypted
 * with it. An encrypted database whose key this computer cannot read needs the recovery key; the
 * database is not touched.
 */
export function resolveMasterKey(dataDir: string, databaseFile: string, protector: KeyProtector): MasterKeyState {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, KEY_FILE);
  if (fs.existsSync(file)) {
    const master = readKeyFile(file, protector);
    return master ? { state: 'ready', master, created: false } : { state: 'recovery', reason: 'unreadable' };
  }
  const database = path.join(dataDir, databaseFile);
  if (fs.existsSync(database) && !isPlainSqliteFile(database)) return { state: 'recovery', reason: 'missing' };
  const master = generateMasterKey();
  writeKeyFile(dataDir, master, protector);
  return { state: 'ready', master, created: true };
}

/**
 * The key of a data folder kept as a plain key file (tests, the e2e harness, explore, the bench):
 * made on first use. Throws if the folder holds an encrypted database without its key file.
 */
export function keyFileMasterKey(dataDir: string, databaseFile = DATABASE_FILE): Buffer {
  const resolved = resolveMasterKey(dataDir, databaseFile, plainFileProtector);
  if (resolved.state !== 'ready') throw new Error(`The key file of ${dataDir} is ${resolved.reason}.`);
  return resolved.master;
}

/**
 * How the e2e harness, explore and tests start a core on a data folder with a plain key file: its
 * key, or null (the core then waits for the recovery key) and where a recovered key is kept.
 */
export function keyFileCoreKeys(
  dataDir: string,
  databaseFile = DATABASE_FILE,
): { masterKey: Buffer | null; onKeyRecovered: (masterKey: Buffer) => void } {
  const resolved = resolveMasterKey(dataDir, databaseFile, plainFileProtector);
  return {
    masterKey: resolved.state === 'ready' ? resolved.master : null,
    onKeyRecovered: (masterKey) => writeKeyFile(dataDir, masterKey, plainFileProtector),
  };
}

/** Copies a data folder's key file with its database (test templates, bench copies). */
export function copyKeyFile(fromDir: string, toDir: string): void {
  fs.copyFileSync(path.join(fromDir, KEY_FILE), path.join(toDir, KEY_FILE));
}
