import type Database from 'better-sqlite3';
import type { LabOrderStatus } from '../../../shared/domain/lab';
import { preparedOnce } from '../db/records';
import type { RecordWriter, WriteOptions } from '../records/record-writer';
import { labOrderKind } from './lab-kinds';

/**
 * An order's status follows its results (issue 11, part 2): results entered by hand and imported
 * ones both call `syncOrderStatus` in their own transaction after writing, so the two ways in agree.
 *
 * - an ordered test or panel is answered when a live report on the order has its code, or a live
 *   result on the order has its code or points at it (`order_test_id`);
 * - none answered: the status stays as it was (ordered or collected);
 * - some: partial; all: resulted; all, and every report on the order acknowledged: reviewed;
 * - a cancelled order stays cancelled (a late result still lands on the patient, and the inbox).
 */
export function orderStatusFrom(
  current: LabOrderStatus,
  tests: number,
  answered: number,
  reports: number,
  unreviewedReports: number,
): LabOrderStatus {
  if (current === 'cancelled') return current;
  if (answered === 0) return current === 'collected' ? 'collected' : 'ordered';
  if (answered < tests) return 'partial';
  return reports > 0 && unreviewedReports === 0 ? 'reviewed' : 'resulted';
}

interface Counts {
  tests: number;
  answered: number;
  reports: number;
  unreviewed: number;
}

function countsFor(db: Database.Database, orderId: string): Counts {
  return preparedOnce(
    db,
    `SELECT
       (SELECT count(*) FROM lab_order_tests t WHERE t.order_id = @order AND t.deleted_at IS NULL) AS tests,
       (SELECT count(*) FROM lab_order_tests t
          WHERE t.order_id = @order AND t.deleted_at IS NULL AND (
            EXISTS (SELECT 1 FROM lab_reports r WHERE r.order_id = @order AND r.deleted_at IS NULL
                      AND r.status <> 'cancelled' AND r.code = t.code)
            OR EXISTS (SELECT 1 FROM lab_results x JOIN lab_reports r ON r.id = x.report_id
                      WHERE r.order_id = @order AND r.deleted_at IS NULL AND x.deleted_at IS NULL
                        AND x.status <> 'cancelled' AND (x.order_test_id = t.id OR x.code = t.code)))) AS answered,
       (SELECT count(*) FROM lab_reports r WHERE r.order_id = @order AND r.deleted_at IS NULL) AS reports,
       (SELECT count(*) FROM lab_reports r WHERE r.order_id = @order AND r.deleted_at IS NULL
          AND r.reviewed_at IS NULL) AS unreviewed`,
  ).get({ order: orderId }) as Counts;
}

/** Moves the order to the status its results give, through the record writer (audited with `options`). */
export function syncOrderStatus(
  db: Database.Database,
  writer: RecordWriter,
  orderId: string,
  options: WriteOptions,
): LabOrderStatus {
  const order = writer.load(labOrderKind, orderId);
  if (!order) return 'cancelled';
  const current = order.status as LabOrderStatus;
  const c = countsFor(db, orderId);
  const next = orderStatusFrom(current, c.tests, c.answered, c.reports, c.unreviewed);
  if (next !== current) writer.update(labOrderKind, orderId, order.version, { status: next }, options);
  return next;
}
