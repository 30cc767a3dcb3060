import type { ServiceContext } from '../context';
import { actorOf } from '../ipc/actor';
import type { HandlerRegistry } from '../ipc/handler-registry';
import { clinicTimeZone } from '../settings/settings-service';
import { auditIntegrity } from './audit-integrity';
import { exportAuditCsv, listAudit, verifyAuditOnDemand } from './audit-service';

export function registerAuditHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  registry
    .register('audit.list', (input) => listAudit(ctx, input, clinicTimeZone(ctx)))
    .register('audit.exportCsv', (input, { actor }) => exportAuditCsv(ctx, input, clinicTimeZone(ctx), actorOf(actor)))
    .register('audit.integrity', () => auditIntegrity(ctx))
    .register('audit.verify', (_input, { actor }) => verifyAuditOnDemand(ctx, actorOf(actor)));
}
