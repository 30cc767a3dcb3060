import type Database from 'better-sqlite3';
import { preparedOnce } from '../../db/records';
import type { PreviousLabValue } from './interpret';

/**
 * The patient's latest live numeric value of a test taken before `before` (the delta check's
 * comparison), in the unit it is stored in. Reads lab_results_trend_idx (patient, code, time).
 */
export function previousNumericResult(
  db: Database.Database,
  patientId: string,
  code: string,
  before: string,
  unit: string | null,
): PreviousLabValue | null {
  const row = preparedOnce(
    db,
    `SELECT value_num AS valueNum, observed_at AS observedAt FROM lab_results
      WHERE patient_id = ? AND code = ? AND observed_at < ? AND deleted_at IS NULL
        AND value_num IS NOT NULL AND comparator IS NULL AND status != 'cancelled' AND unit IS ?
      ORDER BY observed_at DESC LIMIT 1`,
  ).get(patientId, code, before, unit) as PreviousLabValue | undefined;
  return row ?? null;
}
