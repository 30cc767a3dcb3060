import type { ServiceContext } from '../context';
import { actorOf } from '../ipc/actor';
import type { HandlerRegistry } from '../ipc/handler-registry';
import { PatientService } from './patient-service';

export function registerPatientHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  const patients = new PatientService(ctx);
  registry
    .register('patients.search', (input) => patients.search(input.text, input.limit))
    .register('patients.get', (input, { actor }) => patients.get(input.id, actorOf(actor)))
    .register('patients.checkDuplicates', (input) => patients.checkDuplicates(input))
    .register('patients.register', (input, { actor }) =>
      patients.register(input.patient, input.confirmedNotDuplicate, actorOf(actor), input.draftKey),
    )
    .register('patients.update', (input, { actor }) =>
      patients.update(input.id, input.version, input.patient, actorOf(actor), input.confirmedNotDuplicate),
    )
    .register('patients.history', (input, { actor }) => patients.history(input.id, actorOf(actor)));
}
