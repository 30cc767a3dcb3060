import type { ServiceContext } from '../../context';
import { actorOf } from '../../ipc/actor';
import type { HandlerRegistry } from '../../ipc/handler-registry';
import { ChartOverviewService } from './chart-overview-service';

export function registerChartOverviewHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  const overview = new ChartOverviewService(ctx);
  registry.register('chart.overview', (input, { actor }) => overview.overview(input.patientId, actorOf(actor)));
}
