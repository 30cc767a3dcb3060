import type { AuditChainResult, AuditIntegrity } from '../../../shared/domain/audit';
import { isoNow, type ServiceContext } from '../context';
import { ANCHOR_DEBOUNCE_MS, readAuditAnchor, writeAuditAnchor, type AnchorReading } from './audit-anchor';
import { attachAuditChain, chainStarted, sealUnsealedEntries } from './audit-chain';
import { AuditChainWalk } from './verify-audit-chain';

/** Entries a check reads per turn of the event loop: a few milliseconds, so requests are not held up. */
const CHECK_SLICE = 500;

/**
 * The audit chain of one running core (docs/ARCHITECTURE.md, "Audit chain"): seals old entries
 * once, checks the chain at start without holding up start or requests, keeps the last result for
 * administrators, and keeps the anchor file following the log.
 */
class AuditChainGuard {
  private result: AuditChainResult | null = null;
  private checking = true;
  private closed = false;
  private anchorTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly startChecked: Promise<AuditChainResult>;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly dataDir: string,
    private readonly log: (message: string, error: unknown) => void,
  ) {
    const db = ctx.db.sqlite;
    attachAuditChain(db, ctx.keys.audit, () => this.scheduleAnchor());
    const anchor = readAuditAnchor(dataDir, ctx.keys.audit);
    // Only a log that never had a chain is sealed; afterwards an entry without a MAC was added by hand.
    if (anchor.state === 'none' && !chainStarted(db)) sealUnsealedEntries(db);
    this.startChecked = this.checkInSlices(anchor);
    // Closing before the check ends is not an error anyone waits on.
    this.startChecked.catch(() => {});
  }

  private checkInSlices(anchor: AnchorReading): Promise<AuditChainResult> {
    return this.walkInSlices(anchor).catch((error: unknown) => {
      this.checking = false;
      this.log('The audit chain could not be checked at start', error);
      throw error;
    });
  }

  /**
   * Walks the whole chain a slice per turn of the event loop, so requests (and other windows) are
   * answered between slices while a long log is checked; keeps the result for the alarm.
   */
  private walkInSlices(anchor: AnchorReading): Promise<AuditChainResult> {
    const walk = new AuditChainWalk(this.ctx.db.sqlite, this.ctx.keys.audit, anchor);
    return new Promise((resolve, reject) => {
      const slice = () => {
        if (this.closed) return reject(new Error('Chartbook closed before the audit chain was checked.'));
        try {
          if (!walk.step(CHECK_SLICE)) {
            setImmediate(slice);
            return;
          }
          const result = walk.result(isoNow(this.ctx));
          this.finishCheck(result);
          resolve(result);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      setImmediate(slice);
    });
  }

  private finishCheck(result: AuditChainResult): void {
    this.result = result;
    this.checking = false;
    if (!result.ok) this.log(`The audit trail has been altered: ${result.message}`, null);
    this.writeAnchor();
  }

  integrity(): AuditIntegrity {
    return { checking: this.checking, result: this.result };
  }

  whenStartChecked(): Promise<AuditChainResult> {
    return this.startChecked;
  }

  verifyNow(): Promise<AuditChainResult> {
    return this.walkInSlices(readAuditAnchor(this.dataDir, this.ctx.keys.audit));
  }

  private scheduleAnchor(): void {
    if (this.anchorTimer || this.closed) return;
    this.anchorTimer = setTimeout(() => {
      this.anchorTimer = null;
      try {
        this.writeAnchor();
      } catch (error) {
        this.log('The audit anchor could not be written', error);
      }
    }, ANCHOR_DEBOUNCE_MS);
    // A pending anchor must not keep a test or a closing process alive; close() writes it.
    this.anchorTimer.unref?.();
  }

  /**
   * Moves the anchor to the newest committed entry, but only while the chain is known to be whole:
   * during the check at start it waits, and after a break it stays where it was, so the evidence
   * survives a restart. A cut tail is written into the anchor for the same reason.
   */
  private writeAnchor(): void {
    const db = this.ctx.db.sqlite;
    if (this.checking || !this.result || !db.open) return;
    if (db.inTransaction) return this.scheduleAnchor();
    const key = this.ctx.keys.audit;
    const last = db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; mac: string | null } | undefined;
    if (this.result.ok) {
      if (last?.mac) writeAuditAnchor(this.dataDir, key, { seq: last.seq, mac: last.mac, cutAt: null });
      return;
    }
    if (this.result.reason !== 'tail-cut' || this.result.firstBrokenSeq === null) return;
    const anchor = readAuditAnchor(this.dataDir, key);
    if (anchor.state === 'forged' || (anchor.state === 'valid' && anchor.anchor.cutAt !== null)) return;
    const kept = anchor.state === 'valid' ? anchor.anchor : last?.mac ? { seq: last.seq, mac: last.mac } : null;
    if (kept) writeAuditAnchor(this.dataDir, key, { seq: kept.seq, mac: kept.mac, cutAt: this.result.firstBrokenSeq });
  }

  /** On close: the anchor follows the last entries (the read audit was flushed just before). */
  close(): void {
    if (this.anchorTimer) clearTimeout(this.anchorTimer);
    this.anchorTimer = null;
    try {
      this.writeAnchor();
    } catch (error) {
      this.log('The audit anchor could not be written', error);
    }
    this.closed = true;
  }
}

const guards = new WeakMap<ServiceContext, AuditChainGuard>();

function guardOf(ctx: ServiceContext): AuditChainGuard {
  const guard = guards.get(ctx);
  if (!guard) throw new Error('The audit chain was not started for this core (see core.ts).');
  return guard;
}

/** At core start, before anything writes: attach the chain, seal old entries, start the check. */
export function startAuditChain(
  ctx: ServiceContext,
  dataDir: string,
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
): void {
  guards.set(ctx, new AuditChainGuard(ctx, dataDir, log));
}

export function closeAuditChain(ctx: ServiceContext): void {
  guards.get(ctx)?.close();
}

/** The last result, for the administrators' alarm (audit.integrity). */
export function auditIntegrity(ctx: ServiceContext): AuditIntegrity {
  return guardOf(ctx).integrity();
}

/** Resolves when the check at start has finished (tests, and whoever must wait for it). */
export function auditStartCheck(ctx: ServiceContext): Promise<AuditChainResult> {
  return guardOf(ctx).whenStartChecked();
}

/** verifyAuditChain(ctx): walks the whole chain now (in slices), keeps the result for the alarm and returns it. */
export function verifyAuditChain(ctx: ServiceContext): Promise<AuditChainResult> {
  return guardOf(ctx).verifyNow();
}
