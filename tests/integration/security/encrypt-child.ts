/**
 * A process that encrypts a plain database and is killed (SIGKILL, no clean-up) right after the
 * named step: encryption-upgrade.test.ts checks what it leaves behind.
 * Usage: node --import tsx encrypt-child.ts <file> <key hex> <step>
 */
import { encryptPlainDatabase } from '../../../electron/main/db/encryption';

const [file, keyHex, killAfter] = process.argv.slice(2);
encryptPlainDatabase(file!, Buffer.from(keyHex!, 'hex'), {
  afterStep: (step) => {
    if (step === killAfter) process.kill(process.pid, 'SIGKILL');
  },
});
