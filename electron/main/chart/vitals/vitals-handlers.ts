import type { ServiceContext } from '../../context';
import { actorOf } from '../../ipc/actor';
import type { HandlerRegistry } from '../../ipc/handler-registry';
import { GrowthService } from './growth-service';
import { VitalsService } from './vitals-service';

export function registerVitalsHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  const vitals = new VitalsService(ctx);
  const growth = new GrowthService(ctx);
  registry
    .register('vitals.record', (input, { actor }) => vitals.record(input, actorOf(actor)))
    .register('vitals.update', (input, { actor }) => vitals.update(input, actorOf(actor)))
    .register('vitals.list', (input, { actor }) =>
      vitals.list(input.patientId, input.limit, input.offset, actorOf(actor)),
    )
    .register('vitals.trend', (input, { actor }) =>
      vitals.trend(input.patientId, input.measure, input.limit, actorOf(actor)),
    )
    .register('vitals.growth', (input, { actor }) =>
      growth.chart(input.patientId, input.measure, input.range, actorOf(actor)),
    );
}
