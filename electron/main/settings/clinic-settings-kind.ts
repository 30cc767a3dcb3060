import { clinicSettings } from '../db/schema';
import { defineRecordKind } from '../records/record-kind';

/** The clinic's settings: one record for the whole clinic, versioned so it can sync (FHIR Organization). */
export const clinicSettingsKind = defineRecordKind({
  name: 'clinic_settings',
  table: clinicSettings,
  fhirResource: 'Organization',
  conflictMessage:
    'Someone else changed the clinic’s settings after you opened them. Reload, then apply your changes again.',
  notFoundMessage: 'The clinic has not been set up yet.',
});
