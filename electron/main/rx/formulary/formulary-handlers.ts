import type { ServiceContext } from '../../context';
import { actorOf } from '../../ipc/actor';
import type { HandlerRegistry } from '../../ipc/handler-registry';
import { FormularyService } from './formulary-service';

/** The drug catalogue and the clinic's formulary (shared/rx-contract/drugs.ts). */
export function registerDrugHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  const formulary = new FormularyService(ctx);
  registry
    .register('rx.drugs.search', (input, { actor }) => formulary.search(input.text, input.limit, actorOf(actor)))
    .register('rx.drugs.favourite', (input, { actor }) =>
      formulary.setFavourite(input.productId, input.favourite, actorOf(actor)),
    )
    .register('rx.formulary.list', (input, { actor }) => formulary.list(input.text, actorOf(actor)))
    .register('rx.formulary.add', (input, { actor }) => formulary.add(input, actorOf(actor)))
    .register('rx.formulary.update', (input, { actor }) =>
      formulary.update(input.id, input.version, input.product, actorOf(actor)),
    )
    .register('rx.formulary.remove', (input, { actor }) => formulary.remove(input.id, input.version, actorOf(actor)))
    .register('rx.formulary.importCsv', (input, { actor }) => formulary.importCsv(input.csv, actorOf(actor)));
}
