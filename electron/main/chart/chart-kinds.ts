import {
  allergies,
  historyEntries,
  immunizations,
  medications,
  noteSnippets,
  noteTemplates,
  notes,
  problems,
  socialHistory,
  visits,
  vitals,
} from '../db/schema';
import { defineRecordKind, type StoredRow } from '../records/record-kind';
import { t } from '../i18n/translate';

/**
 * The kinds of the clinical record (docs/ARCHITECTURE.md, "The chart"): each is about one patient,
 * so its audit entries name them; only doctors read or write them (shared/access.ts DOCTOR).
 */
const patientOf = (row: StoredRow) => row.patient_id as string;

function chartKind(name: string, table: Parameters<typeof defineRecordKind>[0]['table'], fhirResource: string) {
  return defineRecordKind({
    name,
    table,
    fhirResource,
    patientOf,
    conflictMessage: () => t('errors.chart.someoneElseChanged'),
    notFoundMessage: () => t('errors.chart.notFound'),
  });
}

export const visitKind = chartKind('visit', visits, 'Encounter');
export const noteKind = chartKind('note', notes, 'Composition');
export const vitalsKind = chartKind('vitals', vitals, 'Observation');
export const problemKind = chartKind('problem', problems, 'Condition');
export const allergyKind = chartKind('allergy', allergies, 'AllergyIntolerance');
export const medicationKind = chartKind('medication', medications, 'MedicationStatement');
export const immunizationKind = chartKind('immunization', immunizations, 'Immunization');
export const historyEntryKind = chartKind('history_entry', historyEntries, 'Condition');
export const socialHistoryKind = chartKind('social_history', socialHistory, 'Observation');

/** Shared by the clinic's doctors; about no patient. */
export const noteTemplateKind = defineRecordKind({
  name: 'note_template',
  table: noteTemplates,
  fhirResource: 'Basic',
  conflictMessage: () => t('errors.chart.someoneElseChanged'),
  notFoundMessage: () => t('errors.chart.notFound'),
});

/** One doctor's own; about no patient. */
export const noteSnippetKind = defineRecordKind({
  name: 'note_snippet',
  table: noteSnippets,
  fhirResource: 'Basic',
  conflictMessage: () => t('errors.chart.someoneElseChanged'),
  notFoundMessage: () => t('errors.chart.notFound'),
});

export const CHART_KINDS = [
  visitKind,
  noteKind,
  noteTemplateKind,
  noteSnippetKind,
  vitalsKind,
  problemKind,
  allergyKind,
  medicationKind,
  immunizationKind,
  historyEntryKind,
  socialHistoryKind,
] as const;
