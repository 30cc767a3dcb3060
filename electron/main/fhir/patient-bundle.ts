import type Database from 'better-sqlite3';
import type { Bundle, Practitioner, Resource } from '@medplum/fhirtypes';
import { preparedOnce } from '../db/records';
import { allergyToFhir } from './allergy-to-fhir';
import type {
  AllergyRow,
  HistoryEntryRow,
  ImmunizationRow,
  MedicationRow,
  NoteRow,
  PatientRowForFhir,
  ProblemRow,
  SocialHistoryRow,
  VisitRow,
  VitalsRow,
} from './fhir-common';
import { historyEntryToFhir } from './history-to-fhir';
import { labResources } from './lab-bundle';
import { immunizationToFhir } from './immunization-to-fhir';
import { medicationToFhir } from './medication-to-fhir';
import { noteToFhir } from './note-to-fhir';
import { patientToFhir, type PatientIdentifierRow, type PatientPhoneRow } from './patient-to-fhir';
import { problemToFhir } from './problem-to-fhir';
import {
  prescriptionItemToFhir,
  type OverrideForFhir,
  type PrescriptionItemRow,
  type PrescriptionRow,
} from './prescription-to-fhir';
import { socialHistoryToFhir } from './social-history-to-fhir';
import { visitToFhir } from './visit-to-fhir';
import { vitalsToFhir } from './vitals-to-fhir';

/** A chart table's live rows for one patient, oldest first (ids are UUIDv7, so ties keep creation order). */
function liveRows<T>(db: Database.Database, table: string, patientId: string, order = 'created_at, id'): T[] {
  return preparedOnce(db, `SELECT * FROM ${table} WHERE patient_id = ? AND deleted_at IS NULL ORDER BY ${order}`).all(
    patientId,
  ) as T[];
}

/** Prescriptions that were signed (still in force or cancelled since), one MedicationRequest per item. */
function signedPrescriptions(db: Database.Database, patientId: string): Resource[] {
  const rxs = preparedOnce(
    db,
    `SELECT * FROM prescriptions WHERE patient_id = ? AND signed_at IS NOT NULL AND deleted_at IS NULL
     ORDER BY signed_at, id`,
  ).all(patientId) as PrescriptionRow[];
  return rxs.flatMap((rx) => {
    const items = preparedOnce(
      db,
      'SELECT * FROM prescription_items WHERE prescription_id = ? AND deleted_at IS NULL ORDER BY position',
    ).all(rx.id) as PrescriptionItemRow[];
    const overrides = preparedOnce(
      db,
      'SELECT item_id, message, reason FROM rx_alert_overrides WHERE prescription_id = ? AND deleted_at IS NULL ORDER BY created_at, id',
    ).all(rx.id) as OverrideForFhir[];
    return items.map((item) => prescriptionItemToFhir(rx, item, overrides));
  });
}

/** The clinic's users a record names (authors, signers, doctors), as Practitioners with their display names. */
function practitionersNamedIn(db: Database.Database, resources: readonly Resource[]): Practitioner[] {
  const ids = new Set<string>();
  JSON.stringify(resources, (key, value: unknown) => {
    if (key === 'reference' && typeof value === 'string' && value.startsWith('Practitioner/')) {
      ids.add(value.slice('Practitioner/'.length));
    }
    return value;
  });
  const byId = preparedOnce(db, 'SELECT id, display_name, version, updated_at FROM users WHERE id = ?');
  return [...ids].sort().flatMap((id) => {
    const user = byId.get(id) as { id: string; display_name: string; version: number; updated_at: string } | undefined;
    if (!user) return [];
    return [
      {
        resourceType: 'Practitioner' as const,
        id: user.id,
        meta: { versionId: String(user.version), lastUpdated: user.updated_at },
        name: [{ text: user.display_name }],
      },
    ];
  });
}

/**
 * A patient's whole chart as one FHIR R4 Bundle of type collection: the Patient, the clinic's users
 * its records name (as Practitioners), then visits, notes, vitals, problems, allergies,
 * medications, immunizations, history and the newest social history record. Deleted records are
 * left out. Undefined when the patient is unknown or deleted. Read it inside one transaction so
 * the records agree with each other.
 */
export function buildPatientBundle(db: Database.Database, patientId: string, at: string): Bundle | undefined {
  const patient = preparedOnce(db, 'SELECT * FROM patients WHERE id = ? AND deleted_at IS NULL').get(patientId) as
    PatientRowForFhir | undefined;
  if (!patient) return undefined;
  const phones = preparedOnce(db, 'SELECT kind, number FROM patient_phones WHERE patient_id = ? ORDER BY position').all(
    patientId,
  ) as PatientPhoneRow[];
  const identifiers = preparedOnce(
    db,
    'SELECT system, value FROM patient_identifiers WHERE patient_id = ? ORDER BY position',
  ).all(patientId) as PatientIdentifierRow[];
  // Two laptops may each have started a social history before they synced: the newest is the record.
  const social = liveRows<SocialHistoryRow>(db, 'social_history', patientId, 'updated_at DESC, id DESC').slice(0, 1);
  const records: Resource[] = [
    ...liveRows<VisitRow>(db, 'visits', patientId, 'started_at, id').map(visitToFhir),
    ...liveRows<NoteRow>(db, 'notes', patientId).map(noteToFhir),
    ...liveRows<VitalsRow>(db, 'vitals', patientId, 'taken_at, id').flatMap(vitalsToFhir),
    ...liveRows<ProblemRow>(db, 'problems', patientId).map(problemToFhir),
    ...liveRows<AllergyRow>(db, 'allergies', patientId).map(allergyToFhir),
    ...liveRows<MedicationRow>(db, 'medications', patientId).map(medicationToFhir),
    ...liveRows<ImmunizationRow>(db, 'immunizations', patientId, 'given_date, id').map(immunizationToFhir),
    ...liveRows<HistoryEntryRow>(db, 'history_entries', patientId).map(historyEntryToFhir),
    ...social.flatMap(socialHistoryToFhir),
    ...signedPrescriptions(db, patientId),
    ...labResources(db, patientId),
  ];
  const resources: Resource[] = [
    patientToFhir(patient, phones, identifiers),
    ...practitionersNamedIn(db, records),
    ...records,
  ];
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: at,
    entry: resources.map((resource) => ({ resource })),
  };
}
