import type { Actor, ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { RecordWriter } from '../../records/record-writer';
import { visitKind } from '../chart-kinds';

/**
 * Marks the visit in progress that came from this appointment finished, in the caller's transaction:
 * "Done" in the queue and Finish visit are one act (issue 9 part 1), whichever the doctor presses.
 * Kept apart from visit-service.ts so the appointments' status flow can call it without a cycle.
 */
export function finishVisitOfAppointment(ctx: ServiceContext, appointmentId: string, actor: Actor, at: string): void {
  const open = preparedOnce(
    ctx.db.sqlite,
    `SELECT id, version FROM visits WHERE appointment_id = ? AND status = 'in_progress' AND deleted_at IS NULL`,
  ).all(appointmentId) as { id: string; version: number }[];
  if (open.length === 0) return;
  const writer = new RecordWriter(ctx);
  for (const visit of open) {
    writer.update(
      visitKind,
      visit.id,
      visit.version,
      { status: 'finished', finished_at: at },
      { actor, at, audit: { action: 'visit.finish', details: `appointment ${appointmentId} done` } },
    );
  }
}
