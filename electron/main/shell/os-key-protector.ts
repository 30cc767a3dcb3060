import type { KeyProtector } from '../security/key-file';

/** The part of Electron's safeStorage the key file needs (so tests can stand one in). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export class KeyStoreUnavailableError extends Error {
  constructor() {
    super(
      "This computer's key store is not available, so Chartbook cannot keep the clinic's key safely. " +
        'Nothing was changed. Sign in to the computer with a desktop session (on Linux, with a keyring such as GNOME Keyring or KWallet running) and start Chartbook again.',
    );
    this.name = 'KeyStoreUnavailableError';
  }
}

/**
 * Wraps the clinic's master key with the operating system's key store (Electron safeStorage:
 * Keychain on macOS, DPAPI on Windows, libsecret or KWallet on Linux). Must be used after app 'ready'.
 */
export function osKeyProtector(safeStorage: SafeStorageLike, warn: (message: string) => void): KeyProtector {
  if (!safeStorage.isEncryptionAvailable()) throw new KeyStoreUnavailableError();
  if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    warn(
      'No system keyring was found: the clinic key file is wrapped with a fixed key. The database is still encrypted, but keep this computer signed-in-only and its disk encrypted.',
    );
  }
  return {
    kind: 'os-keystore',
    wrap: (secret) => safeStorage.encryptString(secret.toString('hex')),
    unwrap: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'hex'),
  };
}
