import type { ServiceContext } from '../context';
import { actorOf } from '../ipc/actor';
import type { HandlerRegistry } from '../ipc/handler-registry';
import { DraftService } from './draft-service';

export function registerDraftHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  const drafts = new DraftService(ctx);
  registry
    .register('drafts.save', (input, { actor }) => drafts.save(input, actorOf(actor)))
    .register('drafts.get', (input, { actor }) => drafts.get(input.kind, input.key, actorOf(actor)))
    .register('drafts.list', (input, { actor }) => drafts.list(input.kind, actorOf(actor)))
    .register('drafts.discard', (input, { actor }) => drafts.discard(input.kind, input.key, actorOf(actor)));
}
