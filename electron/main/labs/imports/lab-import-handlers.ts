import type { ServiceContext } from '../../context';
import { actorOf } from '../../ipc/actor';
import type { HandlerRegistry } from '../../ipc/handler-registry';
import { labTestByCode } from '../catalogue/lab-catalogue';
import { LabImportService } from './lab-import-service';

/** Channels of shared/lab-contract/imports.ts. */
export function registerLabImportHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  // Imported values are interpreted as typed ones are: in the catalogue test's unit, against the
  // clinic's ranges (labs/results/interpret.ts); a code the catalogue does not know keeps the lab's.
  const imports = new LabImportService(ctx, (code) => labTestByCode(ctx.db.sqlite, code));
  registry
    .register('labs.import', (input, { actor }) => imports.importFile(input, actorOf(actor)))
    .register('labs.import.progress', (_input, { actor }) => imports.progress(actorOf(actor)))
    .register('labs.unmatched.list', (input, { actor }) => imports.list(input.status, actorOf(actor)))
    .register('labs.unmatched.assign', (input, { actor }) =>
      imports.assign(input.id, input.version, input.patientId, actorOf(actor)),
    )
    .register('labs.unmatched.dismiss', (input, { actor }) =>
      imports.dismiss(input.id, input.version, input.reason, actorOf(actor)),
    );
}
