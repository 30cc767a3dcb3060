import type { ServiceContext } from '../../context';
import { actorOf } from '../../ipc/actor';
import type { HandlerRegistry } from '../../ipc/handler-registry';
import { registerHistoryHandlers } from '../history/history-handlers';
import { registerImmunizationHandlers } from '../immunizations/immunization-handlers';
import { MedicationService } from './medication-service';

/** The chart's medications, immunizations and history (shared/chart-contract/medications.ts). */
export function registerMedicationHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  const medications = new MedicationService(ctx);
  registry
    .register('medications.list', (input, { actor }) => medications.list(input.patientId, actorOf(actor)))
    .register('medications.add', (input, { actor }) =>
      medications.add(input.patientId, input.medication, actorOf(actor)),
    )
    .register('medications.update', (input, { actor }) =>
      medications.update(input.id, input.version, input.medication, actorOf(actor)),
    )
    .register('medications.stop', (input, { actor }) =>
      medications.stop(input.id, input.version, input.stopDate, input.reason, actorOf(actor)),
    )
    .register('medications.reconcile', (input, { actor }) =>
      medications.reconcile(input.patientId, input.lines, actorOf(actor)),
    );
  registerImmunizationHandlers(ctx, registry);
  registerHistoryHandlers(ctx, registry);
}
