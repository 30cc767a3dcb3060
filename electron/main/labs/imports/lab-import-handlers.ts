import type { ServiceContext } from '../../context';
import { actorOf } from '../../ipc/actor';
import type { HandlerRegistry } from '../../ipc/handler-registry';
import { LabImportService } from './lab-import-service';

/** Channels of shared/lab-contract/imports.ts. */
export function registerLabImportHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  // TODO(integrator): pass (code) => labTestByCode(ctx.db.sqlite, code) from
  // labs/catalogue/lab-catalogue.ts once the catalogue is merged; until then imported values are
  // kept in the unit the lab sent and flagged against the lab's own range.
  const imports = new LabImportService(ctx, () => null);
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
