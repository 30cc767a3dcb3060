import type { ServiceContext } from '../../context';
import { actorOf } from '../../ipc/actor';
import type { HandlerRegistry } from '../../ipc/handler-registry';
import { ImmunizationService } from './immunization-service';

export function registerImmunizationHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  const immunizations = new ImmunizationService(ctx);
  registry
    .register('immunizations.list', (input, { actor }) => immunizations.list(input.patientId, actorOf(actor)))
    .register('immunizations.searchVaccines', (input) => immunizations.searchVaccines(input.text, input.limit))
    .register('immunizations.add', (input, { actor }) =>
      immunizations.add(input.patientId, input.immunization, actorOf(actor)),
    )
    .register('immunizations.update', (input, { actor }) =>
      immunizations.update(input.id, input.version, input.immunization, actorOf(actor)),
    );
}
