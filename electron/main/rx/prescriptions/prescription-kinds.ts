import { prescriptionItems, prescriptions, rxAlertOverrides, rxFavourites } from '../../db/schema';
import { t } from '../../i18n/translate';
import { defineRecordKind, type StoredRow } from '../../records/record-kind';

/**
 * The prescription record's kinds (issue 10): each prescription, item and override is about one
 * patient, so its audit entries name them; favourites are one doctor's own and about no patient.
 */
const patientOf = (row: StoredRow) => row.patient_id as string;

function rxKind(name: string, table: Parameters<typeof defineRecordKind>[0]['table'], fhirResource: string) {
  return defineRecordKind({
    name,
    table,
    fhirResource,
    patientOf,
    conflictMessage: () => t('errors.prescriptions.someoneElseChanged'),
    notFoundMessage: () => t('errors.prescriptions.notFound'),
  });
}

export const prescriptionKind = rxKind('prescription', prescriptions, 'MedicationRequest');
export const prescriptionItemKind = rxKind('prescription_item', prescriptionItems, 'MedicationRequest');
export const rxAlertOverrideKind = rxKind('rx_alert_override', rxAlertOverrides, 'DetectedIssue');

export const rxFavouriteKind = defineRecordKind({
  name: 'rx_favourite',
  table: rxFavourites,
  fhirResource: 'Basic',
  conflictMessage: () => t('errors.prescriptions.someoneElseChanged'),
  notFoundMessage: () => t('errors.prescriptions.favouriteNotFound'),
});

export const RX_KINDS = [prescriptionKind, prescriptionItemKind, rxAlertOverrideKind, rxFavouriteKind] as const;
