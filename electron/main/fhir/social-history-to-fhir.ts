import type { Observation } from '@medplum/fhirtypes';
import { ALCOHOL_ANSWERS, HISTORY_CODES, PREGNANCY_ANSWERS, SYSTEM, TOBACCO_ANSWERS } from './fhir-codes';
import {
  concept,
  isDeleted,
  metaOf,
  notesOf,
  patientRef,
  practitionerRef,
  statusConcept,
  unknownStatus,
  type SocialHistoryRow,
} from './fhir-common';

const SOCIAL_HISTORY_CATEGORY = [
  { ...statusConcept(SYSTEM.observationCategory, 'social-history'), text: 'Social History' },
];

function answer<T extends Record<string, { code: string }>>(answers: T, value: string): T[keyof T] {
  return (answers[value] as T[keyof T] | undefined) ?? unknownStatus(value);
}

/**
 * The patient's social history record as FHIR R4 Observations (ids `<row id>-<fact>`), effective
 * when last saved: tobacco smoking status, alcohol use, occupation, pregnancy status and last
 * menstrual period. A fact still at its default ('unknown' with nothing written, or never asked)
 * gives no Observation: the record says nothing about it.
 */
export function socialHistoryToFhir(row: SocialHistoryRow): Observation[] {
  const base = (suffix: string) => ({
    resourceType: 'Observation' as const,
    id: `${row.id}-${suffix}`,
    meta: metaOf(row),
    status: isDeleted(row) ? ('entered-in-error' as const) : ('final' as const),
    category: SOCIAL_HISTORY_CATEGORY,
    subject: patientRef(row.patient_id),
    effectiveDateTime: row.updated_at,
    performer: [practitionerRef(row.updated_by)],
  });
  const out: Observation[] = [];
  if (row.tobacco !== 'unknown' || row.tobacco_detail) {
    out.push({
      ...base('tobacco'),
      code: concept(HISTORY_CODES.tobacco),
      valueCodeableConcept: concept(answer(TOBACCO_ANSWERS, row.tobacco)),
      ...notesOf(row.tobacco_detail),
    });
  }
  if (row.alcohol !== 'unknown' || row.alcohol_detail) {
    out.push({
      ...base('alcohol'),
      code: concept(HISTORY_CODES.alcohol),
      valueCodeableConcept: concept(answer(ALCOHOL_ANSWERS, row.alcohol)),
      ...notesOf(row.alcohol_detail),
    });
  }
  if (row.occupation) {
    out.push({ ...base('occupation'), code: concept(HISTORY_CODES.occupation), valueString: row.occupation });
  }
  if (row.pregnancy_status !== null) {
    out.push({
      ...base('pregnancy'),
      code: concept(HISTORY_CODES.pregnancyStatus),
      valueCodeableConcept: concept(answer(PREGNANCY_ANSWERS, row.pregnancy_status)),
    });
  }
  if (row.lmp_date) {
    out.push({ ...base('lmp'), code: concept(HISTORY_CODES.lastMenstrualPeriod), valueDateTime: row.lmp_date });
  }
  return out;
}
