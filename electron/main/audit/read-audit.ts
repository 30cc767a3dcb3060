import type { AuditAction } from '../../../shared/domain/audit';
import type { Actor, ServiceContext } from '../context';
import { appendAudit } from './audit-service';
import { viewTransaction } from '../db/view-transaction';

interface PendingRead {
  /** When it was shown (ms since the epoch; made an ISO time at the flush, off the request's path). */
  atMs: number;
  actor: { readonly userId: string | null; readonly username: string };
  action: AuditAction;
  patientIds: readonly string[];
  outcome: 'success' | 'denied';
  details: string;
}

/**
 * Who saw which patients in lists (search results, duplicate checks, the day and week book, the
 * queue, the front desk's day, reminders, the audit screen) and which calls were refused. These
 * reads happen on every keystroke and refresh, so they are buffered in memory and written together
 * at most FLUSH_AFTER_MS later, in one transaction, keeping search within its speed target. What a
 * crash can lose: the list reads of the last second before it (never a change: changes, record
 * views, exports and printouts are audited in their own transaction). Closing the core flushes.
 */
export const FLUSH_AFTER_MS = 1000;

class ReadAuditBuffer {
  private pending: PendingRead[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly ctx: ServiceContext) {}

  add(read: PendingRead): void {
    this.pending.push(read);
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), FLUSH_AFTER_MS);
      // A pending flush must not keep a test or a closing process alive; close() flushes.
      this.timer.unref?.();
    }
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const reads = this.pending.splice(0);
    if (!reads.length || !this.ctx.db.sqlite.open) return;
    viewTransaction(this.ctx.db.sqlite, () => {
      for (const read of reads) {
        const patientIds = [...new Set(read.patientIds)];
        appendAudit(this.ctx.db.sqlite, {
          at: new Date(read.atMs).toISOString(),
          userId: read.actor.userId,
          username: read.actor.username,
          action: read.action,
          patientId: patientIds.length === 1 ? patientIds[0] : null,
          patientIds: patientIds.length > 1 ? patientIds : [],
          outcome: read.outcome,
          details: read.details || `${patientIds.length} patient${patientIds.length === 1 ? '' : 's'} shown`,
        });
      }
    });
  }
}

const buffers = new WeakMap<ServiceContext, ReadAuditBuffer>();

function bufferOf(ctx: ServiceContext): ReadAuditBuffer {
  let buffer = buffers.get(ctx);
  if (!buffer) {
    buffer = new ReadAuditBuffer(ctx);
    buffers.set(ctx, buffer);
  }
  return buffer;
}

/** Records that a list showed these patients to this person (nothing is recorded for an empty list). */
export function auditShown(
  ctx: ServiceContext,
  actor: Actor,
  action: AuditAction,
  patientIds: readonly string[],
  details = '',
): void {
  // On every search keystroke: only a push here; de-duplicating and wording wait for the flush.
  if (patientIds.length === 0) return;
  bufferOf(ctx).add({ atMs: ctx.now().getTime(), actor, action, patientIds, outcome: 'success', details });
}

/** Records a call the dispatcher refused (not signed in, locked, or not allowed for the role). */
export function auditRefused(
  ctx: ServiceContext,
  who: { userId: string | null; username: string },
  channel: string,
  code: string,
): void {
  bufferOf(ctx).add({
    atMs: ctx.now().getTime(),
    actor: who,
    action: 'access.refused',
    patientIds: [],
    outcome: 'denied',
    details: `${channel}: ${code}`,
  });
}

/** Writes every buffered read now (on close, and in tests). */
export function flushReadAudit(ctx: ServiceContext): void {
  buffers.get(ctx)?.flush();
}
