import { users } from '../db/schema';
import { defineRecordKind } from '../records/record-kind';
import { t } from '../i18n/translate';

export const userKind = defineRecordKind({
  name: 'user',
  table: users,
  fhirResource: 'Practitioner',
  // Failed sign-ins and the lock they cause belong to this laptop: counting one changes nothing that syncs.
  deviceColumns: { failed_attempts: '0', locked_until: 'NULL' },
  conflictMessage: () => t('errors.accounts.someoneElseChangedAccountSince'),
  notFoundMessage: () => t('errors.accounts.userNoLongerExists'),
});
