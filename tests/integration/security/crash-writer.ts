/**
 * A Chartbook core that registers patients as fast as it can, opens each (an audited view), saves a
 * registration draft naming each (drafts, like views, commit with synchronous=NORMAL), and
 * prints "ack <id>" after main has answered all three: crash-safety.test.ts kills it (SIGKILL) at random moments.
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
  // So is a draft as someone types (drafts/draft-store.ts).
  const drafted = await core.dispatch(session, 'drafts.save', {
    kind: 'registration',
    key: `crash-${id}`,
    body: {
      form: {
        givenNames: 'Draft',
        familyName: id,
        latinName: '',
        sex: '',
        genderIdentity: '',
        birthKind: 'date',
        birthDate: '',
        estimatedYears: '',
        phones: [],
        address: { line: '', city: '', region: '', postalCode: '', country: '' },
        identifiers: [],
        emergencyContact: { name: '', relationship: '', phone: '' },
        notes: 'typed before the crash',
      },
    },
  });
  if (!drafted.ok) throw new Error(drafted.error.message);
  if (core.db.sqlite.pragma('synchronous', { simple: true }) !== 2) throw new Error('synchronous left below FULL');
  process.stdout.write(`ack ${id}\n`);
}
