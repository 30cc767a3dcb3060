/**
 * A Chartbook core that registers patients as fast as it can and prints "ack <id>" after each
 * registration main has answered: crash-safety.test.ts kills it (SIGKILL) at random moments.
 * Writes to a pipe are synchronous on Linux, so a printed ack was committed before it was printed.
 * Usage: node --import tsx crash-writer.ts <data dir> <password>
 */
import { startCore } from '../../../electron/main/core';
import { keyFileMasterKey } from '../../../electron/main/security/key-file';
import { MIGRATIONS_DIR, patientInput } from '../support';

const [dir, password] = process.argv.slice(2) as [string, string];
const core = startCore({
  dataDir: dir,
  masterKey: keyFileMasterKey(dir),
  migrationsDir: MIGRATIONS_DIR,
  log: () => {},
});
const session = core.newSession();
const signedIn = await core.dispatch(session, 'auth.signIn', { username: 'admin', password });
if (!signedIn.ok) throw new Error(signedIn.error.message);
for (let n = 0; ; n++) {
  const result = await core.dispatch(session, 'patients.register', {
    patient: { ...patientInput({ familyName: `Crash${process.pid}x${n}` }), notes: 'x'.repeat(n % 500) },
    confirmedNotDuplicate: true,
  });
  if (!result.ok) throw new Error(result.error.message);
  process.stdout.write(`ack ${(result.value as { id: string }).id}\n`);
}
