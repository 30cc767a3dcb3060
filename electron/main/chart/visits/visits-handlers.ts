import type { ServiceContext } from '../../context';
import { actorOf } from '../../ipc/actor';
import type { HandlerRegistry } from '../../ipc/handler-registry';
import { NoteLibraryService } from './note-library-service';
import { NoteService } from './note-service';
import { VisitService } from './visit-service';

/** Visits and notes (shared/chart-contract/visits.ts): one line per channel, parsed input to one service call. */
export function registerVisitHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  const visits = new VisitService(ctx);
  const notes = new NoteService(ctx);
  const library = new NoteLibraryService(ctx);
  registry
    .register('visits.start', (input, { actor }) => visits.start(input, actorOf(actor)))
    .register('visits.finish', (input, { actor }) => visits.finish(input.id, input.version, actorOf(actor)))
    .register('visits.list', (input, { actor }) => visits.list(input.patientId, actorOf(actor), input.limit))
    .register('notes.save', (input, { actor }) => notes.save(input, actorOf(actor)))
    .register('notes.addAddendum', (input, { actor }) => notes.addAddendum(input, actorOf(actor)))
    .register('notes.unsigned', (_input, { actor }) => notes.unsignedOlderThanADay(actorOf(actor)))
    .register('noteTemplates.list', () => library.templates())
    .register('noteTemplates.save', (input, { actor }) => library.saveTemplate(input, actorOf(actor)))
    .register('noteSnippets.list', (_input, { actor }) => library.snippets(actorOf(actor)))
    .register('noteSnippets.save', (input, { actor }) => library.saveSnippet(input, actorOf(actor)));
}
