import type { ServiceContext } from '../../context';
import { actorOf } from '../../ipc/actor';
import type { HandlerRegistry } from '../../ipc/handler-registry';
import { AllergyService } from '../allergies/allergy-service';
import { icd10Release, searchIcd10 } from './icd10-code-set';
import { importIcd10Release } from './icd10-import';
import { ProblemService } from './problem-service';

/** Diagnoses (ICD-10-CM), problems and allergies: shared/chart-contract/problems.ts. */
export function registerProblemHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  const problems = new ProblemService(ctx);
  const allergies = new AllergyService(ctx);
  registry
    .register('diagnoses.search', (input) => searchIcd10(ctx, input.text))
    .register('diagnoses.release', () => icd10Release(ctx))
    .register('diagnoses.importRelease', (input, { actor }) => importIcd10Release(ctx, input, actorOf(actor)))
    .register('problems.list', (input, { actor }) => problems.list(input.patientId, actorOf(actor)))
    .register('problems.add', (input, { actor }) => problems.add(input, actorOf(actor)))
    .register('problems.update', (input, { actor }) => problems.update(input, actorOf(actor)))
    .register('problems.resolve', (input, { actor }) =>
      problems.resolve(input.id, input.version, input.resolvedDate, actorOf(actor)),
    )
    .register('problems.reactivate', (input, { actor }) => problems.reactivate(input.id, input.version, actorOf(actor)))
    .register('allergies.list', (input, { actor }) => allergies.list(input.patientId, actorOf(actor)))
    .register('allergies.add', (input, { actor }) => {
      const { patientId, ...fields } = input;
      return allergies.add(patientId, fields, actorOf(actor));
    })
    .register('allergies.update', (input, { actor }) => {
      const { id, version, ...fields } = input;
      return allergies.update(id, version, fields, actorOf(actor));
    })
    .register('allergies.recordNka', (input, { actor }) => allergies.recordNka(input.patientId, actorOf(actor)));
}
