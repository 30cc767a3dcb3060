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
  count(x.id) AS result_count,
  coalesce(sum(x.critical = 1 OR x.flag IN ('LL', 'HH', 'AA')), 0) AS critical_count,
  coalesce(sum(x.flag IS NOT NULL AND x.flag <> 'N' AND NOT (x.critical = 1 OR x.flag IN ('LL', 'HH', 'AA'))), 0) AS abnormal_count`;

/** Live results of report `r`, as joined by the queries here. */
export const LIVE_RESULTS_OF_R = `lab_results x ON x.report_id = r.id AND x.deleted_at IS NULL AND x.status <> 'cancelled'`;

export function priorityOf(counts: { critical_count: number; abnormal_count: number }): LabPriority {
  return counts.critical_count > 0 ? 'critical' : counts.abnormal_count > 0 ? 'abnormal' : 'normal';
}

interface InboxRow {
  id: string;
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
  observed_at: string;
  result_count: number;
  critical_count: number;
  abnormal_count: number;
}

/**
 * The doctor's unreviewed reports, ranked in SQL: critical first, then abnormal, then the rest,
 * newest sample first within each. lab_reports_inbox_idx (doctor_id, reviewed_at) finds the
 * reports; each one's results are read by lab_results_report_idx.
 */
export function readInbox(db: Database.Database, doctorId: string, limit: number): LabInboxItem[] {
  const rows = preparedOnce(
    db,
    `SELECT r.id, r.version, r.patient_id, p.given_names, p.family_name, p.mrn, r.code, r.name, r.performer,
            r.source, r.status, r.observed_at, ${RESULT_COUNTS}
     FROM lab_reports r
     JOIN patients p ON p.id = r.patient_id
     LEFT JOIN ${LIVE_RESULTS_OF_R}
     WHERE r.doctor_id = ? AND r.reviewed_at IS NULL AND r.deleted_at IS NULL AND p.deleted_at IS NULL
     GROUP BY r.id
     ORDER BY critical_count > 0 DESC, abnormal_count > 0 DESC, r.observed_at DESC, r.id DESC
     LIMIT ?`,
  ).all(doctorId, limit) as InboxRow[];
  return rows.map((r) => ({
    reportId: r.id,
    version: r.version,
    patientId: r.patient_id,
    patientName: `${r.given_names} ${r.family_name}`.trim(),
    patientMrn: r.mrn,
    code: r.code,
    name: r.name,
    performer: r.performer,
    source: r.source as LabSource,
    status: r.status as LabResultStatus,
    observedAt: r.observed_at,
    priority: priorityOf(r),
    resultCount: r.result_count,
    abnormalCount: r.abnormal_count,
    criticalCount: r.critical_count,
  }));
}

/** How many unreviewed reports wait for the doctor, by priority (the navigation's badge). */
export function readInboxCounts(db: Database.Database, doctorId: string): LabInboxCounts {
  const row = preparedOnce(
    db,
    `SELECT coalesce(sum(critical_count > 0), 0) AS critical,
            coalesce(sum(critical_count = 0 AND abnormal_count > 0), 0) AS abnormal,
            count(*) AS total
     FROM (SELECT ${RESULT_COUNTS}
           FROM lab_reports r
           JOIN patients p ON p.id = r.patient_id
           LEFT JOIN ${LIVE_RESULTS_OF_R}
           WHERE r.doctor_id = ? AND r.reviewed_at IS NULL AND r.deleted_at IS NULL AND p.deleted_at IS NULL
           GROUP BY r.id)`,
  ).get(doctorId) as { critical: number; abnormal: number; total: number };
  return { ...row, normal: row.total - row.critical - row.abnormal };
}
