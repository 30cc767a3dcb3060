import type { ServiceContext } from '../../context';
import { actorOf } from '../../ipc/actor';
import type { HandlerRegistry } from '../../ipc/handler-registry';
import { LabCatalogueService } from '../catalogue/lab-catalogue-service';
import { ManualResultsService } from '../results/manual-results-service';
import { LabOrderService } from './lab-order-service';

/** Channels of shared/lab-contract/orders.ts (the requisition's print channels are in printing/print-handlers.ts). */
export function registerLabOrderHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  const catalogue = new LabCatalogueService(ctx);
  const orders = new LabOrderService(ctx);
  const results = new ManualResultsService(ctx);
  registry
    .register('labs.catalogue.search', (input, { actor }) => {
      actorOf(actor);
      return catalogue.search(input.text, input.limit, input.includeHidden);
    })
    .register('labs.catalogue.get', (input, { actor }) => {
      actorOf(actor);
      return catalogue.get(input.code);
    })
    .register('labs.catalogue.add', (input, { actor }) => catalogue.add(input, actorOf(actor)))
    .register('labs.catalogue.update', (input, { actor }) => catalogue.update(input, actorOf(actor)))
    .register('labs.orders.create', (input, { actor }) => orders.create(input, actorOf(actor)))
    .register('labs.orders.list', (input, { actor }) => orders.list(input.patientId, input.visitId, actorOf(actor)))
    .register('labs.orders.get', (input, { actor }) => orders.get(input.orderId, actorOf(actor)))
    .register('labs.orders.collect', (input, { actor }) => orders.collect(input.orderId, input.version, actorOf(actor)))
    .register('labs.orders.cancel', (input, { actor }) =>
      orders.cancel(input.orderId, input.version, input.reason, actorOf(actor)),
    )
    .register('labs.results.enter', (input, { actor }) => results.enter(input, actorOf(actor)));
}
