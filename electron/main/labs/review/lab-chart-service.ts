import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';
import type { LabFlag, LabResultStatus, LabValueType } from '../../../../shared/domain/lab';
import {
  labRangeText,
  labValueText,
  resultPriority,
  type LabCumulative,
  type LabPatientReports,
  type LabTrend,
} from '../../../../shared/domain/lab-review';
import { auditShown } from '../../audit/read-audit';
import type { Actor, ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { LIVE_RESULTS_OF_R, RESULT_COUNTS, priorityOf } from './lab-inbox';
import { toResultView, type LabResultRow } from './lab-result-rows';

const MOST_FLAGGED = 6;
const URGENCY = { critical: 0, abnormal: 1, normal: 2 } as const;

interface PatientReportRow {
  id: string;
  version: number;
  code: string;
  name: string;
  performer: string;
  status: string;
  observed_at: string;
  reviewed_at: string | null;
  result_count: number;
  critical_count: number;
  abnormal_count: number;
}

type TrendRow = [
  id: string,
  reportId: string,
  observedAt: string,
  valueNum: number | null,
  comparator: string | null,
  valueText: string,
  unit: string | null,
  refLow: number | null,
  refHigh: number | null,
  refText: string,
  flag: string | null,
  critical: number,
  name: string,
  valueType: string,
];

/**
 * A patient's lab results on the chart (issue 11, parts 5-6): the reports list with new ones marked,
 * one test over time, and a panel's tests by dates. Each read is a chart section shown to a doctor,
 * recorded through the read-audit buffer as the chart's other panels are (docs/ARCHITECTURE.md, "The
 * chart"), so a trend keeps its speed target; opening one report is a record view
 * (LabReviewService.report).
 */
export class LabChartService {
  private readonly db: Database.Database;

  constructor(private readonly ctx: ServiceContext) {
    this.db = ctx.db.sqlite;
  }

  patientReports(patientId: string, limit: number, actor: Actor): LabPatientReports {
    this.livePatient(patientId);
    const value = this.db.transaction(() => this.section(patientId, limit))();
    auditShown(this.ctx, actor, 'lab.result_view', [patientId], `lab reports (${value.reports.length})`);
    return value;
  }

  /** The newest `limit` reports with their counts and most flagged results; unaudited, for patientReports() and the chart overview. */
  section(patientId: string, limit: number): LabPatientReports {
    const { reports, totals } = {
      reports: preparedOnce(
        this.db,
        `SELECT r.id, r.version, r.code, r.name, r.performer, r.status, r.observed_at, r.reviewed_at, ${RESULT_COUNTS}
         FROM lab_reports r LEFT JOIN ${LIVE_RESULTS_OF_R}
         WHERE r.patient_id = ? AND r.deleted_at IS NULL
         GROUP BY r.id ORDER BY r.observed_at DESC, r.id DESC LIMIT ?`,
      ).all(patientId, limit) as PatientReportRow[],
      totals: preparedOnce(
        this.db,
        `SELECT count(*) AS total, coalesce(sum(reviewed_at IS NULL), 0) AS unreviewed
         FROM lab_reports WHERE patient_id = ? AND deleted_at IS NULL`,
      ).get(patientId) as { total: number; unreviewed: number },
    };
    const resultsOf = preparedOnce(
      this.db,
      `SELECT * FROM lab_results WHERE report_id = ? AND deleted_at IS NULL AND status <> 'cancelled'
       ORDER BY position, id`,
    );
    return {
      ...totals,
      reports: reports.map((r) => {
        const results = (resultsOf.all(r.id) as LabResultRow[]).map(toResultView);
        const flagged = results
          .map((v) => ({ v, p: resultPriority(v) }))
          .filter(({ p }) => p !== 'normal')
          .sort((a, b) => URGENCY[a.p] - URGENCY[b.p])
          .slice(0, MOST_FLAGGED)
          .map(({ v }) => ({ code: v.code, name: v.name, value: labValueText(v), flag: v.flag, critical: v.critical }));
        const numeric = new Map<string, string>();
        for (const v of results) if (v.valueNum !== null && !numeric.has(v.code)) numeric.set(v.code, v.name);
        return {
          id: r.id,
          version: r.version,
          code: r.code,
          name: r.name,
          performer: r.performer,
          status: r.status as LabResultStatus,
          observedAt: r.observed_at,
          reviewed: r.reviewed_at !== null,
          priority: priorityOf(r),
          resultCount: r.result_count,
          flagged,
          numericCodes: [...numeric].map(([code, name]) => ({ code, name })),
        };
      }),
    };
  }

  /**
   * One test's last `limit` results, oldest first, each with the range it was judged by. Read newest
   * first on lab_results_trend_idx (patient_id, code, observed_at) and turned around here.
   */
  trend(patientId: string, code: string, limit: number, actor: Actor): LabTrend {
    this.livePatient(patientId);
    const rows = preparedOnce(
      this.db,
      `SELECT x.id, x.report_id, x.observed_at, x.value_num, x.comparator, x.value_text, x.unit, x.ref_low,
              x.ref_high, x.ref_text, x.flag, x.critical, x.name, x.value_type
       FROM lab_results x JOIN lab_reports r ON r.id = x.report_id
       WHERE x.patient_id = ? AND x.code = ? AND x.deleted_at IS NULL AND x.status <> 'cancelled'
         AND r.deleted_at IS NULL
       ORDER BY x.observed_at DESC LIMIT ?`,
    )
      .raw()
      .all(patientId, code, limit) as TrendRow[];
    auditShown(this.ctx, actor, 'lab.trend_view', [patientId], `trend: ${code}`);
    const points = new Array<LabTrend['points'][number]>(rows.length);
    const units = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) {
      const [
        id,
        reportId,
        observedAt,
        valueNum,
        comparator,
        valueText,
        unit,
        refLow,
        refHigh,
        refText,
        flag,
        critical,
      ] = rows[rows.length - 1 - i]!;
      if (valueNum !== null && unit) units.set(unit, (units.get(unit) ?? 0) + 1);
      points[i] = {
        resultId: id,
        reportId,
        observedAt,
        valueNum,
        comparator,
        valueText,
        unit,
        refLow,
        refHigh,
        refText,
        flag: flag as LabFlag | null,
        critical: critical === 1,
      };
    }
    const newest = rows[0];
    let unit: string | null = null;
    for (const [u, n] of units) if (unit === null || n > units.get(unit)!) unit = u;
    return {
      code,
      name: newest?.[12] ?? code,
      unit,
      valueType: (newest?.[13] as LabValueType | undefined) ?? 'numeric',
      points,
    };
  }

  /** The patient's last `limit` reports of a panel, oldest first, as a table of its tests by date. */
  cumulative(patientId: string, reportCode: string, limit: number, actor: Actor): LabCumulative {
    this.livePatient(patientId);
    const reports = (
      preparedOnce(
        this.db,
        `SELECT id, observed_at, name FROM lab_reports WHERE patient_id = ? AND code = ? AND deleted_at IS NULL
         ORDER BY observed_at DESC, id DESC LIMIT ?`,
      ).all(patientId, reportCode, limit) as { id: string; observed_at: string; name: string }[]
    ).reverse();
    const resultsOf = preparedOnce(
      this.db,
      `SELECT * FROM lab_results WHERE report_id = ? AND deleted_at IS NULL AND status <> 'cancelled'
       ORDER BY position, id`,
    );
    type Row = LabCumulative['rows'][number];
    const rows = new Map<string, Row & { order: number }>();
    reports.forEach((report, column) => {
      for (const r of (resultsOf.all(report.id) as LabResultRow[]).map(toResultView)) {
        let row = rows.get(r.code);
        if (!row) {
          row = {
            code: r.code,
            name: r.name,
            unit: r.unit,
            range: '',
            cells: reports.map(() => null),
            order: rows.size,
          };
          rows.set(r.code, row);
        }
        if (row.cells[column]) continue;
        // The newest report's name, unit and range describe the row.
        row.name = r.name;
        row.unit = r.unit ?? row.unit;
        row.range = labRangeText(r) || row.range;
        row.cells[column] = { value: labValueText({ ...r, unit: null }), flag: r.flag, critical: r.critical };
      }
    });
    auditShown(this.ctx, actor, 'lab.trend_view', [patientId], `cumulative: ${reportCode}`);
    return {
      reportCode,
      name: reports[reports.length - 1]?.name ?? reportCode,
      columns: reports.map((r) => ({ reportId: r.id, observedAt: r.observed_at })),
      rows: [...rows.values()].sort((a, b) => a.order - b.order).map(({ order: _order, ...row }) => row),
    };
  }

  private livePatient(patientId: string): void {
    const patient = preparedOnce(this.db, 'SELECT deleted_at FROM patients WHERE id = ?').get(patientId) as
      { deleted_at: string | null } | undefined;
    if (!patient || patient.deleted_at !== null) {
      throw new AppError('NOT_FOUND', t('errors.labs.review.patientNotFound'));
    }
  }
}
