import { users } from '../db/schema';
import { defineRecordKind } from '../records/record-kind';

export const userKind = defineRecordKind({
  name: 'user',
  table: users,
  fhirResource: 'Practitioner',
  // Failed sign-ins and the lock they cause belong to this laptop: counting one changes nothing that syncs.
  deviceColumns: { failed_attempts: '0', locked_until: 'NULL' },
  conflictMessage: 'Someone else changed this account since you opened it. Reload and try again.',
  notFoundMessage: 'That user no longer exists.',
});
