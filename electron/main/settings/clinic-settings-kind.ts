import { clinicSettings } from '../db/schema';
import { defineRecordKind } from '../records/record-kind';
import { t } from '../i18n/translate';

/** The clinic's settings: one record for the whole clinic, versioned so it can sync (FHIR Organization). */
export const clinicSettingsKind = defineRecordKind({
  name: 'clinic_settings',
  table: clinicSettings,
  fhirResource: 'Organization',
  conflictMessage: () => t('errors.settings.someoneElseChangedClinicS'),
  notFoundMessage: () => t('errors.settings.clinicHasNotBeenSet'),
});
