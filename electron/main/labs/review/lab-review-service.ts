import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';
import type { LabResultStatus, LabSource } from '../../../../shared/domain/lab';
import {
  reportPriority,
  type LabAcknowledgeInput,
  type LabInbox,
  type LabInboxCounts,
  type LabReportDetail,
} from '../../../../shared/domain/lab-review';
import { appendAudit } from '../../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { viewTransaction } from '../../db/view-transaction';
import { t } from '../../i18n/translate';
import { RecordWriter } from '../../records/record-writer';
import { labReportKind } from '../lab-kinds';
import { syncOrderStatus } from '../order-status';
import { readInbox, readInboxCounts } from './lab-inbox';
import { toResultView, type LabResultRow } from './lab-result-rows';

interface ReportRow {
  id: string;
  version: number;
  patient_id: string;
  order_id: string | null;
  order_number: string | null;
  given_names: string;
  family_name: string;
  mrn: string;
  patient_deleted_at: string | null;
  code: string;
  name: string;
  source: string;
  performer: string;
  status: string;
  observed_at: string;
  issued_at: string | null;
  comment: string;
  doctor_id: string | null;
  doctor_name: string | null;
  reviewed_at: string | null;
  reviewed_by_name: string | null;
  review_comment: string;
}

const REPORT_SQL = `SELECT r.id, r.version, r.patient_id, r.order_id, o.number AS order_number, p.given_names,
    p.family_name, p.mrn, p.deleted_at AS patient_deleted_at, r.code, r.name, r.source, r.performer, r.status,
    r.observed_at, r.issued_at, r.comment, r.doctor_id, d.display_name AS doctor_name, r.reviewed_at,
    rv.display_name AS reviewed_by_name, r.review_comment
  FROM lab_reports r
  JOIN patients p ON p.id = r.patient_id
  LEFT JOIN lab_orders o ON o.id = r.order_id
  LEFT JOIN users d ON d.id = r.doctor_id
  LEFT JOIN users rv ON rv.id = r.reviewed_by
  WHERE r.id = ? AND r.deleted_at IS NULL`;

/** A report's live results in report order (cancelled ones included: the report view says so). */
export function reportResults(db: Database.Database, reportId: string): LabResultRow[] {
  return preparedOnce(
    db,
    'SELECT * FROM lab_results WHERE report_id = ? AND deleted_at IS NULL ORDER BY position, id',
  ).all(reportId) as LabResultRow[];
}

/** A live report of a live patient, with names, or undefined. */
export function loadReport(db: Database.Database, reportId: string): ReportRow | undefined {
  const row = preparedOnce(db, REPORT_SQL).get(reportId) as ReportRow | undefined;
  return row && row.patient_deleted_at === null ? row : undefined;
}

/**
 * The results inbox (issue 11, part 5): each doctor's unreviewed reports ranked critical, abnormal,
 * then the rest; acknowledging (one or several, with one comment) in one transaction that also
 * moves each report's order on (labs/order-status.ts). Reads are audited: the inbox through the
 * contract's `shows` (the read-audit buffer), a report as a record view in its own transaction.
 */
export class LabReviewService {
  private readonly db: Database.Database;
  private readonly writer: RecordWriter;

  constructor(private readonly ctx: ServiceContext) {
    this.db = ctx.db.sqlite;
    this.writer = new RecordWriter(ctx);
  }

  inbox(limit: number, actor: Actor): LabInbox {
    // One read transaction, so the list and the reports' details describe the same moment.
    return this.db.transaction(() => readInbox(this.db, actor.userId, limit))();
  }

  /** No patient is shown (numbers only), so nothing is audited. */
  counts(actor: Actor): LabInboxCounts {
    return readInboxCounts(this.db, actor.userId);
  }

  acknowledge(input: LabAcknowledgeInput, actor: Actor): { acknowledged: number; reviewedAt: string } {
    const ids = input.reports.map((r) => r.id);
    if (new Set(ids).size !== ids.length) {
      const message = t('errors.labs.review.sameReportTwice');
      throw new AppError('VALIDATION', message, { reports: message });
    }
    const at = isoNow(this.ctx);
    return this.db
      .transaction(() => {
        const orders = new Set<string>();
        for (const { id, version } of input.reports) {
          const report = loadReport(this.db, id);
          if (!report) throw new AppError('NOT_FOUND', t('errors.labs.review.reportNotFound'));
          if (report.reviewed_at !== null) {
            const message = t('errors.labs.review.alreadyReviewed', {
              name: report.name,
              by: report.reviewed_by_name ?? '',
            });
            throw new AppError('CONFLICT', message);
          }
          this.writer.update(
            labReportKind,
            id,
            version,
            { reviewed_at: at, reviewed_by: actor.userId, review_comment: input.comment },
            {
              actor,
              at,
              audit: {
                action: 'lab.review',
                // Which report, never the comment's words: the audit trail is not the chart.
                details: `acknowledged ${report.code} ${report.name}${input.comment ? ', with a comment' : ''}`,
              },
            },
          );
          if (report.order_id) orders.add(report.order_id);
        }
        for (const orderId of orders) {
          syncOrderStatus(this.db, this.writer, orderId, {
            actor,
            at,
            audit: { action: 'lab.review', details: 'order status after the review' },
          });
        }
        return { acknowledged: input.reports.length, reviewedAt: at };
      })
      .immediate();
  }

  /** Opening a report is a view of patient data: audited in the same transaction as the read. */
  report(reportId: string, actor: Actor): LabReportDetail {
    const detail = viewTransaction(this.db, () => {
      const row = loadReport(this.db, reportId);
      const results = row ? reportResults(this.db, reportId) : [];
      appendAudit(this.db, {
        at: isoNow(this.ctx),
        userId: actor.userId,
        username: actor.username,
        action: 'lab.result_view',
        patientId: row?.patient_id ?? null,
        outcome: row ? 'success' : 'failure',
        details: row ? `report ${row.code} ${row.name}` : `not found: ${reportId}`,
      });
      return row ? { row, results } : null;
    });
    if (!detail) throw new AppError('NOT_FOUND', t('errors.labs.review.reportNotFound'));
    const { row, results } = detail;
    const views = results.map(toResultView);
    return {
      report: {
        id: row.id,
        version: row.version,
        patientId: row.patient_id,
        patientName: `${row.given_names} ${row.family_name}`.trim(),
        patientMrn: row.mrn,
        orderNumber: row.order_number,
        code: row.code,
        name: row.name,
        source: row.source as LabSource,
        performer: row.performer,
        status: row.status as LabResultStatus,
        observedAt: row.observed_at,
        issuedAt: row.issued_at,
        comment: row.comment,
        doctorId: row.doctor_id,
        doctorName: row.doctor_name,
        reviewedAt: row.reviewed_at,
        reviewedByName: row.reviewed_by_name,
        reviewComment: row.review_comment,
        priority: reportPriority(views.filter((v) => v.status !== 'cancelled')),
      },
      results: views,
    };
  }
}
