/**
 * A Chartbook core that registers patients as fast as it can, opens each (an audited view), and
 * prints "ack <id>" after main has answered both: crash-safety.test.ts kills it (SIGKILL) at random moments.
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
  const id = (result.value as { id: string }).id;
  // Opening the record is audited with synchronous=NORMAL (db/view-transaction.ts): it must survive the kill too.
  const viewed = await core.dispatch(session, 'patients.get', { id });
  if (!viewed.ok) throw new Error(viewed.error.message);
  if (core.db.sqlite.pragma('synchronous', { simple: true }) !== 2) throw new Error('synchronous left below FULL');
  process.stdout.write(`ack ${id}\n`);
}
