import type { ServiceContext } from '../context';
import { actorOf } from '../ipc/actor';
import type { HandlerRegistry } from '../ipc/handler-registry';
import { FhirExportService } from './fhir-export-service';

export function registerFhirHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  const fhir = new FhirExportService(ctx);
  registry.register('fhir.exportPatient', (input, { actor }) => fhir.exportPatient(input.patientId, actorOf(actor)));
}
