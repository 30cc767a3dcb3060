import type { ServiceContext } from '../../context';
import { actorOf } from '../../ipc/actor';
import type { HandlerRegistry } from '../../ipc/handler-registry';
import { HistoryService } from './history-service';

export function registerHistoryHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  const history = new HistoryService(ctx);
  registry
    .register('history.get', (input, { actor }) => history.get(input.patientId, actorOf(actor)))
    .register('history.addEntry', (input, { actor }) => history.addEntry(input.patientId, input.entry, actorOf(actor)))
    .register('history.updateEntry', (input, { actor }) =>
      history.updateEntry(input.id, input.version, input.entry, actorOf(actor)),
    )
    .register('history.removeEntry', (input, { actor }) => history.removeEntry(input.id, input.version, actorOf(actor)))
    .register('history.saveSocial', (input, { actor }) =>
      history.saveSocial(input.patientId, input.record, input.social, actorOf(actor)),
    );
}
