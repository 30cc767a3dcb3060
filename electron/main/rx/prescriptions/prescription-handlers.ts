import type { ServiceContext } from '../../context';
import { actorOf } from '../../ipc/actor';
import type { HandlerRegistry } from '../../ipc/handler-registry';
import { PrescriptionService } from './prescription-service';
import { rxEngine } from './rx-engine-default';

/** The prescription record's channels (shared/rx-contract/prescriptions.ts). */
export function registerPrescriptionHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  const rx = new PrescriptionService(ctx, rxEngine(ctx));
  registry
    .register('prescriptions.createDraft', (input, { actor }) => rx.createDraft(input.visitId, actorOf(actor)))
    .register('prescriptions.get', (input, { actor }) => rx.get(input.id, actorOf(actor)))
    .register('prescriptions.list', (input, { actor }) => rx.list(input.patientId, actorOf(actor)))
    .register('prescriptions.patientContext', (input, { actor }) => rx.patientContext(input.patientId, actorOf(actor)))
    .register('prescriptions.addItem', (input, { actor }) =>
      rx.addItem(input.prescriptionId, input.item, input.overrides, actorOf(actor)),
    )
    .register('prescriptions.updateItem', (input, { actor }) =>
      rx.updateItem(input.itemId, input.version, input.item, input.overrides, actorOf(actor)),
    )
    .register('prescriptions.removeItem', (input, { actor }) =>
      rx.removeItem(input.itemId, input.version, actorOf(actor)),
    )
    .register('prescriptions.overrideAlert', (input, { actor }) =>
      rx.overrideAlert(input.itemId, input.ruleId, input.reason, actorOf(actor)),
    )
    .register('prescriptions.sign', (input, { actor }) =>
      rx.sign(input.id, input.version, input.overrides, actorOf(actor)),
    )
    .register('prescriptions.cancel', (input, { actor }) =>
      rx.cancel(input.id, input.version, input.reason, actorOf(actor)),
    )
    .register('prescriptions.change', (input, { actor }) =>
      rx.change(input.id, input.version, input.reason, actorOf(actor)),
    )
    .register('prescriptions.repeatLast', (input, { actor }) => rx.repeatLast(input.visitId, actorOf(actor)))
    .register('prescriptions.renewChronic', (input, { actor }) => rx.renewChronic(input.visitId, actorOf(actor)))
    .register('prescriptions.favourites', (_input, { actor }) => rx.favourites(actorOf(actor)))
    .register('prescriptions.saveFavourite', (input, { actor }) =>
      rx.saveFavourite(input.label, input.item, actorOf(actor)),
    )
    .register('prescriptions.removeFavourite', (input, { actor }) =>
      rx.removeFavourite(input.id, input.version, actorOf(actor)),
    )
    .register('rxReport.alerts', (input, { actor }) => rx.alertReport(input.from, input.to, actorOf(actor)));
}
