import fs from 'node:fs';
import path from 'node:path';
import { contract } from '../../../shared/contract';
import { AppError, type Result } from '../../../shared/errors';
import { DatabaseKeyError, openEncrypted } from '../db/encryption';
import { fieldErrors } from '../ipc/dispatcher';
import { t } from '../i18n/translate';
import { deriveClinicKeys, parseRecoveryKey, RecoveryKeyError } from './clinic-keys';

/**
 * The core without its key (docs/ARCHITECTURE.md, "Keys and encryption"): the clinic's data is
 * encrypted and this computer's key store has no key for it (another computer, a reinstalled
 * system, a lost key file). It opens nothing; it answers app.status with recoveryRequired and
 * takes the recovery key. A key that opens the database is handed back so the caller can keep it
 * (wrapped by the OS key store) and start the real core; anything else changes nothing.
 */
export interface RecoveryGate {
  dispatch(channel: string, input: unknown): Result<unknown> | { unlocked: Buffer };
}

export function problemMessage(error: RecoveryKeyError): string {
  switch (error.problem) {
    case 'empty':
      return t('errors.security.recoveryKeyEmpty');
    case 'characters':
      return t('errors.security.recoveryKeyCharacters', { characters: error.detail });
    case 'length':
      return t('errors.security.recoveryKeyLength', { count: Number(error.detail) });
    case 'checksum':
      return t('errors.security.recoveryKeyMistyped');
  }
}

const refuse = (error: AppError): Result<never> => ({ ok: false, error: error.toData() });

export function createRecoveryGate(options: { databaseFile: string; nativeBinding?: string }): RecoveryGate {
  return {
    dispatch(channel, input) {
      if (channel === 'app.status') {
        return {
          ok: true,
          value: {
            setupRequired: false,
            recoveryRequired: true,
            clinicName: null,
            clinicTimeZone: null,
            session: null,
            locked: false,
            lockedUsername: null,
          },
        };
      }
      if (channel !== 'recovery.unlock') {
        return refuse(new AppError('RECOVERY_REQUIRED', t('errors.security.recoveryRequired')));
      }
      const parsed = contract['recovery.unlock'].input.safeParse(input ?? {});
      if (!parsed.success) {
        return refuse(new AppError('VALIDATION', t('errors.ipc.someFieldsNeedAttention'), fieldErrors(parsed.error)));
      }
      let master: Buffer;
      try {
        master = parseRecoveryKey(parsed.data.recoveryKey);
      } catch (error) {
        if (!(error instanceof RecoveryKeyError)) throw error;
        const message = problemMessage(error);
        return refuse(new AppError('VALIDATION', message, { recoveryKey: message }));
      }
      if (!fs.existsSync(options.databaseFile)) {
        return refuse(
          new AppError(
            'NOT_FOUND',
            t('errors.security.databaseMissing', { folder: path.dirname(options.databaseFile) }),
          ),
        );
      }
      try {
        openEncrypted(options.databaseFile, deriveClinicKeys(master).database, {
          readonly: true,
          fileMustExist: true,
          ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        }).close();
      } catch (error) {
        if (!(error instanceof DatabaseKeyError)) throw error;
        const message = t('errors.security.recoveryKeyWrongClinic');
        return refuse(new AppError('VALIDATION', message, { recoveryKey: message }));
      }
      return { unlocked: master };
    },
  };
}
