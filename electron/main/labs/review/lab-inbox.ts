import type Database from 'better-sqlite3';
import type { LabInboxCounts, LabInboxItem, LabPriority } from '../../../../shared/domain/lab-review';
import type { LabResultStatus, LabSource } from '../../../../shared/domain/lab';
import { preparedOnce } from '../../db/records';

/**
 * The SQL that ranks a report by its results: 2 when any live result is critical (the lab's mark or
 * a critical flag), 1 when any is flagged other than normal, else 0. Cancelled and deleted results
 * do not count. Shared by the inbox, the counts and the patient's reports so they always agree with
 * `reportPriority` (shared/domain/lab-review.ts), which a unit test holds them to.
 */
export const RESULT_COUNTS = `
  count(x.report_id) AS result_count,
  coalesce(sum(x.critical = 1 OR x.flag IN ('LL', 'HH', 'AA')), 0) AS critical_count,
  coalesce(sum(x.flag IS NOT NULL AND x.flag <> 'N' AND NOT (x.critical = 1 OR x.flag IN ('LL', 'HH', 'AA'))), 0) AS abnormal_count`;

/**
 * Live results of report `r`, as joined by the queries here: every column they read is in
 * lab_results_rank_idx (report_id, deleted_at, status, critical, flag; migration 0016), so ranking
 * a report reads its index entries, never its rows.
 */
export const LIVE_RESULTS_OF_R = `lab_results x INDEXED BY lab_results_rank_idx
  ON x.report_id = r.id AND x.deleted_at IS NULL AND x.status <> 'cancelled'`;

export function priorityOf(counts: { critical_count: number; abnormal_count: number }): LabPriority {
  return counts.critical_count > 0 ? 'critical' : counts.abnormal_count > 0 ? 'abnormal' : 'normal';
}

interface RankRow {
  id: string;
  observed_at: string;
  /** 2 critical, 1 abnormal, 0 (or null: no live result) normal. */
  rank: number | null;
}

interface DetailRow {
  result_count: number;
  critical_count: number;
  abnormal_count: number;
  version: number;
  patient_id: string;
  given_names: string;
  family_name: string;
  mrn: string;
  code: string;
  name: string;
  performer: string;
  source: string;
  status: string;
}

const PRIORITY_OF_RANK: readonly LabPriority[] = ['normal', 'abnormal', 'critical'];

/**
 * Every unreviewed report of the doctor with its rank: its most urgent live result, read from the
 * rank index alone. A correlated max() per report rather than a join grouped by report: no sort of
 * every result, a third of the time (1.5 ms of CPU for 5,000 results).
 */
function rankedReports(db: Database.Database, doctorId: string): RankRow[] {
  return preparedOnce(
    db,
    `SELECT r.id, r.observed_at,
       (SELECT max(CASE WHEN x.critical = 1 OR x.flag IN ('LL', 'HH', 'AA') THEN 2
                        WHEN x.flag IS NOT NULL AND x.flag <> 'N' THEN 1 ELSE 0 END)
        FROM lab_results x INDEXED BY lab_results_rank_idx
        WHERE x.report_id = r.id AND x.deleted_at IS NULL AND x.status <> 'cancelled') AS rank
     FROM lab_reports r
     JOIN patients p ON p.id = r.patient_id AND p.deleted_at IS NULL
     WHERE r.doctor_id = ? AND r.reviewed_at IS NULL AND r.deleted_at IS NULL`,
  ).all(doctorId) as RankRow[];
}

const priorityOfRow = (row: RankRow): LabPriority => PRIORITY_OF_RANK[row.rank ?? 0]!;

function countsOf(rows: readonly RankRow[]): LabInboxCounts {
  const counts = { critical: 0, abnormal: 0, normal: 0, total: rows.length };
  for (const row of rows) counts[priorityOfRow(row)]++;
  return counts;
}

/**
 * The doctor's unreviewed reports, critical first, then abnormal, then the rest, newest sample
 * first within each (ties by id), the first `limit` with their patients; and the counts of all.
 * Ranking runs on the small rank rows; only the reports shown are read whole.
 */
export function readInbox(
  db: Database.Database,
  doctorId: string,
  limit: number,
): { items: LabInboxItem[]; counts: LabInboxCounts } {
  const rows = rankedReports(db, doctorId);
  const ranked = rows
    .map((row) => ({ row, priority: priorityOfRow(row) }))
    .sort(
      (a, b) =>
        (b.row.rank ?? 0) - (a.row.rank ?? 0) ||
        (a.row.observed_at < b.row.observed_at ? 1 : a.row.observed_at > b.row.observed_at ? -1 : 0) ||
        (a.row.id < b.row.id ? 1 : -1),
    )
    .slice(0, limit);
  const detail = preparedOnce(
    db,
    `SELECT r.version, r.patient_id, p.given_names, p.family_name, p.mrn, r.code, r.name, r.performer, r.source,
            r.status, ${RESULT_COUNTS}
     FROM lab_reports r JOIN patients p ON p.id = r.patient_id LEFT JOIN ${LIVE_RESULTS_OF_R}
     WHERE r.id = ?`,
  );
  const items = ranked.map(({ row, priority }) => {
    const d = detail.get(row.id) as DetailRow;
    return {
      reportId: row.id,
      version: d.version,
      patientId: d.patient_id,
      patientName: `${d.given_names} ${d.family_name}`.trim(),
      patientMrn: d.mrn,
      code: d.code,
      name: d.name,
      performer: d.performer,
      source: d.source as LabSource,
      status: d.status as LabResultStatus,
      observedAt: row.observed_at,
      priority,
      resultCount: d.result_count,
      abnormalCount: d.abnormal_count,
      criticalCount: d.critical_count,
    };
  });
  return { items, counts: countsOf(rows) };
}

/** How many unreviewed reports wait for the doctor, by priority (the navigation's badge). */
export function readInboxCounts(db: Database.Database, doctorId: string): LabInboxCounts {
  return countsOf(rankedReports(db, doctorId));
}
