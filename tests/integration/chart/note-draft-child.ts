/**
 * A Chartbook core that saves a doctor's note draft through the dispatcher, says "saved", and kills
 * itself (SIGKILL: no close, no checkpoint, no flush), as a crash or power cut would. visits-notes.test.ts
 * then opens the same database file and finds the draft.
 * Usage: node --import tsx note-draft-child.ts <data dir> <password> <draft key> <JSON body>
 */
import { startCore } from '../../../electron/main/core';
import { keyFileMasterKey } from '../../../electron/main/security/key-file';
import { MIGRATIONS_DIR } from '../support';

const [dir, password, key, body] = process.argv.slice(2) as [string, string, string, string];
const core = startCore({
  dataDir: dir,
  masterKey: keyFileMasterKey(dir),
  migrationsDir: MIGRATIONS_DIR,
  log: () => {},
});
const session = core.newSession();
const signedIn = await core.dispatch(session, 'auth.signIn', { username: 'admin', password });
if (!signedIn.ok) throw new Error(signedIn.error.message);
const saved = await core.dispatch(session, 'drafts.save', { kind: 'note', key, body: JSON.parse(body) as unknown });
if (!saved.ok) throw new Error(saved.error.message);
process.stdout.write('saved\n');
process.kill(process.pid, 'SIGKILL');
