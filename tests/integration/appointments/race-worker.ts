/**
 * One receptionist's desk in its own process, for the double-booking race test: opens the clinic's
 * database, waits for the agreed instant, then books. Prints the dispatch result as JSON.
 */
import { startCore } from '../../../electron/main/core';
import { MIGRATIONS_DIR } from '../support';
import { keyFileMasterKey } from '../../../electron/main/security/key-file';

const [dir, userJson, inputJson, goAt] = process.argv.slice(2) as [string, string, string, string];
const core = startCore({
  dataDir: dir,
  masterKey: keyFileMasterKey(dir),
  migrationsDir: MIGRATIONS_DIR,
  log: () => {},
});
const session = core.newSession();
session.user = JSON.parse(userJson);
session.lastActivityMs = Date.now();
while (Date.now() < Number(goAt)) {
  // spin: both desks press "Book" at the same instant
}
const result = await core.dispatch(session, 'appointments.book', JSON.parse(inputJson));
core.close();
process.stdout.write(JSON.stringify(result));
