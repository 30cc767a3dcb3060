import { mayCall, AUDIT_NAMES_ROLES } from '../../../shared/access';
import type { Actor, ServiceContext } from '../context';
import { actorOf } from '../ipc/actor';
import type { HandlerRegistry } from '../ipc/handler-registry';
import { clinicTimeZone } from '../settings/settings-service';
import { auditIntegrity } from './audit-integrity';
import { AuditPatientFinder } from './audit-find-patient';
import { exportAuditCsv, listAudit, verifyAuditOnDemand, type AuditReader } from './audit-service';

/** Patients' names are for clinical staff: an administrator who is not one sees record numbers. */
const readerOf = (actor: Actor): AuditReader => ({ patientNames: mayCall(AUDIT_NAMES_ROLES, actor.roles) });

export function registerAuditHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  const finder = new AuditPatientFinder(ctx);
  registry
    .register('audit.findPatient', (input, { actor }) => finder.find(input.text, readerOf(actorOf(actor))))
    .register('audit.list', (input, { actor }) => listAudit(ctx, input, clinicTimeZone(ctx), readerOf(actorOf(actor))))
    .register('audit.exportCsv', (input, { actor }) =>
      exportAuditCsv(ctx, input, clinicTimeZone(ctx), actorOf(actor), readerOf(actorOf(actor))),
    )
    .register('audit.integrity', () => auditIntegrity(ctx))
    .register('audit.verify', (_input, { actor }) => verifyAuditOnDemand(ctx, actorOf(actor)));
}
